import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

/** A plugin whose request "ask" runs `cove.plugins.request(...args)` and reports the outcome. */
const asker = `
  export function activate() {
    cove.requests.handle("ask", async ({ args, mutate }) => {
      try {
        const pending = cove.plugins.request(...args);
        if (mutate) args[2].word = "changed after sending";
        return { ok: await pending };
      } catch (e) {
        return { name: e.name, code: e.code, message: e.message };
      }
    });
  }`;

const speller = `
  const seen = [];
  export function activate() {
    cove.requests.handle("check", (payload, sender) => {
      seen.push({ payload, from: sender.from });
      if (payload.word === "boom") throw new RangeError("no such word: " + payload.word);
      if (payload.word === "fn") return () => 1;
      return { word: payload.word, ok: payload.word.length < 8 };
    });
    cove.requests.handle("other", () => "other");
    cove.requests.handle("seen", () => seen);
  }`;

/** A target that is busy with "busy" events (and "hang" requests) until the application lets go. */
const slowTarget = `
  let answered = 0;
  export function activate() {
    cove.events.on("busy", async () => { await cove.app.hold(); });
    cove.requests.handle("hang", async () => { await cove.app.hold(); });
    cove.requests.handle("quick", () => ++answered);
    cove.requests.handle("answered", () => answered);
  }`;

/**
 * The application's \`app.hold()\`: each call waits until the test releases it. \`arrived(i)\`
 * resolves when the i-th call (from 0) is made.
 */
function holdingApi() {
  const arrivals = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  const releases: (() => void)[] = [];
  const arrival = (i: number) => {
    let entry = arrivals.get(i);
    if (entry === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      entry = { promise, resolve };
      arrivals.set(i, entry);
    }
    return entry;
  };
  let calls = 0;
  return {
    arrived: (i: number) => arrival(i).promise,
    release: (i: number) => releases[i]?.(),
    api: {
      app: {
        hold: {
          capability: "app.use",
          handler: () => {
            const i = calls++;
            arrival(i).resolve();
            return new Promise<void>((resolve) => {
              releases[i] = resolve;
            });
          },
        },
      },
    },
  };
}

const grant = (scope: string[]) => ({ capabilities: [{ name: "plugins.request", scope }] });

describe("plugin → plugin requests", () => {
  it("answer with the target's result, copied both ways, telling the target who asks", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load([
      plugin("acme.speller", speller),
      plugin("acme.editor", asker, grant(["acme.speller"])),
    ]);
    expect(
      await host.request("acme.editor", "ask", {
        args: ["acme.speller", "check", { word: "hello" }],
        mutate: true,
      }),
    ).toEqual({ ok: { word: "hello", ok: true } });
    // The target got a copy made when the request was sent, and the sender's id.
    expect(await host.request("acme.speller", "seen")).toEqual([
      { payload: { word: "hello" }, from: "acme.editor" },
    ]);
    expect(
      await host.request("acme.editor", "ask", {
        args: ["acme.speller", "other", undefined, { timeoutMs: 1000 }],
      }),
    ).toEqual({ ok: "other" });
    const usage = host.usage().plugins.find((p) => p.id === "acme.editor");
    expect(usage?.hostCalls.byMethod["plugins.request"]?.count).toBe(2);
    expect(host.audit()).toEqual([]);
  });

  it("need the capability with the target in scope; denials are audited", async () => {
    const host = createHost({
      version: "1.0.0",
      policy: {
        capabilities: (id, capability) =>
          capability.name !== "plugins.request" || id !== "acme.refused",
      },
    });
    await host.load([
      plugin("acme.speller", speller),
      plugin("acme.none", asker),
      plugin("acme.narrow", asker, grant(["acme.speller:check"])),
      plugin("acme.elsewhere", asker, grant(["acme.other", "beta.*"])),
      plugin("acme.refused", asker, grant(["acme.speller"])),
    ]);
    const ask = (from: string, name: string) =>
      host.request(from, "ask", { args: ["acme.speller", name, { word: "hi" }] });
    expect(await ask("acme.none", "check")).toMatchObject({ name: "TypeError" });
    expect(await ask("acme.narrow", "check")).toEqual({ ok: { word: "hi", ok: true } });
    expect(await ask("acme.narrow", "other")).toEqual({
      name: "PermissionDenied",
      code: "COVE_CAPABILITY_DENIED",
      message:
        'plugins.request needs capability "plugins.request": "acme.speller:other" is outside the granted scope (acme.speller:check)',
    });
    expect(await ask("acme.elsewhere", "check")).toMatchObject({
      name: "PermissionDenied",
      message: expect.stringContaining('"acme.speller:check" is outside the granted scope'),
    });
    expect(await ask("acme.refused", "check")).toMatchObject({
      name: "PermissionDenied",
      message: expect.stringContaining("the host's policy does not grant it"),
    });
    expect(host.audit().map((e) => [e.pluginId, e.capability, e.method])).toEqual([
      ["acme.narrow", "plugins.request", "plugins.request"],
      ["acme.elsewhere", "plugins.request", "plugins.request"],
      ["acme.refused", "plugins.request", "plugins.request"],
    ]);
    // Only the one allowed request reached the target.
    expect(await host.request("acme.speller", "seen")).toHaveLength(1);
  });

  it("let only JSON data cross, and refuse a request to the asking plugin itself", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load([
      plugin("acme.speller", speller),
      plugin(
        "acme.editor",
        `export function activate() {
           cove.requests.handle("try", async (which) => {
             try {
               if (which === "fn") return await cove.plugins.request("acme.speller", "check", { word: () => 1 });
               if (which === "self") return await cove.plugins.request("acme.editor", "x");
               return await cove.plugins.request("acme.speller", "check", { word: "fn" });
             } catch (e) { return { name: e.name, code: e.code, message: e.message }; }
           });
         }`,
        grant(["acme.*"]),
      ),
    ]);
    expect(await host.request("acme.editor", "try", "fn")).toEqual({
      name: "TypeError",
      code: "COVE_INVALID_ARGUMENTS",
      message: "plugins.request: arguments[2].word: a function is not JSON data",
    });
    expect(await host.request("acme.editor", "try", "self")).toMatchObject({
      code: "COVE_INVALID_ARGUMENTS",
      message: expect.stringContaining("must be another plugin's id"),
    });
    expect(await host.request("acme.editor", "try", "answer")).toEqual({
      name: "RequestFailed",
      code: "COVE_REQUEST_FAILED",
      message:
        'Plugin "acme.speller" failed to answer request check: its answer is not JSON data (answer: a function is not JSON data)',
    });
  });

  it("run in the target's queue, in order, under its budget; its errors reach the asker by message only", async () => {
    const host = createHost({ version: "1.0.0", events: { tick: {} } });
    await host.load([
      plugin(
        "acme.target",
        `const log = [];
         export function activate() {
           cove.events.on("tick", ({ n }) => { log.push("tick " + n); });
           cove.requests.handle("log", () => log);
           cove.requests.handle("fail", () => { throw new RangeError("bad input"); });
           cove.requests.handle("spin", () => { while (true) {} });
         }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["tick"] }],
          budgets: { perEvent: { fuel: 100_000 }, cumulative: { errors: 10 } },
        },
      ),
      plugin("acme.asker", asker, grant(["acme.target"])),
    ]);
    const ticks = [1, 2, 3].map((n) => host.emit("tick", { n }));
    const answer = host.request("acme.asker", "ask", { args: ["acme.target", "log"] });
    await Promise.all(ticks);
    expect(await answer).toEqual({ ok: ["tick 1", "tick 2", "tick 3"] });

    const failure = (await host.request("acme.asker", "ask", {
      args: ["acme.target", "fail"],
    })) as Record<string, string>;
    expect(failure).toEqual({
      name: "RequestFailed",
      code: "COVE_REQUEST_FAILED",
      message: 'Plugin "acme.target" failed to answer request fail: RangeError: bad input',
    });
    expect(await host.request("acme.asker", "ask", { args: ["acme.target", "spin"] })).toEqual({
      name: "RequestFailed",
      code: "COVE_REQUEST_FAILED",
      message:
        'Plugin "acme.target" failed to answer request spin: it ran out of its per-event fuel budget',
    });
    const usage = Object.fromEntries(host.usage().plugins.map((p) => [p.id, p]));
    // The target's failures are the target's: they count against its budgets, not the asker's.
    expect(usage["acme.target"]?.errors.used).toBe(2);
    expect(usage["acme.target"]?.errors.perEventBudgetsExhausted).toEqual({ fuel: 1 });
    expect(usage["acme.asker"]?.errors.used).toBe(0);
  });

  it("time out, and are cancelled when the asking run ends", async () => {
    const gate = holdingApi();
    const host = createHost({ version: "1.0.0", events: { busy: {} }, api: gate.api });
    await host.load([
      plugin("acme.slow", slowTarget, {
        capabilities: [{ name: "events.subscribe", scope: ["busy"] }, { name: "app.use" }],
        budgets: { perEvent: { cpuMs: 3000 } },
      }),
      plugin("acme.asker", asker, {
        ...grant(["acme.slow"]),
        budgets: { perEvent: { cpuMs: 100 } },
      }),
    ]);
    // The target is busy with an event until the test releases it; requests wait behind it.
    const busy = host.emit("busy", {});
    await gate.arrived(0);
    expect(
      await host.request("acme.asker", "ask", {
        args: ["acme.slow", "quick", undefined, { timeoutMs: 20 }],
      }),
    ).toEqual({
      name: "TimeoutError",
      code: "COVE_REQUEST_TIMEOUT",
      message: 'Plugin "acme.slow" did not answer request quick within 20 ms.',
    });
    // No timeout of its own: the asker's run runs out of time (100 ms) while its request waits,
    // and the request goes with it.
    await expect(
      host.request("acme.asker", "ask", { args: ["acme.slow", "quick"] }),
    ).rejects.toMatchObject({ code: "COVE_BUDGET_EXHAUSTED", resource: "time" });
    gate.release(0);
    expect(await busy).toMatchObject({ delivered: ["acme.slow"] });
    expect(await host.request("acme.slow", "answered")).toBe(0);
  });

  it("are cancelled when the asker unloads, and fail clearly when the target unloads", async () => {
    const gate = holdingApi();
    const host = createHost({ version: "1.0.0", events: { busy: {} }, api: gate.api });
    await host.load([
      plugin("acme.target", slowTarget, {
        capabilities: [{ name: "events.subscribe", scope: ["busy"] }, { name: "app.use" }],
        budgets: { perEvent: { cpuMs: 3000 } },
      }),
      plugin(
        "acme.asker",
        `export function activate() {
           cove.requests.handle("ask", async () => {
             const answer = cove.plugins.request("acme.target", "quick");
             cove.app.hold();
             return await answer;
           });
         }`,
        {
          capabilities: [{ name: "plugins.request", scope: ["acme.target"] }, { name: "app.use" }],
        },
      ),
      plugin("acme.other", asker, grant(["acme.target"])),
    ]);
    // The asker's request waits behind the busy target; the asker unloads meanwhile.
    const busy = host.emit("busy", {});
    await gate.arrived(0);
    const pending = host.request("acme.asker", "ask");
    await gate.arrived(1);
    await host.unload("acme.asker");
    await expect(pending).rejects.toMatchObject({ code: "COVE_PLUGIN_STATE" });
    gate.release(0);
    await busy;
    expect(await host.request("acme.target", "answered")).toBe(0);

    // The target unloads while it answers: the asker is told so, at once.
    const answer = host.request("acme.other", "ask", { args: ["acme.target", "hang"] });
    await gate.arrived(2);
    await host.unload("acme.target", "replaced");
    expect(await answer).toEqual({
      name: "Unavailable",
      code: "COVE_PLUGIN_STATE",
      message:
        'Plugin "acme.target" was unloaded (replaced) before it finished; what it was doing was stopped',
    });
  });

  it("refuse a request that would wait for itself", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load([
      plugin(
        "acme.a",
        `export function activate() {
           cove.requests.handle("start", () => cove.plugins.request("acme.b", "relay"));
           cove.requests.handle("back", () => "never answered");
         }`,
        grant(["acme.b"]),
      ),
      plugin(
        "acme.b",
        `export function activate() {
           cove.requests.handle("relay", async () => {
             try { return await cove.plugins.request("acme.a", "back"); }
             catch (e) { return { name: e.name, code: e.code, message: e.message }; }
           });
         }`,
        grant(["acme.a"]),
      ),
    ]);
    expect(await host.request("acme.a", "start")).toEqual({
      name: "RequestFailed",
      code: "COVE_REQUEST_CYCLE",
      message: expect.stringContaining(
        'A request from "acme.a" to "acme.b" to "acme.a" would wait for itself',
      ),
    });
    // Asked by the application, acme.b may ask acme.a.
    expect(await host.request("acme.b", "relay")).toBe("never answered");
  });
});
