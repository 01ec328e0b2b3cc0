import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
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
});
