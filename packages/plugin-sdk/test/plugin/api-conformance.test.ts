/**
 * The SDK's plugin-side types against what @cove/host really does: test/fixtures/api-plugin calls
 * every method of the API object, is type-checked against the SDK's types (env-types.test.ts),
 * built with the CLI's bundler, and run here in a host with an application API.
 */

import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CallContext,
  createTestHost,
  defineApi,
  defineEvents,
  event,
  method,
  type PluginApiOf,
  type TestHost,
} from "@cove/host";
import { afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { buildPlugin } from "../../src/cli/build-plugin.js";
import {
  type PluginApiFromDeclaration,
  type PluginEventsFromDeclaration,
  parseManifest,
} from "../../src/index.js";
import { removeTempProjects, tempProject } from "../cli/helpers.js";

const fixture = fileURLToPath(new URL("../fixtures/api-plugin", import.meta.url));
let dir: string;
let text = "Hello";
const hosts: TestHost[] = [];

beforeAll(async () => {
  dir = tempProject();
  cpSync(fixture, dir, { recursive: true });
  const manifest = parseManifest(readFileSync(path.join(dir, "cove-plugin.json"), "utf8"));
  if (!manifest.ok) throw new Error(JSON.stringify(manifest.problems));
  await buildPlugin(dir, manifest.manifest, { cwd: dir });
  return removeTempProjects;
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

async function start() {
  text = "Hello";
  const t = createTestHost({
    api: {
      editor: {
        getText: method({ capability: "editor.read", handler: () => text }),
        insert: method({
          capability: "editor.write",
          args: [{ type: "string" }],
          handler: (_call: CallContext, more: string) => {
            text += more;
            return text.length;
          },
        }),
      },
    },
    events: { "document.changed": event<{ length: number }>() },
  });
  hosts.push(t);
  await t.load(dir);
  return t;
}

describe("the API object, as the SDK types it and the host builds it", () => {
  it("activate(context) gets pluginId, version, reason and settings", async () => {
    const t = await start();
    expect(t.host.version).toBe("1.4.0");
    expect((await t.storage()).activation).toEqual({
      pluginId: "acme.api-plugin",
      version: "2.1.0",
      reason: "onStartup",
      limit: 3,
    });
    expect(t.log().map((line) => line.text)).toContain("activated by onStartup");
  });

  it("storage: get, set, delete (true, then false), keys", async () => {
    const t = await start();
    expect(await t.executeCommand("api.storage")).toEqual({
      got: [1, { b: "c" }],
      missing: true,
      deleted: true,
      deletedAgain: false,
      keys: ["activation"],
    });
  });

  it("the application's API, from the module and from the global, with calls recorded", async () => {
    const t = await start();
    expect(await t.executeCommand("api.editor", "!")).toEqual({ length: 6, text: "Hello!" });
    expect(await t.executeCommand("api.global")).toBe(true);
    expect(t.callsTo("editor.insert")).toEqual([
      { pluginId: "acme.api-plugin", method: "editor.insert", args: ["!"], result: 6 },
    ]);
    expect(t.calls.map((call) => call.method)).toEqual([
      "editor.insert",
      "editor.getText",
      "editor.getText",
      "editor.getText",
    ]);
  });

  it("events: on with a typed payload and a pattern, emit, off", async () => {
    const t = await start();
    const cost = await t.measure(() => t.emit("document.changed", { length: 42 }));
    const stored = await t.storage();
    expect(stored.lastLength).toBe(42);
    expect(stored.patternSeen).toBe(true);
    expect(t.emitted).toEqual([
      { pluginId: "acme.api-plugin", name: "apiPlugin.seen", payload: { length: 42 } },
    ]);
    expect(cost.eventsIn).toBe(1);
    expect(cost.eventsOut).toBe(1);
    expect(cost.hostCallsByMethod).toEqual({ "storage.set": 2, "events.emit": 1 });

    await t.executeCommand("api.unsubscribe");
    const report = await t.emit("document.changed", { length: 7 });
    expect(report.delivered).toEqual([]);
  });

  it("requests.handle answers host.request", async () => {
    const t = await start();
    expect(await t.request("acme.api-plugin", "count", { words: ["a", "b"] })).toBe(2);
  });

  it("deactivate() runs on unload", async () => {
    const t = await start();
    await t.unload();
    expect(await t.storage()).toMatchObject({ deactivated: true });
  });
});

describe("types from the host's own declaration helpers", () => {
  const api = defineApi({
    editor: {
      getText: method({ capability: "editor.read", handler: () => "text" }),
      insert: method({
        capability: "editor.write",
        handler: (_call: CallContext, at: number, more: string) => at + more.length,
      }),
    },
  });
  const events = defineEvents({
    "document.changed": event<{ length: number }>(),
    "document.saved": event(),
  });

  it("PluginApiFromDeclaration agrees with the host's PluginApiOf", () => {
    expectTypeOf<PluginApiFromDeclaration<typeof api>>().toEqualTypeOf<PluginApiOf<typeof api>>();
    expectTypeOf<PluginApiFromDeclaration<typeof api>["editor"]["insert"]>().toEqualTypeOf<
      (at: number, more: string) => number
    >();
  });

  it("PluginEventsFromDeclaration reads event<Payload>()", () => {
    expectTypeOf<PluginEventsFromDeclaration<typeof events>>().toEqualTypeOf<{
      readonly "document.changed": { length: number };
      readonly "document.saved": unknown;
    }>();
  });
});
