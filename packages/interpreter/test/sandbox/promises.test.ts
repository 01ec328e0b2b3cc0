import { describe, expect, it } from "vitest";
import { createSandbox, ResourceExhaustedError, SandboxError } from "../../src/index.js";

/** Resolves after the host's pending microtasks and one macrotask turn. */
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("the job queue and runs", () => {
  it("returns the completion value before jobs run, and runs them before the run ends", () => {
    const sb = createSandbox();
    expect(sb.runSync("let x; Promise.resolve(1).then(v => x = v); x")).toBe(undefined);
    expect(sb.runSync("x")).toBe(1);
  });

  it("exports the completion value as it was before the jobs ran", () => {
    const sb = createSandbox();
    expect(sb.runSync("var o = { n: 0 }; Promise.resolve().then(() => { o.n = 1; }); o")).toEqual({
      n: 0,
    });
    expect(sb.runSync("o.n")).toBe(1);
  });

  it("still runs the jobs queued before an uncaught throw", () => {
    const sb = createSandbox();
    expect(() =>
      sb.runSync("var y = 0; Promise.resolve().then(() => { y = 2; }); throw 1"),
    ).toThrow(SandboxError);
    expect(sb.runSync("y")).toBe(2);
  });

  it("drains after an exported guest function is called from the host", () => {
    const sb = createSandbox();
    const bump = sb.runSync(
      "var count = 0; (function bump() { Promise.resolve().then(() => count++); return count; })",
    ) as () => number;
    expect(bump()).toBe(0);
    expect(sb.runSync("count")).toBe(1);
  });

  it("does not drain inside a nested run (jobs wait until the guest stack is empty)", () => {
    let seen: unknown;
    const sb = createSandbox({
      globals: {
        nested: () => {
          seen = sb.runSync("Promise.resolve().then(() => { z = 'job'; }); z");
        },
      },
    });
    expect(sb.runSync("var z = 'before'; nested(); z")).toBe("before");
    expect(seen).toBe("before");
    expect(sb.runSync("z")).toBe("job");
  });

  it("run() resolves with a guest promise's value and rejects with its reason", async () => {
    const sb = createSandbox();
    expect(await sb.run("Promise.resolve(41).then(v => v + 1)")).toBe(42);
    expect(await sb.run("({ p: Promise.resolve([1, 2]) })")).toEqual({ p: expect.any(Promise) });
    const err = await sb.run("Promise.reject(new TypeError('bad'))").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).guestName).toBe("TypeError");
    expect((err as SandboxError).guestMessage).toBe("bad");
  });
});

describe("unhandled rejections", () => {
  it("counts rejections nobody handled once the queue drained", () => {
    const sb = createSandbox();
    sb.runSync("Promise.reject(1); 0");
    expect(sb.resources().unhandledRejections).toBe(1);
    // handled within the same drain: not reported
    sb.runSync("var p = Promise.reject(2); Promise.resolve().then(() => p.catch(() => {})); 0");
    expect(sb.resources().unhandledRejections).toBe(1);
    // a rejection inside a then-chain with a final catch: not reported
    sb.runSync("Promise.resolve().then(() => { throw 3; }).catch(() => {}); 0");
    expect(sb.resources().unhandledRejections).toBe(1);
    // the completion value crosses to the host, which now owns it
    const p = sb.runSync("Promise.reject(4)") as Promise<unknown>;
    expect(sb.resources().unhandledRejections).toBe(1);
    return expect(p).rejects.toBeInstanceOf(SandboxError);
  });

  it("reports exported reasons to onUnhandledRejection, and a throwing callback is contained", () => {
    const reasons: unknown[] = [];
    const sb = createSandbox({
      onUnhandledRejection: (r) => {
        reasons.push(r);
        throw new Error("embedder bug");
      },
    });
    expect(
      sb.runSync(
        "Promise.reject({ code: 7 }); new Promise((_, rej) => rej(new RangeError('r'))); 'ok'",
      ),
    ).toBe("ok");
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toEqual({ code: 7 });
    expect(reasons[1]).toMatchObject({ name: "RangeError", message: "r" });
    expect(sb.resources().unhandledRejections).toBe(2);
  });
});

describe("host promises through the membrane", () => {
  it("imports a host promise as a guest promise that settles with it; run() waits", async () => {
    const sb = createSandbox({
      globals: {
        fetchValue: (n: number) => new Promise((r) => setTimeout(() => r({ n: n * 2 }), 5)),
        failLater: () => Promise.reject(new Error("host detail")),
      },
    });
    const out = await sb.run(`
      var log = [];
      var p = fetchValue(21);
      log.push(p instanceof Promise, Object.getPrototypeOf(p) === Promise.prototype);
      p.then((v) => log.push(v.n));
      failLater().catch((e) => log.push(e instanceof Error, e.message));
      log`);
    expect(out).toEqual([true, true]);
    expect(sb.runSync("log")).toEqual([true, true, true, "Host function failed", 42]);
  });

  it("run() resolves with the value of a guest promise that waits on a host promise", async () => {
    const sb = createSandbox({
      globals: { later: (v: unknown) => new Promise((r) => setTimeout(() => r(v), 5)) },
    });
    expect(await sb.run("later([1, 2]).then((a) => a.concat(3))")).toEqual([1, 2, 3]);
  });

  it("settles an imported promise after a runSync has finished, under a fresh run", async () => {
    let resolveHost: (v: unknown) => void = () => {};
    const sb = createSandbox({
      globals: { pending: () => new Promise((r) => (resolveHost = r)) },
    });
    expect(sb.runSync("var got = 'none'; pending().then((v) => { got = v; }); got")).toBe("none");
    resolveHost("late");
    await tick();
    expect(sb.runSync("got")).toBe("late");
  });

  it("contains a job flood started by a late settlement", async () => {
    let resolveHost: (v: unknown) => void = () => {};
    const sb = createSandbox({
      limits: { perRun: { fuel: 1e5 } },
      globals: { pending: () => new Promise((r) => (resolveHost = r)) },
    });
    sb.runSync("var n = 0; function f() { n++; Promise.resolve().then(f); } pending().then(f); 0");
    resolveHost(1);
    await tick();
    const n = sb.runSync("n") as number;
    expect(n).toBeGreaterThan(100);
    await tick();
    expect(sb.runSync("n")).toBe(n);
    expect(sb.runSync("'still usable'")).toBe("still usable");
  });

  it("charges the continuation of a host promise to the run() that imported it", async () => {
    const sb = createSandbox({
      limits: { perRun: { fuel: 1e5 } },
      globals: { later: () => new Promise((r) => setTimeout(r, 5)) },
    });
    const err = await sb
      .run("later().then(() => { for (;;) {} }); 'started'")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceExhaustedError);
    expect((err as ResourceExhaustedError).resource).toBe("fuel");
    expect(await sb.run("'still usable'")).toBe("still usable");
  });

  it("ends a microtask flood in run() within the fuel budget", async () => {
    const sb = createSandbox({ limits: { perRun: { fuel: 1e5 } } });
    const started = Date.now();
    await expect(sb.run("function f() { Promise.resolve().then(f); } f()")).rejects.toBeInstanceOf(
      ResourceExhaustedError,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out a run() waiting on a host promise that never settles", async () => {
    const sb = createSandbox({ globals: { never: () => new Promise(() => {}) } });
    const err = await sb.run("never().then(() => 1); 0", { timeoutMs: 30 }).catch((e) => e);
    expect(err).toBeInstanceOf(ResourceExhaustedError);
    expect((err as ResourceExhaustedError).resource).toBe("time");
  });

  it("aborts a run() waiting on a host promise", async () => {
    const sb = createSandbox({ globals: { never: () => new Promise(() => {}) } });
    const ac = new AbortController();
    const p = sb.run("never(); 0", { signal: ac.signal });
    setTimeout(() => ac.abort(), 5);
    await expect(p).rejects.toThrow(/aborted/);
  });

  it("exports a pending guest promise as a host promise that settles later", async () => {
    const sb = createSandbox();
    const p = sb.runSync("var d = Promise.withResolvers(); d.promise") as Promise<unknown>;
    expect(p).toBeInstanceOf(Promise);
    let settled: unknown = "pending";
    void p.then((v) => (settled = v));
    await tick();
    expect(settled).toBe("pending");
    sb.runSync("d.resolve({ ok: [1] })");
    await tick();
    expect(settled).toEqual({ ok: [1] });
  });

  it("gives back the same guest promise for an exported promise and the same host promise", () => {
    let held: unknown;
    const sb = createSandbox({
      globals: {
        hold: (p: unknown) => {
          held = p;
        },
        give: () => held,
      },
    });
    expect(sb.runSync("var g = Promise.resolve(1); hold(g); [give() === g, g]")).toEqual([
      true,
      held,
    ]);
  });

  it("never lets an exported rejection crash the host when nobody awaits it", async () => {
    const sb = createSandbox();
    const unhandled: unknown[] = [];
    const onHost = (r: unknown) => unhandled.push(r);
    process.on("unhandledRejection", onHost);
    try {
      sb.runSync("Promise.reject(new Error('ignored by the host'))");
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onHost);
    }
  });

  it("keeps per-run state apart while two run() calls wait on host promises", async () => {
    const resolvers: ((v: unknown) => void)[] = [];
    const sb = createSandbox({
      globals: { wait: () => new Promise((r) => resolvers.push(r)) },
    });
    const a = sb.run("wait().then((v) => 'a:' + v + ':' + tag)", { globals: { tag: "A" } });
    const b = sb.run("wait().then((v) => 'b:' + v + ':' + tag)", { globals: { tag: "B" } });
    resolvers[1]?.(2);
    resolvers[0]?.(1);
    expect(await Promise.all([a, b])).toEqual(["a:1:A", "b:2:B"]);
  });
});
