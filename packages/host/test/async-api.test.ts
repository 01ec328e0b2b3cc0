import { describe, expect, it } from "vitest";
import { type CallContext, createHost, createTestHost, HostError } from "../src/index.js";
import { plugin } from "./helpers.js";

const subscribe = (scope: string[]) => ({ name: "events.subscribe", scope });

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("async host API methods", () => {
  it("give the plugin a promise; a handler's run ends when its promise settles", async () => {
    const answers = [deferred<number>(), deferred<number>()];
    const called = [deferred<void>(), deferred<void>()];
    const started: number[] = [];
    const host = createHost({
      version: "1.0.0",
      events: { job: {} },
      api: {
        app: {
          wait: {
            capability: "app.use",
            args: [{ type: "integer", minimum: 1, maximum: 2 }],
            handler: (_call: CallContext, n: number) => {
              started.push(n);
              called[n - 1]?.resolve();
              return answers[n - 1]?.promise;
            },
          },
        },
      },
    });
    await host.load(
      plugin(
        "acme.waiter",
        `const done = [];
         export function activate() {
           cove.events.on("job", async ({ n }) => { done.push((await cove.app.wait(n)) * 10); });
           cove.requests.handle("done", () => done);
         }`,
        { capabilities: [{ name: "app.use" }, subscribe(["job"])] },
      ),
    );
    let firstSettled = false;
    const first = host.emit("job", { n: 1 }).finally(() => {
      firstSettled = true;
    });
    const second = host.emit("job", { n: 2 });
    await called[0]?.promise;
    // While the first handler waits on the application, its delivery is not over and the second
    // event waits in the queue: give both every chance to move on (ten turns of the event loop).
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(firstSettled).toBe(false);
    expect(started).toEqual([1]);
    answers[0]?.resolve(7);
    expect(await first).toEqual({ delivered: ["acme.waiter"], dropped: [], failed: [] });
    await called[1]?.promise;
    answers[1]?.resolve(8);
    expect(await second).toEqual({ delivered: ["acme.waiter"], dropped: [], failed: [] });
    expect(started).toEqual([1, 2]);
    expect(await host.request("acme.waiter", "done")).toEqual([70, 80]);
    expect(host.usage().plugins[0]?.hostCalls.byMethod["app.wait"]?.count).toBe(2);
  });

  it("turn a rejection into a guest error: host errors by kind, others by the error policy", async () => {
    const t = createTestHost({
      version: "1.0.0",
      api: {
        app: {
          missing: {
            capability: "app.use",
            handler: async () => {
              throw new HostError("COVE_PLUGIN_NOT_FOUND", "No such thing");
            },
          },
          broken: {
            capability: "app.use",
            handler: async () => {
              throw new Error("disk /srv/data/secret.db is full");
            },
          },
          fine: { capability: "app.use", handler: async () => ({ ok: [1, 2] }) },
        },
      },
    });
    await t.load(
      plugin(
        "acme.caller",
        `export function activate() {
           cove.requests.handle("try", async (name) => {
             try { return { ok: await cove.app[name]() }; }
             catch (e) { return { name: e.name, code: e.code, message: e.message }; }
           });
         }`,
        { capabilities: [{ name: "app.use" }] },
      ),
    );
    expect(await t.request("acme.caller", "try", "missing")).toEqual({
      name: "NotFound",
      code: "COVE_PLUGIN_NOT_FOUND",
      message: "No such thing",
    });
    const broken = (await t.request("acme.caller", "try", "broken")) as Record<string, unknown>;
    expect(broken.name).toBe("Error");
    expect(broken.message).not.toContain("/srv/data");
    expect(await t.request("acme.caller", "try", "fine")).toEqual({ ok: { ok: [1, 2] } });
    // createTestHost records what an async method settled with.
    expect(t.callsTo("app.fine")).toEqual([
      { pluginId: "acme.caller", method: "app.fine", args: [], result: { ok: [1, 2] } },
    ]);
    expect(t.callsTo("app.missing")[0]?.error).toBeInstanceOf(HostError);
  });

  it("keep the per-event fuel budget over the whole async handler, across its awaits", async () => {
    let ticks = 0;
    const host = createHost({
      version: "1.0.0",
      events: { work: {} },
      api: {
        app: {
          tick: {
            capability: "app.use",
            handler: async () => {
              ticks++;
            },
          },
        },
      },
    });
    await host.load(
      plugin(
        "acme.burner",
        `export function activate() {
           cove.events.on("work", async () => {
             for (let k = 0; k < 10; k++) {
               await cove.app.tick();
               let x = 0;
               for (let i = 0; i < 50000; i++) x += i;
             }
           });
         }`,
        {
          capabilities: [{ name: "app.use" }, subscribe(["work"])],
          budgets: { perEvent: { fuel: 300_000 } },
        },
      ),
    );
    const report = await host.emit("work", {});
    expect(report.failed).toEqual(["acme.burner"]);
    // Each step alone is far under the budget; together they are over it.
    expect(ticks).toBeGreaterThan(1);
    expect(ticks).toBeLessThan(10);
    expect(host.usage().plugins[0]?.errors.perEventBudgetsExhausted).toEqual({ fuel: 1 });
  });

  it("bound a handler awaiting a promise that never settles by the per-event time budget", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { hang: {} },
      api: { app: { never: { capability: "app.use", handler: () => new Promise(() => {}) } } },
    });
    await host.load(
      plugin(
        "acme.hanger",
        `export function activate() {
           cove.events.on("hang", async ({ on }) => {
             if (on === "host") await cove.app.never();
             else await new Promise(() => {});
           });
           cove.requests.handle("ping", () => "pong");
         }`,
        {
          capabilities: [{ name: "app.use" }, subscribe(["hang"])],
          budgets: { perEvent: { cpuMs: 100 }, cumulative: { errors: 10 } },
        },
      ),
    );
    for (const on of ["host", "guest"]) {
      const started = Date.now();
      expect((await host.emit("hang", { on })).failed).toEqual(["acme.hanger"]);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(95);
      expect(took).toBeLessThan(1000);
      // The queue goes on after the stopped handler.
      expect(await host.request("acme.hanger", "ping")).toBe("pong");
    }
    const usage = host.usage().plugins[0];
    expect(usage?.errors.perEventBudgetsExhausted).toEqual({ time: 2 });
    expect(usage?.state).toBe("active");
  });
});
