/** The end-of-run summary: counts per top-level folder, as a table and as JSON. */
import { compareCodeUnits } from "./expectations.js";
import type { Variant } from "./variants.js";

export type Status = "pass" | "fail" | "skip";

export interface RunRecord {
  id: string;
  path: string;
  variant: Variant;
  status: Status;
  /** Why it failed or was skipped. */
  reason: string;
  /** Wall-clock milliseconds (0 for skipped runs). */
  ms: number;
  /** Interpreter fuel used; undefined for skipped, timed-out and crashed runs. */
  fuel?: number | undefined;
}

export interface Counts {
  pass: number;
  fail: number;
  skip: number;
}

/** `test/language/expressions/...` → `test/language/expressions`; `test/built-ins/Array`. */
export function folderOf(path: string): string {
  const parts = path.split("/");
  return parts.length <= 3 ? parts.slice(0, -1).join("/") || path : parts.slice(0, 3).join("/");
}

export function countByFolder(records: readonly RunRecord[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const r of records) {
    const key = folderOf(r.path);
    let c = out.get(key);
    if (c === undefined) {
      c = { pass: 0, fail: 0, skip: 0 };
      out.set(key, c);
    }
    c[r.status]++;
  }
  return new Map([...out].sort(([a], [b]) => compareCodeUnits(a, b)));
}

export function totals(records: readonly RunRecord[]): Counts {
  const c: Counts = { pass: 0, fail: 0, skip: 0 };
  for (const r of records) c[r.status]++;
  return c;
}

/** Pass rate among the runs that ran (skips excluded), as a percentage string. */
export function passRate(c: Counts): string {
  const ran = c.pass + c.fail;
  return ran === 0 ? "—" : `${((100 * c.pass) / ran).toFixed(1)}%`;
}

/** The `n` slowest runs, slowest first (ties by id, so the list is stable). */
export function slowest(records: readonly RunRecord[], n: number): RunRecord[] {
  return [...records]
    .filter((r) => r.status !== "skip")
    .sort((a, b) => b.ms - a.ms || compareCodeUnits(a.id, b.id))
    .slice(0, n);
}

/** The `n` runs that used the most fuel, most first. */
export function hungriest(records: readonly RunRecord[], n: number): RunRecord[] {
  return records
    .filter((r) => r.fuel !== undefined)
    .sort((a, b) => (b.fuel ?? 0) - (a.fuel ?? 0) || compareCodeUnits(a.id, b.id))
    .slice(0, n);
}

/** A Markdown table: one row per folder and a total row. */
export function formatTable(byFolder: Map<string, Counts>, total: Counts): string {
  const rows: string[][] = [["folder", "pass", "fail", "skip", "pass %"]];
  for (const [folder, c] of byFolder) rows.push(row(folder, c));
  rows.push(row("total", total));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: string[]) =>
    `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? ` ${"-".repeat(w)} ` : ` ${"-".repeat(w - 1)}: `)).join("|")}|`;
  const [head, ...body] = rows;
  return [line(head ?? []), sep, ...body.map(line)].join("\n");
}

function row(label: string, c: Counts): string[] {
  return [label, String(c.pass), String(c.fail), String(c.skip), passRate(c)];
}
