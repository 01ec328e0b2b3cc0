/**
 * Judging one run against the native reference. Pure functions; tested in
 * test/classify.test.ts. A run with the wrong checksum is WRONG and its time is never used.
 */
import type { RunOutcome } from "./protocol.js";

export type Verdict =
  | { status: "ok"; ms: number }
  | { status: "wrong"; value: unknown }
  | { status: "fail"; message: string }
  | { status: "n/a"; message: string };

/** The native checksum of a workload, or why there is none. */
export type Reference = { ok: true; value: unknown } | { ok: false; message: string };

/** Checksums are primitives (compared with Object.is) or `{ nonPrimitive: json }`. */
export function sameChecksum(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function classify(outcome: RunOutcome, reference: Reference): Verdict {
  if (!outcome.ok) {
    return outcome.unsupported
      ? { status: "n/a", message: outcome.message }
      : { status: "fail", message: outcome.message };
  }
  if (!reference.ok)
    return { status: "fail", message: `no native reference: ${reference.message}` };
  if (!sameChecksum(outcome.value, reference.value))
    return { status: "wrong", value: outcome.value };
  return { status: "ok", ms: outcome.ms };
}

/** Text of a checksum for the report. */
export function showChecksum(value: unknown): string {
  if (typeof value === "object" && value !== null && "nonPrimitive" in value) {
    return String((value as { nonPrimitive: unknown }).nonPrimitive);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  return String(value);
}
