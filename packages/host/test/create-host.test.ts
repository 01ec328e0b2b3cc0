import { describe, expect, expectTypeOf, it } from "vitest";
import { createHost, type PluginApiOf } from "../src/index.js";
import { plugin } from "./helpers.js";

describe("createHost with a typed API declaration", () => {
  const api = {
    editor: {
      getText: {
        capability: "editor.read",
        handler: () => "hello world",
      },
      insert: {
        capability: "editor.write",
        args: [
          { type: "string", maxLength: 100 },
          { type: "integer", minimum: 0 },
        ],
        handler: (_call: unknown, text: string, at: number) => `${text}@${at}`,
      },
    },
  } as const;

  it("infers what plugins see from the declaration", () => {
    type Api = PluginApiOf<typeof api>;
    expectTypeOf<Api["editor"]["getText"]>().toEqualTypeOf<() => string>();
    expectTypeOf<Api["editor"]["insert"]>().toEqualTypeOf<(text: string, at: number) => string>();
  });

  it("types host.emit from the events declaration", () => {
    const host = createHost({
      version: "1.0.0",
      events: { "document.changed": { payload: { type: "object" } } },
    });
    expectTypeOf(host.emit).parameter(0).toEqualTypeOf<"document.changed">();
  });

  it("runs a plugin that calls the API through the cove global and the cove module", async () => {
    const host = createHost({ version: "1.2.0", api });
    const report = await host.load(
      plugin(
        "acme.hello",
        `import { editor } from "cove";
         export function activate(context) {
           const seen = [cove.editor.getText(), editor.insert("x", 3), context.reason, context.pluginId];
           cove.requests.handle("seen", () => seen);
         }`,
        {
          capabilities: [{ name: "editor.read" }, { name: "editor.write" }],
        },
      ),
    );
    expect(report).toEqual({ loaded: ["acme.hello"], refused: [] });
    expect(host.plugin("acme.hello")?.state).toBe("active");
    expect(await host.request("acme.hello", "seen")).toEqual([
      "hello world",
      "x@3",
      "onStartup",
      "acme.hello",
    ]);
    const result = await host.request("acme.hello", "nothing").catch((e: Error) => e.message);
    expect(result).toMatch(/no handler for request nothing/);
  });

  it("refuses an API declaration with a reserved namespace or a bad schema", () => {
    expect(() =>
      createHost({
        version: "1.0.0",
        api: { storage: { get: { capability: "x", handler: () => 1 } } },
      }),
    ).toThrow(/COVE_API_DECLARATION_INVALID|invalid at storage/);
    expect(() =>
      createHost({
        version: "1.0.0",
        api: { a: { b: { capability: "x", args: [{ type: "nonsense" }], handler: () => 1 } } },
      }),
    ).toThrow(/a\.b\.args/);
  });
});
