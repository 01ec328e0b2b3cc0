/**
 * Host probes for the Unicode table tests: what the host's own RegExp says about every code
 * point, gathered into range lists comparable with CharSet.ranges. The host is the reference
 * the tables were generated from (scripts/gen-unicode.mjs); the comparisons hold while it
 * implements the same Unicode version as the tables.
 */
import { UNICODE_VERSION } from "../../src/regexp/unicode/case-folding-data.js";

/** Whether the host implements the Unicode version the tables were generated from. */
export const HOST_MATCHES_TABLES = process.versions.unicode === UNICODE_VERSION;

interface Plane {
  text: string;
  unitToCp: Int32Array;
}

function codePointString(lo: number, hi: number): Plane {
  const parts: string[] = [];
  const unitToCp: number[] = [];
  for (let cp = lo; cp <= hi; cp++) {
    const s = String.fromCodePoint(cp);
    parts.push(s);
    for (let k = 0; k < s.length; k++) unitToCp.push(cp);
  }
  return { text: parts.join(""), unitToCp: Int32Array.from(unitToCp) };
}

let planes: Plane[] | undefined;

/** Every code point but the surrogates, in two strings (a surrogate range would pair up). */
function allPlanes(): Plane[] {
  planes ??= [codePointString(0, 0xd7ff), codePointString(0xe000, 0x10ffff)];
  return planes;
}

/** Sorts and coalesces a range list. */
export function normalize(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2)
    pairs.push([ranges[i] as number, ranges[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= (out[out.length - 1] as number) + 1) {
      out[out.length - 1] = Math.max(out[out.length - 1] as number, hi);
    } else out.push(lo, hi);
  }
  return out;
}

/**
 * The code points (all of them, surrogates included) that the host's `/${atom}/${flags}`
 * matches as one character; `atom` must match exactly one code point (u/v flags) or code unit.
 */
export function hostRanges(atom: string, flags: string): number[] {
  const ranges: number[] = [];
  if (flags.includes("u") || flags.includes("v")) {
    const run = new RegExp(`(?:${atom})+`, `g${flags}`);
    for (const { text, unitToCp } of allPlanes()) {
      for (const m of text.matchAll(run)) {
        ranges.push(unitToCp[m.index] as number, unitToCp[m.index + m[0].length - 1] as number);
      }
    }
    const single = new RegExp(`^(?:${atom})$`, flags);
    for (let cp = 0xd800; cp <= 0xdfff; cp++) {
      if (single.test(String.fromCharCode(cp))) ranges.push(cp, cp);
    }
  } else {
    const single = new RegExp(`^(?:${atom})$`, flags);
    for (let cu = 0; cu <= 0xffff; cu++) {
      if (single.test(String.fromCharCode(cu))) ranges.push(cu, cu);
    }
  }
  return normalize(ranges);
}

/** A class body (without brackets) for the range list, as `\u{…}` escapes. */
export function classBody(ranges: readonly number[], unicode = true): string {
  let s = "";
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i] as number;
    const hi = ranges[i + 1] as number;
    s += lo === hi ? esc(lo, unicode) : `${esc(lo, unicode)}-${esc(hi, unicode)}`;
  }
  return s;
}

/** `\u{…}` in u/v mode; `\uXXXX` code units otherwise (code points must be in the BMP). */
export function esc(cp: number, unicode = true): string {
  return unicode ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
