import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatProblems } from "@cove/plugin-sdk";
import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

async function writePlugin(
  root: string,
  name: string,
  manifest: unknown,
  files: Record<string, string>,
) {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, "cove-plugin.json"),
    typeof manifest === "string" ? manifest : JSON.stringify(manifest, null, 2),
  );
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const manifest = (id: string, extra: Record<string, unknown> = {}) => ({
  manifestVersion: 1,
  id,
  name: id,
  version: "1.0.0",
  engines: { host: "^1.0.0" },
  main: "dist/main.js",
  activation: ["onStartup"],
  ...extra,
});

describe("discovery and loading", () => {
  it("loads every plugin directory under a root, with their relative imports", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cove-host-"));
    await writePlugin(root, "a", manifest("acme.a"), {
      "dist/main.js": `import { twice } from "./lib/math.js";
        export function activate() { cove.requests.handle("n", (x) => twice(x)); }`,
      "dist/lib/math.js": "export const twice = (x) => x * 2;",
    });
    await writePlugin(root, "b", manifest("acme.b"), { "dist/main.js": "export const b = 1;" });
    await mkdir(path.join(root, "not-a-plugin"));
    const host = createHost({ version: "1.0.0" });
    const report = await host.loadDirectory(root);
    expect(report.refused).toEqual([]);
    expect(report.loaded).toEqual(["acme.a", "acme.b"]);
    expect(await host.request("acme.a", "n", 21)).toBe(42);
  });

  it("loads a single plugin directory", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cove-host-"));
    const dir = await writePlugin(root, "a", manifest("acme.single"), {
      "dist/main.js": "export {}",
    });
    const host = createHost({ version: "1.0.0" });
    expect((await host.loadDirectory(dir)).loaded).toEqual(["acme.single"]);
  });

  it("refuses a corrupted manifest with all its problems, prefixed with the plugin id", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cove-host-"));
    await writePlugin(
      root,
      "broken",
      `{
  "manifestVersion": 2,
  "id": "acme.broken",
  "name": "",
  "version": "one",
  "engines": { "host": "*" },
  "main": "../escape.js",
  "activation": ["onSomething"],
  "capabilities": [{ "name": "events.subscribe", "reason": "x" }],
  "colour": "blue"
}`,
      {},
    );
    await writePlugin(root, "fine", manifest("acme.fine"), { "dist/main.js": "export {}" });
    const host = createHost({ version: "1.0.0" });
    const refusedEvents: string[] = [];
    host.on("plugin:refused", (e) => refusedEvents.push(e.pluginId));
    const report = await host.loadDirectory(root);
    expect(report.loaded).toEqual(["acme.fine"]);
    const [refused] = report.refused;
    expect(refused?.pluginId).toBe("acme.broken");
    expect(refused?.code).toBe("COVE_MANIFEST_INVALID");
    const paths = refused?.problems?.map((p) => p.path) ?? [];
    for (const expected of [
      "manifestVersion",
      "name",
      "version",
      "engines.host",
      "main",
      "activation[0]",
      "capabilities[0].scope",
      "colour",
    ]) {
      expect(paths).toContain(expected);
    }
    const text = formatProblems("acme.broken", refused?.problems ?? []);
    for (const line of text.split("\n"))
      expect(line).toMatch(/^acme\.broken: cove-plugin\.json:\d+:\d+: /);
    expect(refusedEvents).toEqual(["acme.broken"]);
    expect(host.plugin("acme.broken")).toBeUndefined();
  });

  it("refuses invalid JSON and a missing main file without crashing", async () => {
    const host = createHost({ version: "1.0.0" });
    const report = await host.load([
      { manifest: "{ not json", files: {}, origin: "memory:x" },
      { manifest: manifest("acme.nomain"), files: {} },
      { manifest: 42, files: {} },
    ]);
    expect(report.loaded).toEqual([]);
    expect(report.refused.map((r) => r.code)).toEqual([
      "COVE_MANIFEST_INVALID",
      "COVE_MANIFEST_INVALID",
      "COVE_MANIFEST_INVALID",
    ]);
    expect(report.refused[1]?.pluginId).toBe("acme.nomain");
    expect(report.refused[1]?.problems).toEqual([
      { path: "main", message: 'the file "dist/main.js" is not in the plugin' },
    ]);
  });

  it("loads from memory", async () => {
    const host = createHost({ version: "1.0.0" });
    const report = await host.load(plugin("acme.mem", "export const x = 1;"));
    expect(report.loaded).toEqual(["acme.mem"]);
  });
});
