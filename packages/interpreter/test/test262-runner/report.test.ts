import { describe, expect, it } from "vitest";
import { Progress } from "../../test262/progress.js";
import {
  countByFolder,
  folderOf,
  formatTable,
  passRate,
  type RunRecord,
  slowest,
  totals,
} from "../../test262/report.js";

function rec(path: string, status: RunRecord["status"]): RunRecord {
  return { id: `${path} strict`, path, variant: "strict", status, reason: "", ms: 0 };
}

describe("summary", () => {
  it("groups by the first folder under language/ or built-ins/", () => {
    expect(folderOf("test/language/expressions/addition/a.js")).toBe("test/language/expressions");
    expect(folderOf("test/built-ins/Array/from/a.js")).toBe("test/built-ins/Array");
    expect(folderOf("test/language/a.js")).toBe("test/language");
  });

  it("counts per folder, sorted, and computes the pass rate over runs that ran", () => {
    const records = [
      rec("test/language/statements/for/a.js", "pass"),
      rec("test/built-ins/Array/a.js", "fail"),
      rec("test/built-ins/Array/b.js", "pass"),
      rec("test/built-ins/Array/c.js", "skip"),
    ];
    const by = countByFolder(records);
    expect([...by.keys()]).toEqual(["test/built-ins/Array", "test/language/statements"]);
    expect(by.get("test/built-ins/Array")).toEqual({ pass: 1, fail: 1, skip: 1 });
    expect(passRate({ pass: 1, fail: 1, skip: 5 })).toBe("50.0%");
    expect(passRate({ pass: 0, fail: 0, skip: 5 })).toBe("—");
    const table = formatTable(by, totals(records)).split("\n");
    expect(table[0]).toMatch(/^\| folder +\| pass \| fail \| skip \| pass % \|$/);
    expect(table.at(-1)).toMatch(/^\| total +\| +2 \| +1 \| +1 \| +66\.7% \|$/);
  });
});

describe("slowest runs", () => {
  it("lists ran runs slowest first, ties by id", () => {
    const r = (id: string, ms: number, status: RunRecord["status"] = "pass"): RunRecord => ({
      ...rec(id, status),
      id,
      ms,
    });
    const list = slowest([r("c", 5), r("a", 9), r("s", 99, "skip"), r("b", 9), r("d", 1)], 3);
    expect(list.map((x) => x.id)).toEqual(["a", "b", "c"]);
  });
});

describe("progress", () => {
  it("prints a plain line every N runs when not on a terminal", () => {
    const out: string[] = [];
    const p = new Progress({
      total: 5,
      tty: false,
      every: 2,
      columns: 80,
      write: (s) => out.push(s),
    });
    for (let i = 0; i < 5; i++) p.record(i !== 1, `test/language/t${i}.js`);
    expect(out).toEqual([
      "[2/5] 40.0% pass 50.0% — test/language/t1.js\n",
      "[4/5] 80.0% pass 75.0% — test/language/t3.js\n",
      "[5/5] 100.0% pass 80.0% — test/language/t4.js\n",
    ]);
  });

  it("redraws one line in place on a terminal", () => {
    const out: string[] = [];
    const p = new Progress({
      total: 1,
      tty: true,
      every: 1000,
      columns: 30,
      write: (s) => out.push(s),
    });
    p.record(true, "test/language/a/very/long/path/name.js");
    p.end();
    expect(out[0]?.startsWith("\r[1/1] 100.0% pass 100.0%")).toBe(true);
    expect(out[0]?.endsWith("…\x1b[K")).toBe(true);
    expect(out[1]).toBe("\n");
  });
});
