/**
 * Attack class 8: denial of service. Runaway loops, recursion fan-out, memory bombs, microtask
 * floods, runaway generators, coercion recursion and never-ending callbacks all end with
 * ResourceExhaustedError (or a guest RangeError for depth) within their budget, uncatchable by
 * guest code, and leave the host responsive: the same sandbox and a fresh one run code
 * afterwards. Attacks that could take the host down with them (host memory beyond the budget,
 * catastrophic regular expressions) run in a child process so the suite itself cannot hang.
 */
import { describe, expect, it } from "vitest";
import {
  createSandbox,
  ResourceExhaustedError,
  RunAbortedError,
  type Sandbox,
} from "../../src/index.js";
import {
  assertNoHostObjectReachable,
  expectHealthy,
  expectStopsWithin,
  expectStopsWithinAsync,
  runInChild,
} from "./invariants.js";

/** Budgets small enough that every fixture stops in well under a second of interpreter time. */
const SMALL = { fuel: 2_000_000, memoryBytes: 16 * 1024 * 1024, timeMs: 2000 };
/** Wall-clock allowance for a stop: the time budget plus slack for a loaded CI machine. */
const WITHIN = 3000;

function small(extra: Partial<typeof SMALL> = {}): Sandbox {
  return createSandbox({ limits: { perRun: { ...SMALL, ...extra } } });
}

/** Runs `code` in a small sandbox; it must stop with exhaustion, quickly, leaving all healthy. */
function expectStops(code: string, resource?: string, extra: Partial<typeof SMALL> = {}): void {
  const sb = small(extra);
  expectStopsWithin(() => sb.runSync(code), WITHIN, { sandbox: sb, resource });
  assertNoHostObjectReachable(sb);
}

describe("runaway loops", () => {
  it.each([
    ["for (;;)", "for (;;) {}"],
    ["while (true)", "while (true) {}"],
    ["do-while", "do {} while (true);"],
    ["for with a body", "let x = 0; for (let i = 0; ; i++) { x ^= i; }"],
    ["labeled continue", "outer: for (;;) { for (;;) { continue outer; } }"],
    ["labeled break into an outer infinite loop", "a: for (;;) { b: for (;;) { break b; } }"],
    ["nested loops", "let n = 0; for (let i = 0; i < 1e9; i++) for (let j = 0; j < 1e9; j++) n++;"],
    [
      "for-in over a growing object",
      "const o = { a: 1 }; let i = 0; for (;;) { for (const k in o) { o['k' + (i++ % 1000)] = 1; } }",
    ],
    [
      "for-in over a Proxy with a huge ownKeys",
      "const p = new Proxy({}, { ownKeys: () => Array.from({ length: 1e8 }, (_, i) => 'k' + i), getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) }); for (const k in p) {}",
    ],
    [
      "for-in over a Proxy whose ownKeys never ends",
      "const p = new Proxy({}, { ownKeys() { for (;;) {} } }); for (const k in p) {}",
    ],
    [
      "Object.keys of a Proxy whose ownKeys returns a huge array-like",
      "Object.keys(new Proxy({}, { ownKeys: () => new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : 'x') }) }))",
    ],
    [
      "for-of over an endless iterator",
      "for (const x of { [Symbol.iterator]: () => ({ next: () => ({ done: false, value: 1 }) }) }) {}",
    ],
    ["for-of over an array that grows", "const a = [1]; for (const x of a) a.push(x);"],
    ["a loop in finally", "try { for (;;) {} } finally { for (;;) {} }"],
    ["catch and retry", "for (;;) { try { throw 1; } catch { continue; } }"],
    [
      "switch fallthrough loop",
      "for (let i = 0; ; i++) { switch (i % 3) { case 0: case 1: continue; default: } }",
    ],
    ["a loop in a getter", "const o = { get x() { for (;;) {} } }; o.x;"],
    ["a loop in a Proxy trap", "new Proxy({}, { get() { for (;;) {} } }).x"],
    ["a loop in a class field initializer", "class C { x = (() => { for (;;) {} })(); } new C();"],
    ["a loop in a static block", "class C { static { for (;;) {} } }"],
    ["a loop in a default parameter", "function f(a = (() => { for (;;) {} })()) {} f();"],
    ["a loop in a tagged template tag", "(() => { for (;;) {} })``"],
  ])("%s is stopped by its budget", (_name, code) => {
    expectStops(code);
  });

  it("while (true) {} with timeoutMs: 50 stops within 100 ms (fuel unlimited)", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: Number.POSITIVE_INFINITY } } });
    const t0 = performance.now();
    expectStopsWithin(() => sb.runSync("while (true) {}", { timeoutMs: 50 }), 100, {
      sandbox: sb,
      resource: "time",
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(50);
  });

  it("the async run() variant stops by time too", async () => {
    const sb = createSandbox({ limits: { perRun: { fuel: Number.POSITIVE_INFINITY } } });
    await expectStopsWithinAsync(() => sb.run("for (;;) {}", { timeoutMs: 50 }), 150, {
      sandbox: sb,
      resource: "time",
    });
  });

  it("an AbortSignal fired by a host function mid-run stops the run at the next checkpoint", () => {
    const controller = new AbortController();
    const sb = createSandbox({ globals: { stop: () => controller.abort(new Error("stop")) } });
    expectStopsWithin(
      () =>
        sb.runSync("let i = 0; for (;;) { if (++i === 1000) stop(); }", {
          signal: controller.signal,
        }),
      1000,
      { kind: "aborted", sandbox: sb },
    );
  });

  it("the default limits stop a runaway loop (safe defaults)", () => {
    const sb = createSandbox();
    expectStopsWithin(() => sb.runSync("for (;;) {}"), 12_000, { sandbox: sb });
  }, 20_000);
});

describe("recursion", () => {
  it("unbounded recursion is a guest RangeError at the call-depth limit", () => {
    const sb = createSandbox();
    expectStopsWithin(() => sb.runSync("function f() { return f(); } f();"), WITHIN, {
      kind: "guest-range-error",
      sandbox: sb,
    });
    expect(
      sb.runSync("function g() { return g(); } try { g(); } catch (e) { e instanceof RangeError }"),
    ).toBe(true);
  });

  it.each([
    ["exponential fib", "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(60);"],
    [
      "fan-out through callbacks",
      "function f(n) { [1, 2, 3].forEach(() => n > 0 && f(n - 1)); } f(40);",
    ],
    [
      "recursion that catches its own overflow",
      "function r() { try { r(); } catch { r(); } } r();",
    ],
    [
      "mutual recursion via getters",
      "const o = { get a() { return this.b; }, get b() { return this.a; } }; for (;;) { try { o.a; } catch {} }",
    ],
    [
      "recursion through toString",
      "const o = { toString() { return String(this); } }; for (;;) { try { String(o); } catch {} }",
    ],
    [
      "recursion through valueOf",
      "const o = { valueOf() { return +this; } }; for (;;) { try { +o; } catch {} }",
    ],
    [
      "recursion through Symbol.toPrimitive",
      "const o = { [Symbol.toPrimitive]() { return `${this}`; } }; for (;;) { try { `${o}`; } catch {} }",
    ],
    [
      "recursion through a Proxy get trap",
      "const p = new Proxy({}, { get(t, k, r) { return r[k]; } }); for (;;) { try { p.x; } catch {} }",
    ],
    [
      "recursion through JSON.stringify toJSON",
      "const o = { toJSON() { return JSON.stringify(this); } }; for (;;) { try { JSON.stringify(o); } catch {} }",
    ],
    [
      "recursion through Array.prototype.join",
      "const a = []; a[0] = { toString() { return a.join(); } }; a.push(a); for (;;) { try { a.join(); } catch {} }",
    ],
  ])("%s ends with exhaustion or a guest RangeError", (_name, code) => {
    const sb = small();
    expectStopsWithin(() => sb.runSync(code), WITHIN, {
      kind: "exhausted-or-range-error",
      sandbox: sb,
    });
  });
});

describe("memory bombs", () => {
  it.each([
    ["string doubling", "let s = 'x'; for (;;) s += s;"],
    ["string append", "let s = ''; for (;;) s += 'xxxxxxxx';"],
    ["'x'.repeat(2 ** 28)", "'x'.repeat(2 ** 28)"],
    ["padStart", "'x'.padStart(2 ** 29)"],
    ["padEnd", "''.padEnd(2 ** 29, 'ab')"],
    ["new Array(1e9).fill(0)", "new Array(1e9).fill(0)"],
    ["Array.from({ length: 1e9 })", "Array.from({ length: 1e9 })"],
    ["Array.apply with a huge array-like", "Array.apply(null, { length: 1e9 })"],
    ["spreading a huge string", "[...'x'.repeat(1e7)]"],
    ["split into characters", "'a'.repeat(1e7).split('')"],
    ["join of a huge sparse array", "new Array(1e9).join()"],
    ["toString of a huge sparse array", "String(new Array(1e9))"],
    ["JSON.stringify of a huge sparse array", "JSON.stringify(new Array(1e9))"],
    ["object with millions of properties", "const o = {}; for (let i = 0; ; i++) o['k' + i] = i;"],
    ["array push loop", "const a = []; for (;;) a.push({});"],
    ["array self-push spread", "const a = [1]; for (;;) a.push(...a);"],
    ["concat doubling", "let a = [1]; for (;;) a = a.concat(a);"],
    ["deep nesting", "let o = {}; for (;;) o = { o };"],
    ["Map growth", "const m = new Map(); for (let i = 0; ; i++) m.set(i, i);"],
    ["Set growth", "const s = new Set(); for (let i = 0; ; i++) s.add(i);"],
    ["closures retained", "const fs = []; for (;;) fs.push(() => fs);"],
    [
      "FinalizationRegistry registrations",
      "const r = new FinalizationRegistry(() => {}); const keep = []; for (;;) { const o = {}; keep.push(o); r.register(o, { held: 1 }); }",
    ],
    ["WeakRefs retained", "const keep = []; for (;;) keep.push(new WeakRef({}));"],
    ["JSON.parse of a huge string", "JSON.parse('[' + '1,'.repeat(1e8) + '1]')"],
    ["replaceAll growth", "'ab'.repeat(1e6).replaceAll('a', 'a'.repeat(1000))"],
    ["String.fromCharCode spread", "String.fromCharCode(...new Array(1e8).fill(65))"],
    ["regex over a huge input", "'a'.repeat(1e8).match(/a/g).length"],
    [
      "Object.fromEntries",
      "Object.fromEntries(Array.from({ length: 1e8 }, (_, i) => ['k' + i, i]))",
    ],
    ["arguments spread", "(function () { return arguments.length; })(...new Array(1e8))"],
    ["errors with stacks", "const es = []; for (;;) es.push(new Error('x'.repeat(100)));"],
    ["template literal doubling", "let s = 'x'; for (;;) s = `${s}${s}`;"],
    ["array length then fill", "const a = []; a.length = 2 ** 32 - 1; a.fill(1);"],
    ["sparse to dense copy", "const a = []; a[1e9] = 1; a.slice();"],
    ["flat of a huge array", "new Array(1e8).fill([1, 2]).flat()"],
  ])("%s fails with ResourceExhaustedError", (_name, code) => {
    expectStops(code);
  });

  it.each([
    ["huge typed array", "new Float64Array(1e9)"],
    ["huge ArrayBuffer", "new ArrayBuffer(2 ** 32)"],
    [
      "typed arrays that fit the host but not the budget",
      "const keep = []; for (;;) keep.push(new Float64Array(1e6));",
    ],
    ["DataView over a huge buffer", "new DataView(new ArrayBuffer(2 ** 31))"],
  ])(
    "%s fails with exhaustion or the guest RangeError engines throw, allocating nothing",
    (_name, code) => {
      const sb = small();
      expectStopsWithin(() => sb.runSync(code), WITHIN, {
        kind: "exhausted-or-range-error",
        sandbox: sb,
      });
    },
  );

  it("'x'.repeat(2 ** 28) fails fast under the default limits", () => {
    const sb = createSandbox();
    expectStopsWithin(() => sb.runSync("'x'.repeat(2 ** 28)"), 200, {
      sandbox: sb,
      resource: "memory",
    });
  });

  it("new Array(1e9).join() fails fast under the default limits (each piece's host cost charged)", () => {
    const sb = createSandbox();
    expectStopsWithin(() => sb.runSync("new Array(1e9).join()"), 3000, {
      sandbox: sb,
      resource: "memory",
    });
  });

  it("exhaustion inside try/catch/finally cannot be caught or extended by the guest", () => {
    const sb = small();
    expectStopsWithin(
      () =>
        sb.runSync(`
          let caught = 0;
          for (;;) { try { let s = 'x'; for (;;) s += s; } catch (e) { caught++; } finally { continue; } }
        `),
      WITHIN,
      { sandbox: sb, resource: "memory" },
    );
  });

  it("host memory stays within a small multiple of the guest's memory budget", async () => {
    // A child process with a 384 MB heap runs each bomb with a 32 MB guest budget and no other
    // limit that would stop it first: if the host allocated many times what it charged, the
    // child dies of out-of-memory instead of reporting ResourceExhaustedError.
    const bombs = [
      "new Array(1e9).join()",
      "String(new Array(1e9))",
      "let s = ''; for (;;) s += 'x';",
      "let s = ''; for (let i = 0; ; i++) s += i;",
      "const a = []; for (;;) a.push([]);",
      "const o = {}; for (let i = 0; ; i++) o['k' + i] = i;",
      "new Array(1e9).fill(0)",
      "const m = new Map(); for (let i = 0; ; i++) m.set('k' + i, {});",
      "'a'.repeat(1e7).split('')",
      "JSON.stringify(new Array(1e9).fill(0))",
      "let s = 'ab'; for (;;) s = s.replaceAll('a', 'aa');",
      "const a = []; for (let i = 0; ; i++) a.push(String(i));",
    ];
    const child = await runInChild(
      `const results = [];
       for (const code of ${JSON.stringify(bombs)}) {
         const sb = cove.createSandbox({ limits: { perRun: { fuel: Infinity, timeMs: 60000, memoryBytes: 32 * 1024 * 1024 } } });
         try { sb.runSync(code); results.push([code, "completed"]); }
         catch (e) { results.push([code, e.name + ":" + e.resource]); }
         globalThis.gc?.();
       }
       return results;`,
      120_000,
      ["--max-old-space-size=384"],
    );
    expect(child.crashed, child.stderr.slice(0, 500)).toBeUndefined();
    expect(child.timedOut).toBe(false);
    for (const [code, outcome] of child.result as [string, string][]) {
      expect(outcome, code).toBe("ResourceExhaustedError:memory");
    }
  }, 180_000);
});

describe("microtask floods and runaway asynchronous code", () => {
  it.each([
    ["a self-scheduling reaction", "function f() { Promise.resolve().then(f); } f();"],
    [
      "a doubling reaction",
      "function f() { Promise.resolve().then(f); Promise.resolve().then(f); } f();",
    ],
    ["an await loop", "(async () => { for (;;) await null; })();"],
    ["async fan-out", "async function f() { await null; f(); f(); } f();"],
    [
      "a thenable loop",
      "const t = { then(r) { Promise.resolve().then(() => r(t)); } }; Promise.resolve(t);",
    ],
    ["a rejection loop", "function f() { Promise.reject(1).catch(f); } f();"],
    [
      "Promise.all over an endless iterable",
      "Promise.all({ [Symbol.iterator]: () => ({ next: () => ({ done: false, value: 1 }) }) });",
    ],
    [
      "an async generator loop",
      "(async () => { for await (const x of (async function* () { for (;;) yield 1; })()) {} })();",
    ],
  ])("%s is stopped by the run's budget (runSync)", (_name, code) => {
    expectStops(code);
  });

  it("a microtask flood is stopped in run() too, and its queued jobs do not outlive it", async () => {
    const sb = small();
    await expectStopsWithinAsync(
      () => sb.run("globalThis.n = 0; function f() { n++; Promise.resolve().then(f); } f();"),
      WITHIN,
      { sandbox: sb },
    );
    const n = sb.runSync("n");
    await new Promise((r) => setTimeout(r, 20));
    expect(sb.runSync("n")).toBe(n);
  });

  it("jobs queued by a run that ended cannot run forever under a fresh budget", async () => {
    const settleLater = () => new Promise((resolve) => setTimeout(() => resolve(1), 5));
    const sb = createSandbox({ globals: { settleLater }, limits: { perRun: SMALL } });
    // The run ends; the host promise settles later and its reaction floods the queue.
    const out = sb.runSync(
      "globalThis.n = 0; settleLater().then(function f() { n++; Promise.resolve().then(f); }); 'started'",
    );
    expect(out).toBe("started");
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    expect(performance.now() - t0).toBeLessThan(WITHIN);
    expectHealthy(sb);
  });
});

describe("runaway generators and iteration", () => {
  it.each([
    ["spread into an array", "[...(function* () { for (;;) yield 1; })()]"],
    ["Array.from", "Array.from((function* () { for (;;) yield 1; })())"],
    ["for-of", "for (const x of (function* () { for (;;) yield 1; })()) {}"],
    ["new Set", "new Set((function* () { for (let i = 0; ; i++) yield i; })())"],
    ["new Map", "new Map((function* () { for (let i = 0; ; i++) yield [i, i]; })())"],
    [
      "Object.fromEntries",
      "Object.fromEntries((function* () { for (let i = 0; ; i++) yield ['k' + i, i]; })())",
    ],
    ["Math.max(...)", "Math.max(...(function* () { for (;;) yield 1; })())"],
    ["destructuring rest", "const [...all] = (function* () { for (;;) yield 1; })();"],
    ["a generator that never yields", "(function* () { for (;;) {} })().next()"],
    [
      "a return() that loops",
      "const it = (function* () { try { yield 1; } finally { for (;;) {} } })(); it.next(); it.return();",
    ],
    ["Promise.all over a generator", "Promise.all((function* () { for (;;) yield 1; })())"],
  ])("%s is stopped", (_name, code) => {
    const sb = small();
    expectStopsWithin(() => sb.runSync(code), WITHIN, {
      kind: "exhausted-or-range-error",
      sandbox: sb,
    });
  });
});

describe("never-ending callbacks in built-ins", () => {
  it.each([
    ["sort comparator", "[3, 2, 1].sort(() => { for (;;) {} })"],
    [
      "sort of a big array with a random comparator",
      "new Array(1e6).fill(0).map((_, i) => i).sort(() => Math.random() - 0.5)",
    ],
    ["toSorted comparator", "[3, 2, 1].toSorted(() => { for (;;) {} })"],
    ["typed array sort comparator", "new Uint8Array(10).sort(() => { for (;;) {} })"],
    ["map callback", "[1].map(() => { for (;;) {} })"],
    ["reduce over a huge sparse array", "new Array(2 ** 32 - 1).reduce(() => 0, 0)"],
    ["indexOf over a huge sparse array", "new Array(2 ** 32 - 1).indexOf(1)"],
    ["includes over a huge sparse array", "new Array(2 ** 32 - 1).includes(1)"],
    ["lastIndexOf over a huge sparse array", "new Array(2 ** 32 - 1).lastIndexOf(1)"],
    ["reverse of a huge sparse array", "new Array(2 ** 32 - 1).reverse()"],
    ["copyWithin of a huge sparse array", "new Array(2 ** 32 - 1).copyWithin(0, 1)"],
    ["JSON.parse reviver", "JSON.parse('[1]', () => { for (;;) {} })"],
    ["JSON.stringify replacer", "JSON.stringify([1], () => { for (;;) {} })"],
    ["replace callback", "'aaa'.replace(/a/g, () => { for (;;) {} })"],
    ["Array.from mapper", "Array.from([1], () => { for (;;) {} })"],
    ["Promise executor", "new Promise(() => { for (;;) {} })"],
    [
      "Map forEach that grows the map",
      "const m = new Map([[0, 0]]); let i = 1; m.forEach(() => m.set(i++, 0));",
    ],
    [
      "Set forEach that grows the set",
      "const s = new Set([0]); let i = 1; s.forEach(() => s.add(i++));",
    ],
    [
      "find over a getter-backed huge length",
      "Array.prototype.find.call({ length: 2 ** 53 - 1 }, () => false)",
    ],
    ["String.prototype.repeat of a long string", "'abcdefgh'.repeat(2 ** 27)"],
    ["localeCompare on huge strings", "'a'.repeat(1e8).localeCompare('a'.repeat(1e8))"],
  ])("%s is stopped", (_name, code) => {
    const sb = small();
    expectStopsWithin(() => sb.runSync(code), WITHIN, {
      kind: "exhausted-or-range-error",
      sandbox: sb,
    });
  });
});

describe("host calls", () => {
  it("a flood of host calls is stopped by the hostCalls budget", () => {
    const sb = createSandbox({
      globals: { noop: () => undefined },
      limits: { perRun: { hostCalls: 10_000 } },
    });
    expectStopsWithin(() => sb.runSync("for (;;) noop();"), WITHIN, {
      sandbox: sb,
      resource: "hostCalls",
    });
  });

  it("re-entrant runs nested through a host function share the outer run's budget", () => {
    let sbRef: Sandbox | undefined;
    const reenter = () => sbRef?.runSync("for (;;) {}");
    const sb = createSandbox({ globals: { reenter }, limits: { perRun: SMALL } });
    sbRef = sb;
    expectStopsWithin(() => sb.runSync("for (;;) { try { reenter(); } catch {} }"), WITHIN, {
      sandbox: sb,
    });
  });
});

describe("catastrophic regular expressions", () => {
  // Invariant: matching is metered guest work (src/regexp/matcher.ts charges fuel per VM step),
  // so a backtracking pattern reaches the run's checkpoint and stops at its deadline. The fixture
  // still runs in a child process with a deadline, so a regression hangs the child, not the suite.
  it("/(a+)+$/ on 30 'a's and '!' is stopped by the run's budget", async () => {
    const child = await runInChild(
      `const sb = cove.createSandbox({ limits: { perRun: { timeMs: 500 } } });
         const t0 = Date.now();
         try { sb.runSync("/(a+)+$/.test('a'.repeat(30) + '!')"); return ["completed", Date.now() - t0]; }
         catch (e) { return [e.name + ":" + e.resource, Date.now() - t0]; }`,
      5000,
    );
    expect(child.timedOut, "the regular expression hung the host").toBe(false);
    expect((child.result as [string, number])[0]).toBe("ResourceExhaustedError:time");
    expect((child.result as [string, number])[1]).toBeLessThan(1000);
  }, 60_000);
});

describe("after exhaustion", () => {
  it("a run that exhausted its budget leaves no queued work and the sandbox's next run works", () => {
    const sb = small();
    expect(() =>
      sb.runSync(
        "globalThis.tick = 0; Promise.resolve().then(function f() { tick++; Promise.resolve().then(f); }); for (;;) {}",
      ),
    ).toThrow(ResourceExhaustedError);
    const t = sb.runSync("tick");
    expect(sb.runSync("tick")).toBe(t);
    expectHealthy(sb);
    assertNoHostObjectReachable(sb);
  });

  it("aborting one run leaves other sandboxes running", () => {
    const controller = new AbortController();
    controller.abort();
    const a = createSandbox();
    const b = createSandbox();
    expect(() => a.runSync("for (;;) {}", { signal: controller.signal })).toThrow(RunAbortedError);
    expect(b.runSync("1 + 1")).toBe(2);
  });
});
