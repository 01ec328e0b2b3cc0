import type { Key } from "./value.js";

const MAX_INDEX = 4294967294; // 2 ** 32 - 2

/** https://tc39.es/ecma262/#array-index — a canonical numeric string below 2³² − 1. */
export function isArrayIndex(key: Key): key is string {
  if (typeof key !== "string") return false;
  const n = key.length;
  if (n === 0 || n > 10) return false;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  if (c === 48) return n === 1;
  for (let i = 1; i < n; i++) {
    const d = key.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return n < 10 || Number(key) <= MAX_INDEX;
}

/** The numeric value of an array-index key, or -1. */
export function arrayIndexOf(key: Key): number {
  return isArrayIndex(key) ? Number(key) : -1;
}

/** https://tc39.es/ecma262/#sec-canonicalnumericindexstring (used by typed arrays). */
export function canonicalNumericIndex(key: string): number | undefined {
  if (key === "-0") return -0;
  const n = Number(key);
  return String(n) === key ? n : undefined;
}

/** Orders keys as OrdinaryOwnPropertyKeys does: indices ascending, strings, then symbols. */
export function orderKeys(keys: readonly Key[]): Key[] {
  const indices: string[] = [];
  const strings: string[] = [];
  const symbols: symbol[] = [];
  for (const k of keys) {
    if (typeof k === "symbol") symbols.push(k);
    else if (isArrayIndex(k)) indices.push(k);
    else strings.push(k);
  }
  if (indices.length > 1) indices.sort((a, b) => Number(a) - Number(b));
  return [...indices, ...strings, ...symbols];
}
