import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { WALK_EVERY_RUNS } from "../src/lifecycle/heap-budget.js";
import { plugin } from "./helpers.js";

const MiB = 1024 * 1024;
const subscribe = [{ name: "events.subscribe", scope: ["grow"] }];

/** Each "grow" event allocates 5000 small objects; `keep` says whether they stay reachable. */
const grower = (keep: boolean) => `
  const kept = [];
  export function activate() {
    cove.events.on("grow", () => {
      const batch = [];
      for (let i = 0; i < 5000; i++) batch.push({ i, label: "item " + i });
      ${keep ? "kept.push(batch);" : ""}
    });
  }`;

describe("the live-heap budget", () => {
  it("unloads a plugin that retains what it allocates, not one that drops it", async () => {
    const host = createHost({ version: "1.0.0", events: { grow: {} } });
    const unloaded: string[] = [];
    host.on("plugin:unloaded", (e) => unloaded.push(`${e.pluginId} ${e.reason}`));
    // The allocation budgets are far above what ten events allocate: only the heap can trip.
    const budgets = {
      perEvent: { allocationBytes: 64 * MiB },
      cumulative: { heapBytes: 2 * MiB, allocationBytes: 1024 * MiB },
    };
    await host.load([
      plugin("acme.hoarder", grower(true), { capabilities: subscribe, budgets }),
      plugin("acme.tidy", grower(false), { capabilities: subscribe, budgets }),
    ]);
    const reports = [];
    for (let i = 0; i < 10; i++) reports.push(await host.emit("grow", {}));
    await host.idle();

    expect(unloaded).toEqual(["acme.hoarder budget:heap"]);
    const usage = Object.fromEntries(host.usage().plugins.map((p) => [p.id, p]));
    const hoarder = usage["acme.hoarder"];
    const tidy = usage["acme.tidy"];
    expect(hoarder?.unloadReason).toBe("budget:heap");
    expect(hoarder?.peakHeapBytes.used).toBeGreaterThan(2 * MiB);
    expect(hoarder?.peakHeapBytes.budget).toBe(2 * MiB);
    // The delivery that crossed the line failed; later ones skip the unloaded plugin.
    const crossed = reports.findIndex((r) => r.failed.includes("acme.hoarder"));
    expect(crossed).toBeGreaterThan(0);
    expect(reports.slice(crossed + 1).every((r) => !r.delivered.includes("acme.hoarder"))).toBe(
      true,
    );
    expect(
      host
        .plugin("acme.hoarder")
        ?.log.map((l) => l.text)
        .join("\n"),
    ).toMatch(/Cumulative heap budget exhausted/);

    // The tidy plugin allocated more than its heap budget over the ten events, and keeps running.
    expect(tidy?.state).toBe("active");
    expect(tidy?.allocationBytes.used).toBeGreaterThan(2 * MiB);
    expect(tidy?.peakHeapBytes.used).toBeLessThan(1 * MiB);
    expect(reports.every((r) => r.delivered.includes("acme.tidy"))).toBe(true);
  });

  it("fails a delivery that grows the heap by more than the per-event budget", async () => {
    const host = createHost({ version: "1.0.0", events: { grow: {} } });
    await host.load(
      plugin("acme.spiky", grower(true), {
        capabilities: subscribe,
        budgets: { perEvent: { heapBytes: 100_000 }, cumulative: { errors: 10 } },
      }),
    );
    expect(await host.emit("grow", {})).toEqual({
      delivered: [],
      dropped: [],
      failed: ["acme.spiky"],
    });
    const usage = host.usage().plugins[0];
    expect(usage?.errors.perEventBudgetsExhausted).toEqual({ heap: 1 });
    expect(usage?.errors.last).toMatch(/per-event heap budget exhausted \(used \d+ of 100000\)/);
    expect(usage?.state).toBe("active");
  });

  it("refuses a plugin whose main module already retains more than its heap budget", async () => {
    const host = createHost({ version: "1.0.0" });
    const report = await host.load(
      plugin(
        "acme.heavy",
        `export const table = []; for (let i = 0; i < 20000; i++) table.push({ i });`,
        { budgets: { cumulative: { heapBytes: MiB } } },
      ),
    );
    expect(report.loaded).toEqual([]);
    expect(report.refused[0]).toMatchObject({
      pluginId: "acme.heavy",
      code: "COVE_PLUGIN_LOAD_FAILED",
      reason: expect.stringMatching(/retains \d+ bytes of live heap, over its heap budget/),
    });
    expect(host.plugin("acme.heavy")?.state).toBe("failed");
    expect(host.usage().plugins[0]?.peakHeapBytes.used).toBeGreaterThan(MiB);
  });

  it("judges a run's growth from a bound on the heap before it, not from an older walk", async () => {
    const host = createHost({ version: "1.0.0", events: { add: {} } });
    await host.load(
      plugin(
        "acme.adder",
        `const kept = [];
         export function activate() {
           cove.events.on("add", (e) => { for (let i = 0; i < e.count; i++) kept.push({ i }); });
         }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["add"] }],
          budgets: { perEvent: { heapBytes: 200_000 }, cumulative: { errors: 10 } },
        },
      ),
    );
    // Thirty small deliveries retain ~150 kB between them, none measured (each could add at
    // most HEAP_SLACK × what it allocated, under the per-event budget).
    for (let i = 0; i < 30; i++) await host.emit("add", { count: 60 });
    const measured = host.usage().plugins[0]?.peakHeapBytes.measurements;
    expect(measured).toBe(1);
    // One that retains ~100 kB is measured, and passes: the earlier ones' share is not its own.
    expect((await host.emit("add", { count: 1300 })).failed).toEqual([]);
    expect(host.usage().plugins[0]?.peakHeapBytes.measurements).toBe(2);
    // One that retains ~300 kB fails.
    expect((await host.emit("add", { count: 4000 })).failed).toEqual(["acme.adder"]);
    expect(host.usage().plugins[0]?.errors.perEventBudgetsExhausted).toEqual({ heap: 1 });
  });

  it("measures the heap rarely for a plugin whose many small events do not grow it", async () => {
    const host = createHost({ version: "1.0.0", events: { tick: {} } });
    await host.load(
      plugin(
        "acme.ticker",
        `const totals = { n: 0 };
         export function activate() {
           cove.events.on("tick", (e) => {
             const parts = String(e.n).split("").map((d) => ({ d: Number(d) }));
             totals.n += parts.reduce((a, p) => a + p.d, 0);
           });
         }`,
        { capabilities: [{ name: "events.subscribe", scope: ["tick"] }] },
      ),
    );
    const events = 1000;
    for (let i = 0; i < events; i++) await host.emit("tick", { n: i });
    const usage = host.usage().plugins[0];
    expect(usage?.events.in).toBe(events);
    // One measurement at load, then one every WALK_EVERY_RUNS runs (activation included).
    const runs = events + 1;
    expect(usage?.peakHeapBytes.measurements).toBe(1 + Math.floor(runs / WALK_EVERY_RUNS));
    expect(usage?.peakHeapBytes.measuredAt).toEqual(expect.any(String));
    expect(usage?.peakHeapBytes.used).toBeGreaterThan(10_000);
    expect(usage?.state).toBe("active");
  });

  it("counts what the host hands a plugin: keeping event payloads is caught at once", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { text: {} },
      api: {
        editor: { snapshot: { capability: "editor.read", handler: () => "y".repeat(50_000) } },
      },
    });
    // Strings copied in are not charged as allocation: without counting them, the heap would only
    // be measured again WALK_EVERY_RUNS runs later.
    const keeper = (how: string) => `
      const kept = [];
      export function activate() { cove.events.on("text", (e) => { kept.push(${how}); }); }`;
    const budgets = { cumulative: { heapBytes: 1024 * 1024 } };
    const capabilities = [{ name: "events.subscribe", scope: ["text"] }, { name: "editor.read" }];
    await host.load([
      plugin("acme.payloads", keeper("e.text"), { capabilities, budgets }),
      plugin("acme.snapshots", keeper("cove.editor.snapshot()"), { capabilities, budgets }),
    ]);
    const failed: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      const report = await host.emit("text", { text: `${i}`.padEnd(50_000, "x") });
      for (const id of report.failed) failed[id] ??= i;
    }
    await host.idle();
    // 100 kB of heap per event over a 1 MiB budget: the tenth or eleventh delivery crosses it.
    for (const id of ["acme.payloads", "acme.snapshots"]) {
      expect(host.plugin(id)?.state).toBe("unloaded");
      expect(host.usage().plugins.find((p) => p.id === id)?.unloadReason).toBe("budget:heap");
      expect(failed[id]).toBeGreaterThanOrEqual(8);
      expect(failed[id]).toBeLessThanOrEqual(11);
    }
  });

  it("measures every loaded plugin's heap now for usage({ measureHeap: true })", async () => {
    const host = createHost({ version: "1.0.0", events: { grow: {} } });
    await host.load(plugin("acme.small", `export const x = 1;`));
    const before = host.usage().plugins[0]?.peakHeapBytes;
    expect(before?.measurements).toBe(1);
    const after = host.usage({ measureHeap: true }).plugins[0]?.peakHeapBytes;
    expect(after?.measurements).toBe(2);
    expect(after?.used).toBe(before?.used);
  });
});
