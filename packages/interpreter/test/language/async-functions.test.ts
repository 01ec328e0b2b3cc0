import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";

describe("async functions", () => {
  it("returns promises and resumes after await in job order", async () => {
    const sb = createSandbox();
    await sb.run(`
      var log = [];
      async function a() { log.push('a1'); await null; log.push('a2'); return 'A'; }
      async function b() { log.push('b1'); const v = await a(); log.push('b2:' + v); }
      b().then(() => log.push('done'));
      log.push('sync');`);
    expect(sb.runSync("log.join()")).toBe("b1,a1,sync,a2,b2:A,done");
  });

  it("turns throws into rejections and awaits rejections as throws", async () => {
    const sb = createSandbox();
    await sb.run(`
      var out = [];
      async function fail() { await 1; throw new TypeError('nope'); }
      async function main() { try { await fail(); } catch (e) { out.push(e.name + ':' + e.message); } finally { out.push('finally'); } }
      main();
      (async () => { throw 1; })().catch((e) => out.push('caught ' + e));`);
    expect(sb.runSync("out.join()")).toBe("caught 1,TypeError:nope,finally");
  });

  it("awaits in loops, arguments and expressions", async () => {
    const sb = createSandbox();
    await sb.run(`
      var total;
      const delay = (v) => Promise.resolve(v);
      (async function () { let s = 0; for (const x of [1, 2, 3]) s += await delay(x) * (await delay(10)); total = [s, Math.max(await delay(4), 2)]; })();`);
    expect(sb.runSync("total")).toEqual([60, 4]);
  });

  it("supports async arrows and methods with their this", async () => {
    const sb = createSandbox();
    await sb.run(`
      var r;
      const o = { k: 5, async m() { const f = async () => this.k; return await f(); } };
      o.m().then((v) => { r = v; });`);
    expect(sb.runSync("r")).toBe(5);
  });

  it("awaits host promises", async () => {
    const sb = createSandbox({
      globals: { fetchValue: (n: number) => new Promise((res) => setTimeout(() => res(n * 2), 5)) },
    });
    await sb.run("var got; (async () => { got = await fetchValue(21); })();");
    expect(sb.runSync("got")).toBe(42);
  });
});
