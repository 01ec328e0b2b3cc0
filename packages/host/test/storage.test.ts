import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFileStorage, createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const kv = `
  export function activate() {
    cove.requests.handle("set", ({ key, value }) => {
      try { cove.storage.set(key, value); return "ok"; } catch (e) { return e.name + ": " + e.message; }
    });
    cove.requests.handle("get", (key) => cove.storage.get(key));
    cove.requests.handle("keys", () => cove.storage.keys());
  }`;
const storage = { capabilities: [{ name: "storage" }] };

describe("storage", () => {
  it("persists each plugin's store to its own file, committed on unload", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cove-store-"));
    const host = createHost({ version: "1.0.0", storage: createFileStorage(dir) });
    await host.load([plugin("acme.a", kv, storage), plugin("acme.b", kv, storage)]);
    await host.request("acme.a", "set", { key: "goal", value: { words: 500 } });
    await host.request("acme.b", "set", { key: "goal", value: 1 });
    expect(await host.request("acme.a", "get", "goal")).toEqual({ words: 500 });
    await host.unload("acme.a");
    expect(JSON.parse(await readFile(path.join(dir, "acme.a.json"), "utf8"))).toEqual({
      goal: { words: 500 },
    });

    const again = createHost({ version: "1.0.0", storage: createFileStorage(dir) });
    await again.load(plugin("acme.a", kv, storage));
    expect(await again.request("acme.a", "get", "goal")).toEqual({ words: 500 });
    await host.dispose();
    expect(JSON.parse(await readFile(path.join(dir, "acme.b.json"), "utf8"))).toEqual({ goal: 1 });
  });

  it("enforces the quota with a guest QuotaExceeded error and reports usage", async () => {
    const host = createHost({ version: "1.0.0", policy: { storageQuotaBytes: 100 } });
    await host.load(plugin("acme.hoarder", kv, storage));
    expect(await host.request("acme.hoarder", "set", { key: "a", value: "x".repeat(50) })).toBe(
      "ok",
    );
    expect(await host.request("acme.hoarder", "set", { key: "b", value: "x".repeat(50) })).toMatch(
      /^QuotaExceeded: Plugin "acme.hoarder" storage quota exceeded: \d+ bytes would exceed 100/,
    );
    expect(await host.request("acme.hoarder", "keys")).toEqual(["a"]);
    expect(host.usage().plugins[0]?.storage).toEqual({ usedBytes: 53, quotaBytes: 100 });
  });

  it("keeps the committed state intact when a write crashes before the rename", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cove-crash-"));
    const good = createFileStorage(dir);
    await good.save("acme.safe", { v: 1 });

    let crash = true;
    const crashing = createFileStorage(dir, {
      steps: {
        // Half the new file reaches the disk, then the process "dies".
        async writeTemp(file, text) {
          if (!crash) return writeFile(file, text);
          await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
          throw new Error("simulated crash mid-write");
        },
      },
    });
    await expect(crashing.save("acme.safe", { v: 2, big: "y".repeat(1000) })).rejects.toThrow(
      /simulated crash/,
    );
    expect(await createFileStorage(dir).load("acme.safe")).toEqual({ v: 1 });

    crash = false;
    await crashing.save("acme.safe", { v: 3 });
    expect(await createFileStorage(dir).load("acme.safe")).toEqual({ v: 3 });
  });

  it("ignores a temporary file left by a crash between write and rename, and cleans it up", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cove-crash-"));
    const storageA = createFileStorage(dir);
    await storageA.save("acme.safe", { v: 1 });
    const crashing = createFileStorage(dir, {
      steps: {
        async rename() {
          throw new Error("power lost before rename");
        },
      },
    });
    await expect(crashing.save("acme.safe", { v: 2 })).rejects.toThrow(/power lost/);
    // A crash leaves a complete temp file behind (the process died before cleaning up).
    await writeFile(path.join(dir, "acme.safe.json.999.1.tmp"), '{"v":');
    expect(await storageA.load("acme.safe")).toEqual({ v: 1 });
    await storageA.save("acme.safe", { v: 4 });
    expect((await readdir(dir)).sort()).toEqual(["acme.safe.json"]);
    expect(await storageA.load("acme.safe")).toEqual({ v: 4 });
  });

  it("keeps a plugin's committed data when its host crashes mid-flush", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cove-crash-"));
    const host = createHost({ version: "1.0.0", storage: createFileStorage(dir) });
    await host.load(plugin("acme.p", kv, storage));
    await host.request("acme.p", "set", { key: "k", value: "committed" });
    await host.flush();

    const crashingHost = createHost({
      version: "1.0.0",
      storage: createFileStorage(dir, {
        steps: {
          async writeTemp(file) {
            await writeFile(file, "{ torn");
            throw new Error("crash");
          },
        },
      }),
    });
    await crashingHost.load(plugin("acme.p", kv, storage));
    await crashingHost.request("acme.p", "set", { key: "k", value: "lost" });
    await expect(crashingHost.flush()).rejects.toThrow("crash");
    const reopened = createHost({ version: "1.0.0", storage: createFileStorage(dir) });
    await reopened.load(plugin("acme.p", kv, storage));
    expect(await reopened.request("acme.p", "get", "k")).toBe("committed");
  });
});
