import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const answerer = `export function activate() { cove.requests.handle("ping", (n) => n + 1); }`;

describe("budgets and unload on exhaustion", () => {
  it("unloads a runaway plugin by budget while the others keep answering", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { go: {} },
      policy: { budgets: { perEvent: { max: { fuel: 2_000_000, cpuMs: 5_000 } } } },
    });
    const unloaded: string[] = [];
    host.on("plugin:unloaded", (e) => unloaded.push(`${e.pluginId} ${e.reason}`));
    await host.load([
      plugin(
        "acme.runaway",
        `export function activate() { cove.events.on("go", () => { while (true) {} }); }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["go"] }],
          budgets: { perEvent: { fuel: 1_000_000_000 }, cumulative: { fuel: 5_000_000 } },
        },
      ),
      plugin("acme.one", answerer),
      plugin("acme.two", answerer),
    ]);
    const reports = [];
    for (let i = 0; i < 4; i++) {
      reports.push(await host.emit("go", {}));
      expect(await host.request("acme.one", "ping", i)).toBe(i + 1);
      expect(await host.request("acme.two", "ping", i)).toBe(i + 1);
    }
    await host.idle();
    expect(host.plugin("acme.runaway")?.state).toBe("unloaded");
    expect(unloaded).toEqual(["acme.runaway budget:fuel"]);
    expect(reports[0]?.failed).toEqual(["acme.runaway"]);
    const usage = host.usage().plugins.find((p) => p.id === "acme.runaway");
    expect(usage?.unloadReason).toBe("budget:fuel");
    // The manifest asked for a billion fuel per event; the policy clamped it to two million.
    expect(usage?.fuel.perEvent.budget).toBe(2_000_000);
    expect(usage?.errors.perEventBudgetsExhausted).toEqual({ fuel: 2 });
    expect(usage?.fuel.used).toBeGreaterThan(5_000_000);
    expect(await host.request("acme.one", "ping", 41)).toBe(42);
    // Later events skip the unloaded plugin.
    expect(await host.emit("go", {})).toEqual({ delivered: [], dropped: [], failed: [] });
  });

  it("stops a runaway handler by its per-event CPU time", async () => {
    const host = createHost({ version: "1.0.0", events: { go: {} } });
    await host.load(
      plugin(
        "acme.slow",
        `export function activate() { cove.events.on("go", () => { while (true) {} }); }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["go"] }],
          budgets: { perEvent: { cpuMs: 30, fuel: 1_000_000_000_000 } },
        },
      ),
    );
    const started = Date.now();
    expect((await host.emit("go", {})).failed).toEqual(["acme.slow"]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(host.usage().plugins[0]?.errors.perEventBudgetsExhausted).toEqual({ time: 1 });
    expect(host.plugin("acme.slow")?.state).toBe("active");
  });

  it("unloads a plugin that exceeds its cumulative host-call budget", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(
      plugin(
        "acme.chatty",
        `export function activate() { cove.requests.handle("spam", () => { for (let i = 0; i < 100; i++) cove.storage.keys(); }); }`,
        { capabilities: [{ name: "storage" }], budgets: { cumulative: { hostCalls: 50 } } },
      ),
    );
    await expect(host.request("acme.chatty", "spam")).rejects.toMatchObject({
      code: "COVE_BUDGET_EXHAUSTED",
    });
    await host.idle();
    expect(host.plugin("acme.chatty")?.unloadReason).toBe("budget:hostCalls");
  });

  it("unloads a plugin that exhausts its cumulative CPU time or allocation", async () => {
    const host = createHost({ version: "1.0.0", events: { go: {} } });
    const subscribe = [{ name: "events.subscribe", scope: ["go"] }];
    await host.load([
      plugin(
        "acme.cpu",
        `export function activate() { cove.events.on("go", () => { const end = Date.now() + 25; while (Date.now() < end) {} }); }`,
        { capabilities: subscribe, budgets: { cumulative: { cpuMs: 60 } } },
      ),
      plugin(
        "acme.alloc",
        `const keep = []; export function activate() { cove.events.on("go", () => { for (let i = 0; i < 2000; i++) keep.push({ i }); }); }`,
        { capabilities: subscribe, budgets: { cumulative: { allocationBytes: 200_000 } } },
      ),
    ]);
    for (let i = 0; i < 6; i++) await host.emit("go", {});
    await host.idle();
    expect(host.plugins().map((p) => p.state)).toEqual(["unloaded", "unloaded"]);
    expect(host.plugin("acme.cpu")?.unloadReason).toBe("budget:cpu");
    expect(host.plugin("acme.alloc")?.unloadReason).toBe("budget:allocation");
  });

  it("unloads a plugin after repeated errors", async () => {
    const host = createHost({ version: "1.0.0", events: { go: {} } });
    await host.load(
      plugin(
        "acme.crashy",
        `export function activate() { cove.events.on("go", () => { throw new RangeError("again"); }); }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["go"] }],
          budgets: { cumulative: { errors: 3 } },
        },
      ),
    );
    for (let i = 0; i < 3; i++) await host.emit("go", {});
    await host.idle();
    expect(host.plugin("acme.crashy")?.state).toBe("unloaded");
    const usage = host.usage().plugins[0];
    expect(usage?.unloadReason).toBe("errors");
    expect(usage?.errors).toMatchObject({ used: 3, budget: 3 });
    expect(usage?.errors.last).toMatch(/RangeError: again/);
  });

  it("runs deactivate under a small grace budget when unloading", async () => {
    const host = createHost({ version: "1.0.0", policy: { deactivateBudget: { fuel: 10_000 } } });
    await host.load(
      plugin(
        "acme.stubborn",
        `export function activate() {} export function deactivate() { while (true) {} }`,
      ),
    );
    const started = Date.now();
    await host.unload("acme.stubborn");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(
      host
        .plugin("acme.stubborn")
        ?.log.map((l) => l.text)
        .join("\n"),
    ).toMatch(/deactivate failed.*fuel/);
    expect(host.plugin("acme.stubborn")?.state).toBe("unloaded");
  });
});
