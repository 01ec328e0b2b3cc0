import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";

describe("async generators and for await", () => {
  it("yields awaited values in request order", async () => {
    const sb = createSandbox();
    await sb.run(`
      var out = [];
      async function* g() { yield 1; yield Promise.resolve(2); const x = await Promise.resolve(3); yield x; return 'end'; }
      (async () => { for await (const v of g()) out.push(v); out.push('done'); })();`);
    expect(sb.runSync("out.join()")).toBe("1,2,3,done");
  });

  it("queues next() calls made before earlier ones settle", async () => {
    const sb = createSandbox();
    await sb.run(`
      var res = [];
      async function* g() { yield 'a'; yield 'b'; }
      const it = g();
      Promise.all([it.next(), it.next(), it.next()]).then((rs) => { res = rs.map((r) => r.value + ':' + r.done); });`);
    expect(sb.runSync("res.join()")).toBe("a:false,b:false,undefined:true");
  });

  it("iterates sync iterables of promises with for await and closes on break", async () => {
    const sb = createSandbox();
    await sb.run(`
      var seen = [], closed = false;
      const it = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: Promise.resolve(i++), done: false }), return() { closed = true; return {}; } }; } };
      (async () => { for await (const v of it) { seen.push(v); if (v === 2) break; } })();`);
    expect(sb.runSync("[seen.join(), closed]")).toEqual(["0,1,2", true]);
  });

  it("runs finally blocks on return()", async () => {
    const sb = createSandbox();
    await sb.run(`
      var log = [];
      async function* g() { try { yield 1; yield 2; } finally { log.push('cleanup'); } }
      (async () => { const it = g(); await it.next(); const r = await it.return('x'); log.push(r.value + ':' + r.done); })();`);
    expect(sb.runSync("log.join()")).toBe("cleanup,x:true");
  });

  it("delegates with yield* to async and sync iterables, returning the inner result", async () => {
    const sb = createSandbox();
    await sb.run(`
      var log = [];
      async function* inner() { yield 1; yield Promise.resolve(2); return 3; }
      async function* outer() { const r = yield* inner(); log.push('ret ' + r); yield* [4, Promise.resolve(5)]; }
      (async () => { for await (const v of outer()) log.push(v); })();`);
    expect(sb.runSync("log.join()")).toBe("1,2,ret 3,4,5");
  });

  it("forwards throw() and return() through yield* and awaits a returned promise", async () => {
    const sb = createSandbox();
    await sb.run(`
      var log = [];
      async function* inner() { try { yield 'a'; } catch (e) { log.push('caught ' + e); yield 'b'; } finally { log.push('inner finally'); } }
      async function* outer() { yield* inner(); }
      (async () => {
        const it = outer();
        await it.next();
        log.push((await it.throw('boom')).value);
        const r = await it.return(Promise.resolve('R'));
        log.push(r.value + ':' + r.done);
      })();`);
    expect(sb.runSync("log.join()")).toBe("caught boom,b,inner finally,R:true");
  });

  it("closes the sync iterator under for await when a yielded promise rejects", async () => {
    const sb = createSandbox();
    await sb.run(`
      var closed = false, error;
      const it = { [Symbol.iterator]() { return { next: () => ({ value: Promise.reject('no'), done: false }), return() { closed = true; return {}; } }; } };
      (async () => { try { for await (const v of it) {} } catch (e) { error = e; } })();`);
    expect(sb.runSync("[error, closed]")).toEqual(["no", true]);
  });
});
