import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const recorder = (name: string) => `
  const seen = [];
  export function activate() {
    cove.events.on("${name}", (payload) => { seen.push(payload.n); });
    cove.requests.handle("seen", () => seen);
  }`;

const subscribe = (scope: string[]) => ({ capabilities: [{ name: "events.subscribe", scope }] });

describe("events", () => {
  it("delivers to each plugin in order, one at a time, and validates payloads", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { "doc.changed": { payload: { type: "object", required: ["n"] } } },
    });
    await host.load([
      plugin("acme.a", recorder("doc.changed"), subscribe(["doc.changed"])),
      plugin("acme.b", recorder("doc.*"), subscribe(["doc.*"])),
      plugin("acme.deaf", recorder("doc.changed"), subscribe(["other.thing"])),
    ]);
    const reports = await Promise.all(
      Array.from({ length: 20 }, (_, n) => host.emit("doc.changed", { n })),
    );
    const numbers = Array.from({ length: 20 }, (_, n) => n);
    expect(await host.request("acme.a", "seen")).toEqual(numbers);
    expect(await host.request("acme.b", "seen")).toEqual(numbers);
    expect(reports[0]).toEqual({ delivered: ["acme.a", "acme.b"], dropped: [], failed: [] });
    // acme.deaf could not subscribe: its activation was denied and audited.
    expect(host.audit({ pluginId: "acme.deaf" })).toHaveLength(1);
    await expect(host.emit("doc.changed", { m: 1 } as never)).rejects.toMatchObject({
      code: "COVE_INVALID_ARGUMENTS",
    });
    await expect(host.emit("nope" as never, {} as never)).rejects.toMatchObject({
      code: "COVE_EVENT_UNKNOWN",
    });
  });

  it("keeps delivering to others when one plugin throws", async () => {
    const host = createHost({ version: "1.0.0", events: { ping: {} } });
    await host.load([
      plugin(
        "acme.thrower",
        `export function activate() { cove.events.on("ping", () => { throw new Error("no"); }); }`,
        subscribe(["ping"]),
      ),
      plugin("acme.fine", recorder("ping"), subscribe(["ping"])),
    ]);
    const report = await host.emit("ping", { n: 1 });
    expect(report).toEqual({ delivered: ["acme.fine"], dropped: [], failed: ["acme.thrower"] });
    expect(await host.request("acme.fine", "seen")).toEqual([1]);
    expect(host.usage().plugins.find((p) => p.id === "acme.thrower")?.errors.used).toBe(1);
  });

  for (const [overflow, expected] of [
    ["drop-oldest", [7, 8, 9]],
    ["drop-newest", [0, 1, 2]],
  ] as const) {
    it(`applies the ${overflow} overflow policy of a bounded queue`, async () => {
      const host = createHost({
        version: "1.0.0",
        events: { e: {} },
        policy: { queue: { capacity: 3, overflow } },
      });
      await host.load(plugin("acme.slow", recorder("e"), subscribe(["e"])));
      const reports = await Promise.all(
        Array.from({ length: 10 }, (_, n) => host.emit("e", { n })),
      );
      expect(await host.request("acme.slow", "seen")).toEqual(expected);
      // Ten events arrive before the plugin runs any: three wait, seven are dropped.
      expect(reports.filter((r) => r.dropped.length > 0)).toHaveLength(7);
      expect(host.usage().plugins[0]?.events).toEqual({ in: 10, out: 0, dropped: 7 });
    });
  }

  it("unloads a plugin whose queue overflows under the unload policy", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { e: {} },
      policy: { queue: { capacity: 2, overflow: "unload" } },
    });
    await host.load([plugin("acme.flooded", recorder("e"), subscribe(["e"]))]);
    await Promise.all(Array.from({ length: 5 }, (_, n) => host.emit("e", { n })));
    expect(host.plugin("acme.flooded")).toMatchObject({
      state: "unloaded",
      unloadReason: "queue-overflow",
    });
  });

  it("passes plugin events to the application and to plugins whose capability allows it", async () => {
    const host = createHost({ version: "1.0.0" });
    const appSeen: string[] = [];
    host.on("plugin:event", (e) =>
      appSeen.push(`${e.pluginId} ${e.name} ${JSON.stringify(e.payload)}`),
    );
    await host.load([
      plugin(
        "acme.sender",
        `export function activate() { cove.requests.handle("send", (n) => cove.events.emit("sender.said", { n })); }`,
        { capabilities: [{ name: "events.emit", scope: ["sender.*"] }] },
      ),
      plugin("acme.listener", recorder("sender.said"), subscribe(["sender.*"])),
      plugin(
        "acme.outsider",
        `export function activate() { try { cove.events.on("sender.said", () => {}); } catch (e) { cove.requests.handle("why", () => e.name); } }`,
        subscribe(["mine.*"]),
      ),
    ]);
    await host.request("acme.sender", "send", 5);
    await host.idle();
    expect(appSeen).toEqual(['acme.sender sender.said {"n":5}']);
    expect(await host.request("acme.listener", "seen")).toEqual([5]);
    expect(await host.request("acme.outsider", "why")).toBe("PermissionDenied");
    expect(host.usage().plugins.map((p) => [p.id, p.events.in, p.events.out])).toEqual([
      ["acme.listener", 1, 0],
      ["acme.outsider", 0, 0],
      ["acme.sender", 0, 1],
    ]);
  });

  it("times out and cancels requests", async () => {
    const host = createHost({ version: "1.0.0", events: { e: {} } });
    await host.load(
      plugin(
        "acme.busy",
        `export function activate() {
           cove.events.on("e", () => { const end = Date.now() + 40; while (Date.now() < end) {} });
           cove.requests.handle("quick", () => "done");
         }`,
        subscribe(["e"]),
      ),
    );
    void host.emit("e", {});
    await expect(
      host.request("acme.busy", "quick", undefined, { timeoutMs: 10 }),
    ).rejects.toMatchObject({
      code: "COVE_REQUEST_TIMEOUT",
    });
    const controller = new AbortController();
    void host.emit("e", {});
    const pending = host.request("acme.busy", "quick", undefined, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "COVE_REQUEST_CANCELLED" });
    expect(await host.request("acme.busy", "quick")).toBe("done");
  });
});
