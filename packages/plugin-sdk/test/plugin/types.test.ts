/**
 * Pins the plugin-side types: what `activate` receives, the API object, `definePlugin`, and the
 * types computed from an application's declaration. `npm run typecheck` checks the assertions;
 * vitest runs the few runtime ones.
 */

import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ActivationReason,
  type CoveApi,
  definePlugin,
  type JsonValue,
  type PluginApiFromDeclaration,
  type PluginContext,
  type PluginDefinition,
  type PluginEventsFromDeclaration,
  type PluginStorage,
  type RegisteredCoveApi,
  type SettingsOf,
  type SettingValues,
} from "../../src/index.js";

/** Type checks only: the body is compiled, never run (the API objects here are not real). */
function typesOnly(_body: () => void): void {}

type EditorApi = {
  editor: { getText(): string; insert(text: string): number };
};
type EditorEvents = { "document.changed": { length: number } };

describe("definePlugin", () => {
  it("returns its argument unchanged", () => {
    const plugin = { activate() {}, deactivate() {} };
    expect(definePlugin(plugin)).toBe(plugin);
  });

  it("types activate(context) and deactivate()", () => {
    const plugin = definePlugin({
      activate(context) {
        expectTypeOf(context).toEqualTypeOf<PluginContext<SettingValues>>();
      },
    });
    expectTypeOf(plugin).toEqualTypeOf<PluginDefinition<SettingValues>>();
    expectTypeOf(plugin.activate).toEqualTypeOf<
      ((context: PluginContext<SettingValues>) => void | Promise<void>) | undefined
    >();
    expectTypeOf(plugin.deactivate).toEqualTypeOf<(() => void | Promise<void>) | undefined>();
  });

  it("exports by name, which is what the host calls", () => {
    const { activate, deactivate } = definePlugin({ activate() {} });
    expectTypeOf(activate).not.toBeAny();
    expectTypeOf(deactivate).not.toBeAny();
  });

  it("allows an asynchronous activate", () => {
    definePlugin({ async activate() {}, async deactivate() {} });
  });

  it("rejects what is not a plugin", () => {
    // @ts-expect-error activate receives a context, not a number
    definePlugin({ activate: (n: number) => n });
    // @ts-expect-error no other exports are part of a plugin definition
    definePlugin({ start() {} });
  });
});

describe("PluginContext", () => {
  it("has the fields @cove/host passes to activate", () => {
    expectTypeOf<PluginContext>().toEqualTypeOf<{
      readonly pluginId: string;
      readonly version: string;
      readonly reason: ActivationReason;
      readonly settings: Readonly<SettingValues>;
    }>();
  });

  it("reads settings by key, possibly undefined without a settings type", () => {
    definePlugin({
      activate(context) {
        expectTypeOf(context.settings["any.key"]).toEqualTypeOf<JsonValue | undefined>();
      },
    });
  });

  it("knows the activation reasons and accepts others", () => {
    expectTypeOf<"onStartup">().toExtend<ActivationReason>();
    expectTypeOf<"onCommand:wordCount.show">().toExtend<ActivationReason>();
    expectTypeOf<"onEvent:document.changed">().toExtend<ActivationReason>();
    expectTypeOf<"request:count">().toExtend<ActivationReason>();
    expectTypeOf<"my-app-reason">().toExtend<ActivationReason>();
  });
});

describe("SettingsOf", () => {
  // What `typeof import("./cove-plugin.json")` gives: literals widened, as TypeScript types JSON.
  type Manifest = {
    id: string;
    contributes: {
      settings: {
        "wordCount.goal": { type: string; default: number };
        "wordCount.mode": { type: string; enum: string[]; default: string };
        "wordCount.ignore": { type: string; items: { type: string }; default: string[] };
      };
    };
  };

  it("types each setting by its default", () => {
    expectTypeOf<SettingsOf<Manifest>>().toEqualTypeOf<{
      readonly "wordCount.goal": number;
      readonly "wordCount.mode": string;
      readonly "wordCount.ignore": string[];
    }>();
    definePlugin<SettingsOf<Manifest>>({
      activate(context) {
        expectTypeOf(context.settings["wordCount.goal"]).toEqualTypeOf<number>();
        // @ts-expect-error not a setting of this manifest
        context.settings["wordCount.other"];
      },
    });
  });

  it("is empty for a manifest without settings", () => {
    expectTypeOf<SettingsOf<{ id: string }>>().toEqualTypeOf<SettingValues>();
    expectTypeOf<SettingsOf<{ contributes: { commands: [] } }>>().toEqualTypeOf<
      Record<never, never>
    >();
  });
});

describe("CoveApi", () => {
  type Api = CoveApi<EditorApi, EditorEvents>;

  it("has the application's namespaces and the host's own", () => {
    expectTypeOf<Api["editor"]["getText"]>().toEqualTypeOf<() => string>();
    expectTypeOf<Api["editor"]["insert"]>().parameters.toEqualTypeOf<[text: string]>();
    expectTypeOf<Api["storage"]>().toEqualTypeOf<PluginStorage>();
    expectTypeOf<keyof Api>().toEqualTypeOf<
      "editor" | "storage" | "events" | "commands" | "requests" | "plugins"
    >();
  });

  it("types storage as JSON data", () => {
    typesOnly(() => {
      const storage = {} as PluginStorage;
      expectTypeOf(storage.get("k")).toEqualTypeOf<JsonValue | undefined>();
      expectTypeOf(storage.get<number>("k")).toEqualTypeOf<number | undefined>();
      expectTypeOf(storage.delete).returns.toEqualTypeOf<boolean>();
      expectTypeOf(storage.keys).returns.toEqualTypeOf<string[]>();
      expectTypeOf(storage.set).toBeCallableWith("k", { a: [1, "two", null, { b: true }] });
      // @ts-expect-error functions are not JSON data
      storage.set("k", () => 1);
      // @ts-expect-error undefined is not JSON data (delete the key instead)
      storage.set("k", undefined);
    });
  });

  it("types a declared event's payload and leaves patterns and other names unknown", () => {
    typesOnly(() => {
      const { events } = {} as Api;
      events.on("document.changed", (payload) => {
        expectTypeOf(payload).toEqualTypeOf<{ length: number }>();
      });
      events.on("document.*", (payload) => {
        expectTypeOf(payload).toEqualTypeOf<unknown>();
      });
      events.on("acme.other-plugin:done", (payload) => {
        expectTypeOf(payload).toEqualTypeOf<unknown>();
      });
      expectTypeOf(events.emit).toBeCallableWith("acme.counted", { words: 3 });
      expectTypeOf(events.off).toBeCallableWith("document.changed");
    });
  });

  it("types command handlers from their parameters", () => {
    typesOnly(() => {
      const { commands } = {} as Api;
      commands.register("wordCount.show", (name?: string) => `${name}`);
      commands.register("wordCount.reset", (...args) => {
        expectTypeOf(args).toEqualTypeOf<JsonValue[]>();
      });
      expectTypeOf(commands.execute).toBeCallableWith("wordCount.show", "Ada", 2);
      expectTypeOf(commands.execute).returns.toEqualTypeOf<void>();
    });
  });

  it("types request handlers", () => {
    typesOnly(() => {
      const { requests } = {} as Api;
      requests.handle("count", (payload: { text: string }) => payload.text.length);
      requests.handle("who", async (_payload, sender) => {
        expectTypeOf(sender.from).toEqualTypeOf<string | null>();
        return sender.from;
      });
    });
  });

  it("types requests to other plugins as promises of JSON data", () => {
    typesOnly(() => {
      const { plugins } = {} as Api;
      expectTypeOf(plugins.request("acme.speller", "check", { word: "hi" })).toEqualTypeOf<
        Promise<JsonValue>
      >();
      expectTypeOf(
        plugins.request<{ ok: boolean }>("acme.speller", "check", null, { timeoutMs: 100 }),
      ).toEqualTypeOf<Promise<{ ok: boolean }>>();
      // @ts-expect-error only JSON data crosses between plugins
      plugins.request("acme.speller", "check", () => 1);
    });
  });

  it("is only the host's namespaces without an application API", () => {
    expectTypeOf<keyof CoveApi>().toEqualTypeOf<
      "storage" | "events" | "commands" | "requests" | "plugins"
    >();
  });

  it("is the registered application's API (none is registered in this project)", () => {
    expectTypeOf<RegisteredCoveApi>().toEqualTypeOf<CoveApi>();
  });
});

describe("types from an application's declaration", () => {
  // The shape `@cove/host`'s createHost({ api, events }) takes, written out structurally.
  type CallContext = { pluginId: string; method: string };
  const api = {
    editor: {
      getText: { capability: "editor.read", handler: (_call: CallContext) => "text" },
      insert: {
        capability: "editor.write",
        args: [{ type: "string" }],
        handler: (_call: CallContext, text: string) => text.length,
      },
    },
  };
  const events = {
    "document.changed": {} as { payload?: object; __payload?: { length: number } },
    "document.saved": { payload: { type: "object" } },
  };

  it("computes the API plugins call", () => {
    expectTypeOf<PluginApiFromDeclaration<typeof api>>().toEqualTypeOf<{
      readonly editor: {
        readonly getText: () => string;
        readonly insert: (text: string) => number;
      };
    }>();
  });

  it("computes event payloads, unknown where the declaration has no type", () => {
    expectTypeOf<PluginEventsFromDeclaration<typeof events>>().toEqualTypeOf<{
      readonly "document.changed": { length: number };
      readonly "document.saved": unknown;
    }>();
  });

  it("fits CoveApi", () => {
    type Api = CoveApi<
      PluginApiFromDeclaration<typeof api>,
      PluginEventsFromDeclaration<typeof events>
    >;
    expectTypeOf<ReturnType<Api["editor"]["getText"]>>().toEqualTypeOf<string>();
  });
});
