/** createTestHost: plugin authors' host for their own tests. */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CallContext,
  createTestHost,
  HostError,
  ManifestInvalidError,
  method,
  type TestHost,
} from "../src/index.js";
import { plugin } from "./helpers.js";

const hosts: TestHost[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function track<T extends TestHost>(host: T): T {
  hosts.push(host);
  return host;
}

const editorApi = {
  editor: {
    getText: method({ capability: "editor.read", handler: () => "one two" }),
    insert: method({
      capability: "editor.write",
      args: [{ type: "string" }],
      handler: (_call: CallContext, text: string) => {
        if (text === "") throw new Error("nothing to insert");
        return text.length;
      },
    }),
  },
};

const writer = plugin(
  "acme.writer",
  `import { editor, commands, events, storage } from "cove";
export function activate() {
  commands.register("writer.insert", (text) => editor.insert(text));
  commands.register("writer.count", () => editor.getText().split(" ").length);
  events.on("document.changed", (payload) => {
    storage.set("last", payload.length);
    events.emit("writer.seen", { length: payload.length });
  });
}`,
  {
    engines: "^2.3.0",
    commands: ["writer.insert", "writer.count"],
    capabilities: [
      { name: "editor.read" },
      { name: "editor.write" },
      { name: "storage" },
      { name: "events.subscribe", scope: ["document.*"] },
      { name: "events.emit", scope: ["writer.*"] },
    ],
  },
);

describe("createTestHost", () => {
  it("loads a plugin from memory into a host of the lowest version it accepts", async () => {
    const t = track(createTestHost({ api: editorApi }));
    expect(() => t.host).toThrow("load a plugin first");
    expect(await t.load(writer)).toBe("acme.writer");
    expect(t.host.version).toBe("2.3.0");
    expect(t.host.plugin("acme.writer")?.state).toBe("active");
  });

  it("loads a plugin from a directory, by path or file URL", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cove-test-host-"));
    dirs.push(dir);
    writeFileSync(path.join(dir, "cove-plugin.json"), JSON.stringify(writer.manifest));
    writeFileSync(path.join(dir, "main.js"), writer.files["main.js"] as string);
    const byPath = track(createTestHost({ api: editorApi }));
    expect(await byPath.load(dir)).toBe("acme.writer");
    const byUrl = track(createTestHost({ api: editorApi }));
    expect(await byUrl.load(pathToFileURL(dir))).toBe("acme.writer");
  });

  it("records the plugin's calls to the application's API, with results and errors", async () => {
    const t = track(createTestHost({ api: editorApi }));
    await t.load(writer);
    expect(await t.executeCommand("writer.insert", "abc")).toBe(3);
    await expect(t.executeCommand("writer.insert", "")).rejects.toThrow("nothing to insert");
    expect(await t.executeCommand("writer.count")).toBe(2);
    expect(t.calls.map(({ method, args }) => [method, args])).toEqual([
      ["editor.insert", ["abc"]],
      ["editor.insert", [""]],
      ["editor.getText", []],
    ]);
    const [first, second] = t.callsTo("editor.insert");
    expect(first).toEqual({
      pluginId: "acme.writer",
      method: "editor.insert",
      args: ["abc"],
      result: 3,
    });
    expect(second?.error).toBeInstanceOf(Error);
    expect(String(second?.error)).toContain("nothing to insert");
  });

  it("sends events, and keeps what the plugin emitted and stored", async () => {
    const t = track(createTestHost({ api: editorApi, events: { "document.changed": {} } }));
    await t.load(writer);
    const report = await t.emit("document.changed", { length: 5 });
    expect(report.delivered).toEqual(["acme.writer"]);
    expect(t.emitted).toEqual([
      { pluginId: "acme.writer", name: "writer.seen", payload: { length: 5 } },
    ]);
    expect(await t.storage()).toEqual({ last: 5 });
  });

  it("reads the plugin's cost, in total and over one action", async () => {
    const t = track(createTestHost({ api: editorApi, events: { "document.changed": {} } }));
    await t.load(writer);
    const total = t.cost();
    expect(total.hostCallsByMethod).toEqual({ "commands.register": 2, "events.on": 1 });
    const cost = await t.measure(() => t.emit("document.changed", { length: 5 }));
    expect(cost.fuel).toBeGreaterThan(0);
    expect(cost.fuel).toBeLessThan(1000);
    expect(cost.hostCalls).toBe(2);
    expect(cost.hostCallsByMethod).toEqual({ "storage.set": 1, "events.emit": 1 });
    expect(cost.eventsIn).toBe(1);
    expect(cost.eventsOut).toBe(1);
    expect(cost.errors).toBe(0);
    expect(t.cost().fuel).toBe(total.fuel + cost.fuel);
    expect(t.usage().id).toBe("acme.writer");
  });

  it("rejects an invalid manifest with every problem", async () => {
    const t = track(createTestHost());
    const error = await t.load({ manifest: { id: "acme.bad" }, files: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ManifestInvalidError);
    expect((error as ManifestInvalidError).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["manifestVersion", "name", "version", "engines", "main"]),
    );
  });

  it("rejects a plugin the host refuses, with the host's code", async () => {
    const t = track(createTestHost({ version: "1.0.0", api: editorApi }));
    const error = await t.load(writer).catch((e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("COVE_ENGINE_INCOMPATIBLE");
  });

  it("rejects a plugin whose activation fails, with its error", async () => {
    const t = track(createTestHost());
    const failing = plugin(
      "acme.failing",
      'export function activate() { throw new Error("boom"); }',
    );
    const error = await t.load(failing).catch((e) => e);
    expect((error as HostError).code).toBe("COVE_PLUGIN_LOAD_FAILED");
    expect((error as Error).message).toContain("activation-failed");
    expect((error as Error).message).toContain("boom");
  });

  it("needs a plugin id when more than one plugin is loaded", async () => {
    const t = track(createTestHost({ api: editorApi }));
    await t.load(writer);
    await t.load(plugin("acme.other", "export function activate() {}", { engines: "^2.0.0" }));
    expect(() => t.cost()).toThrow("name the plugin (loaded: acme.writer, acme.other)");
    expect(t.cost("acme.other").errors).toBe(0);
  });
});
