#!/usr/bin/env node
/**
 * Generates the Unicode tables of the RegExp engine (src/regexp/unicode/*-data.ts) from the host
 * JavaScript engine, so the interpreter's behaviour does not vary with the Node version it runs
 * on: the tables are checked in and only regenerated deliberately (`npm run gen:unicode`), e.g.
 * when moving to a newer Unicode version. The host is used here, at generation time, and in the
 * tests; never by the engine.
 *
 * What is derived, and how:
 * - Case folding for u/v mode (https://tc39.es/ecma262/#sec-runtime-semantics-canonicalize-ch,
 *   scf from CaseFolding.txt): equivalence classes of the host's `/…/iu`, found from the
 *   host's toLowerCase/toUpperCase candidates, verified pairwise with `/^x$/iu`, and checked
 *   for completeness by bit-partition probes (see `foldingClasses`).
 * - Canonicalize for non-unicode patterns: the spec's toUppercase rule, computed directly with
 *   String.prototype.toUpperCase per code unit.
 * - Property escapes (https://tc39.es/ecma262/#sec-runtime-semantics-unicodematchproperty-p):
 *   `/\p{…}+/gu` run over one string holding every code point, runs gathered into ranges.
 * - Properties of strings (v flag): single code points and structurally enumerable sequences
 *   probed with `/^\p{…}$/v`; the tag and ZWJ sequences, which cannot be enumerated by probing,
 *   take their candidates from test262's generated tests (fetched by `npm run test262`) and
 *   keep those the host accepts.
 *
 * Encoding: unsigned integers as base-32 varints, one character per 5 bits, the last digit of
 * each number from "0-9a-v" and the others from CONT below, so numbers need no separators. A
 * range list [lo0, hi0, lo1, hi1, ...] is written as (lo - cursor, hi - lo) pairs, cursor being
 * the previous hi + 2 (ranges never touch). Decoded by src/regexp/unicode/codec.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BINARY_PROPERTIES,
  COMPUTED_BINARY,
  GENERAL_CATEGORY_GROUPS,
  GENERAL_CATEGORY_LEAVES,
  SCRIPTS,
  STRING_PROPERTIES,
} from "./unicode-names.mjs";

const PKG = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(PKG, "src/regexp/unicode");
const MAX = 0x10ffff;

// ---------------------------------------------------------------------------------------------
// Encoding (mirrors src/regexp/unicode/codec.ts)

const LAST = "0123456789abcdefghijklmnopqrstuv";
const CONT = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";

function encodeNumber(n) {
  if (!Number.isInteger(n) || n < 0) throw new Error(`cannot encode ${n}`);
  let s = LAST[n & 31];
  n = Math.floor(n / 32);
  while (n > 0) {
    s = CONT[n & 31] + s;
    n = Math.floor(n / 32);
  }
  return s;
}

function encodeNumbers(list) {
  return list.map(encodeNumber).join("");
}

function encodeRanges(ranges) {
  const out = [];
  let cursor = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    out.push(ranges[i] - cursor, ranges[i + 1] - ranges[i]);
    cursor = ranges[i + 1] + 2;
  }
  return encodeNumbers(out);
}

function zigzag(n) {
  return n >= 0 ? 2 * n : -2 * n - 1;
}

/**
 * A code point -> code point mapping (only entries that change) as runs
 * (gap, count - 1, stride - 1, zigzag(offset)): the run's members are start, start + stride, ...
 * and each maps to itself + offset; start = cursor + gap, cursor = the previous run's last
 * member + 1.
 */
function encodeMapping(entries) {
  entries.sort((a, b) => a[0] - b[0]);
  const out = [];
  let cursor = 0;
  for (let i = 0; i < entries.length; ) {
    const [start, target] = entries[i];
    const offset = target - start;
    let count = 1;
    let stride = 1;
    const next = entries[i + 1];
    if (next && next[1] - next[0] === offset && next[0] - start <= 2) {
      stride = next[0] - start;
      while (true) {
        const e = entries[i + count];
        if (!e || e[0] !== start + count * stride || e[1] - e[0] !== offset) break;
        count++;
      }
    }
    out.push(start - cursor, count - 1, stride - 1, zigzag(offset));
    cursor = start + (count - 1) * stride + 1;
    i += count;
  }
  return encodeNumbers(out);
}

// ---------------------------------------------------------------------------------------------
// Host probes

/** The code points lo..hi as one string, with unit index -> code point. */
function codePointString(lo, hi) {
  const parts = [];
  const unitToCp = [];
  for (let cp = lo; cp <= hi; cp++) {
    const s = String.fromCodePoint(cp);
    parts.push(s);
    for (let k = 0; k < s.length; k++) unitToCp.push(cp);
  }
  return { text: parts.join(""), unitToCp };
}

// Surrogate code points are probed one by one: in one string they would pair up.
const PLANES = [codePointString(0, 0xd7ff), codePointString(0xe000, MAX)];

function rangesOf(cps) {
  const out = [];
  for (const cp of cps) {
    if (out.length > 0 && out[out.length - 1] + 1 === cp) out[out.length - 1] = cp;
    else out.push(cp, cp);
  }
  return out;
}

function normalize(ranges) {
  const pairs = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i], ranges[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1] + 1) {
      out[out.length - 1] = Math.max(out[out.length - 1], hi);
    } else out.push(lo, hi);
  }
  return out;
}

/** The ranges of code points matched by the class-like `escape` (e.g. "\\p{L}") in u mode. */
function hostRanges(escape) {
  const ranges = [];
  const run = new RegExp(`${escape}+`, "gu");
  for (const { text, unitToCp } of PLANES) {
    for (const m of text.matchAll(run)) {
      ranges.push(unitToCp[m.index], unitToCp[m.index + m[0].length - 1]);
    }
  }
  const single = new RegExp(`^${escape}$`, "u");
  for (let cp = 0xd800; cp <= 0xdfff; cp++) {
    if (single.test(String.fromCharCode(cp))) ranges.push(cp, cp);
  }
  return normalize(ranges);
}

function rangesToCps(ranges) {
  const out = [];
  for (let i = 0; i < ranges.length; i += 2)
    for (let c = ranges[i]; c <= ranges[i + 1]; c++) out.push(c);
  return out;
}

function classSource(cps) {
  const r = rangesOf([...cps].sort((a, b) => a - b));
  let s = "";
  for (let i = 0; i < r.length; i += 2) {
    s +=
      r[i] === r[i + 1]
        ? `\\u{${r[i].toString(16)}}`
        : `\\u{${r[i].toString(16)}}-\\u{${r[i + 1].toString(16)}}`;
  }
  return `[${s}]`;
}

function esc(cp) {
  return `\\u{${cp.toString(16)}}`;
}

function singleCodePoint(s) {
  const cp = s.codePointAt(0);
  return cp !== undefined && String.fromCodePoint(cp) === s ? cp : -1;
}

function hex(cp) {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Case folding

/** Equivalence classes (size >= 2) of code points under the host's /iu. */
function foldingClasses() {
  const parent = new Map();
  const find = (x) => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r);
    parent.set(x, r);
    return r;
  };
  const union = (a, b) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const iu = (a, b) => new RegExp(`^${esc(a)}$`, "iu").test(String.fromCodePoint(b));
  for (let cp = 0; cp <= MAX; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const t of [s.toLowerCase(), s.toUpperCase()]) {
      const u = singleCodePoint(t);
      if (u >= 0 && u !== cp && iu(cp, u)) union(cp, u);
    }
  }
  // Completeness: U = every code point that case mapping touches or that is in a class so far.
  // 1. Nothing outside U is equivalent to a member of U: /[U]/giu matches only U.
  const universe = new Set([
    ...parent.keys(),
    ...rangesToCps(hostRanges("\\p{Changes_When_Casemapped}")),
    ...rangesToCps(hostRanges("\\p{Changes_When_Casefolded}")),
    ...rangesToCps(hostRanges("\\p{Cased}")),
  ]);
  const closure = new RegExp(`${classSource(universe)}+`, "giu");
  for (const { text, unitToCp } of PLANES) {
    for (const m of text.matchAll(closure)) {
      for (let k = 0; k < m[0].length; k++) {
        const cp = unitToCp[m.index + k];
        if (!universe.has(cp))
          throw new Error(`${hex(cp)} is case-equivalent to a cased character but was not found`);
      }
    }
  }
  // 2. Within U the classes are right: probe the bits of each code point's class number. A
  //    code point whose /iu class spans two of our classes answers 1 for some bit its own
  //    class number has as 0.
  const members = [...universe].sort((a, b) => a - b);
  const classOf = new Map();
  const roots = [];
  for (const cp of members) {
    const r = find(cp);
    if (!classOf.has(r)) {
      classOf.set(r, roots.length);
      roots.push(r);
    }
  }
  const suspects = new Set();
  for (let bit = 0; 1 << bit < roots.length; bit++) {
    const set = members.filter((cp) => (classOf.get(find(cp)) >> bit) & 1);
    if (set.length === 0) continue;
    const re = new RegExp(`^${classSource(set)}$`, "iu");
    for (const cp of members) {
      const expected = ((classOf.get(find(cp)) >> bit) & 1) === 1;
      if (re.test(String.fromCodePoint(cp)) !== expected) suspects.add(cp);
    }
  }
  for (const cp of suspects) {
    for (const other of members) if (other !== cp && iu(cp, other)) union(cp, other);
  }
  if (suspects.size > 0) {
    console.log(`case folding: joined by probing: ${[...suspects].map(hex).join(" ")}`);
  }
  const classes = new Map();
  for (const cp of parent.keys()) {
    const r = find(cp);
    if (!classes.has(r)) classes.set(r, []);
    classes.get(r).push(cp);
  }
  const out = [...classes.values()].filter((c) => c.length > 1).map((c) => c.sort((a, b) => a - b));
  for (const c of out) {
    for (const a of c) for (const b of c) if (!iu(a, b)) throw new Error(`${hex(a)} !~ ${hex(b)}`);
  }
  return out;
}

/**
 * The member of a class that simple case folding maps the others to: the lowercase of the
 * uppercase of the members (one code point, in the class), except that Cherokee folds to
 * uppercase (CaseFolding.txt keeps Cherokee's fold stable), and except the few classes whose
 * members all have multi-code-point mappings, listed from CaseFolding.txt's S entries.
 */
const FOLD_TARGET_OVERRIDES = new Map([
  [0x1fd3, 0x0390], // 1FD3; S; 0390
  [0x1fe3, 0x03b0], // 1FE3; S; 03B0
  [0xfb05, 0xfb06], // FB05; S; FB06
]);

function foldTarget(members) {
  for (const m of members) if (FOLD_TARGET_OVERRIDES.has(m)) return FOLD_TARGET_OVERRIDES.get(m);
  const upper = members.map((m) => singleCodePoint(String.fromCodePoint(m).toUpperCase()));
  if (upper.some((u) => u >= 0x13a0 && u <= 0x13f5)) {
    return members.find((m) => m >= 0x13a0 && m <= 0x13f5);
  }
  const votes = new Map();
  for (const u of upper) {
    if (u < 0) continue;
    const l = singleCodePoint(String.fromCodePoint(u).toLowerCase());
    if (members.includes(l)) votes.set(l, (votes.get(l) ?? 0) + 1);
  }
  if (votes.size === 1) return [...votes.keys()][0];
  const lower = members.filter(
    (m) => String.fromCodePoint(m).toLowerCase() === String.fromCodePoint(m),
  );
  if (lower.length === 1) return lower[0];
  throw new Error(`no fold target for class ${members.map(hex).join(" ")}`);
}

/** https://tc39.es/ecma262/#sec-runtime-semantics-canonicalize-ch, non-unicode branch. */
function upperCanonical(cu) {
  const u = String.fromCharCode(cu).toUpperCase();
  if (u.length !== 1) return cu;
  const c = u.charCodeAt(0);
  if (cu >= 128 && c < 128) return cu;
  return c;
}

function mustParse(source, flags) {
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw new Error(`host rejects /${source}/${flags}: ${e.message}`);
  }
}

function checkNames() {
  for (const names of GENERAL_CATEGORY_LEAVES) {
    for (const n of names) {
      mustParse(`\\p{${n}}`, "u");
      mustParse(`\\p{gc=${n}}`, "u");
      mustParse(`\\p{General_Category=${n}}`, "u");
    }
  }
  for (const [n, aliases] of GENERAL_CATEGORY_GROUPS)
    for (const a of [n, ...aliases]) mustParse(`\\p{${a}}`, "u");
  for (const names of SCRIPTS) {
    for (const n of names) {
      mustParse(`\\p{sc=${n}}`, "u");
      mustParse(`\\p{Script_Extensions=${n}}`, "u");
    }
  }
  for (const names of [...BINARY_PROPERTIES, ...COMPUTED_BINARY])
    for (const n of names) mustParse(`\\p{${n}}`, "u");
  for (const n of STRING_PROPERTIES) mustParse(`\\p{${n}}`, "v");
}

// ---------------------------------------------------------------------------------------------
// Properties of strings

function test262StringCandidates(name) {
  const root = join(PKG, ".test262-cache");
  if (!existsSync(root))
    throw new Error(
      "test262 is not fetched: run `npm run test262 -- test/built-ins/RegExp/property-escapes` once",
    );
  for (const dir of readdirSync(root)) {
    const file = join(
      root,
      dir,
      "test/built-ins/RegExp/property-escapes/generated/strings",
      `${name}.js`,
    );
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    const body = text.slice(text.indexOf("matchStrings:"), text.indexOf("nonMatchStrings:"));
    return [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => {
      const str = m[1].replace(
        /\\u\{([0-9A-Fa-f]+)\}|\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})/g,
        (_, h, h4, h2) => String.fromCodePoint(Number.parseInt(h ?? h4 ?? h2, 16)),
      );
      if (str.includes("\\")) throw new Error(`unexpected escape in ${file}: ${m[1]}`);
      return str;
    });
  }
  throw new Error(`test262 has no generated test for ${name}`);
}

function stringProperty(name) {
  const re = new RegExp(`^\\p{${name}}$`, "v");
  const emoji = rangesToCps(hostRanges("\\p{Emoji}"));
  const candidates = new Set();
  for (const cp of rangesToCps(hostRanges("\\p{Any}"))) {
    if (cp < 0xd800 || cp > 0xdfff) candidates.add(String.fromCodePoint(cp));
  }
  for (const cp of emoji) {
    candidates.add(`${String.fromCodePoint(cp)}\ufe0f`);
    candidates.add(`${String.fromCodePoint(cp)}\ufe0f\u20e3`);
  }
  const ri = rangesToCps(hostRanges("\\p{Regional_Indicator}"));
  for (const a of ri) for (const b of ri) candidates.add(String.fromCodePoint(a, b));
  const mods = rangesToCps(hostRanges("\\p{Emoji_Modifier}"));
  for (const base of rangesToCps(hostRanges("\\p{Emoji_Modifier_Base}"))) {
    for (const m of mods) candidates.add(String.fromCodePoint(base, m));
  }
  const fromTest262 = test262StringCandidates(name);
  for (const s of fromTest262) candidates.add(s);
  for (const s of fromTest262)
    if (!re.test(s)) throw new Error(`host rejects test262's ${name} string ${JSON.stringify(s)}`);
  const singles = [];
  const strings = [];
  for (const s of candidates) {
    if (!re.test(s)) continue;
    const cp = singleCodePoint(s);
    if (cp >= 0) singles.push(cp);
    else strings.push(s);
  }
  singles.sort((a, b) => a - b);
  strings.sort();
  return { singles: rangesOf(singles), strings };
}

/** Strings as code points: each string's length, then its code points as deltas from the previous string's. */
function encodeStrings(strings) {
  const out = [];
  let prev = [];
  for (const s of strings) {
    const cps = [...s].map((c) => c.codePointAt(0));
    out.push(cps.length);
    for (const [i, cp] of cps.entries())
      out.push(zigzag(cp - (prev[i] ?? prev[prev.length - 1] ?? 0)));
    prev = cps;
  }
  return encodeNumbers(out);
}

// ---------------------------------------------------------------------------------------------
// Output

const HEADER = (what) => `/**
 * GENERATED by scripts/gen-unicode.mjs (\`npm run gen:unicode\`) from Node ${process.version}, Unicode
 * ${process.versions.unicode}: do not edit. ${what}
 * Strings are base-32 varint lists decoded lazily by codec.ts; nothing is decoded at import time.
 */
`;

function literalTable(name, doc, entries) {
  const lines = entries.map(
    ([k, v]) =>
      `  ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)},`,
  );
  return `/** ${doc} */\nexport const ${name}: Readonly<Record<string, string>> = {\n${lines.join("\n")}\n};\n`;
}

function nameList(name, doc, groups) {
  return `/** ${doc} */\nexport const ${name} =\n  ${JSON.stringify(groups.map((g) => g.join(" ")).join(","))};\n`;
}

function write(file, text) {
  writeFileSync(join(OUT, file), text);
  console.log(`${file}: ${text.length} bytes`);
}

function main() {
  checkNames();

  // Case folding.
  const classes = foldingClasses();
  const simple = [];
  for (const members of classes) {
    const target = foldTarget(members);
    for (const m of members) if (m !== target) simple.push([m, target]);
  }
  const upper = [];
  for (let cu = 0; cu <= 0xffff; cu++) {
    const c = upperCanonical(cu);
    if (c !== cu) upper.push([cu, c]);
  }
  write(
    "case-folding-data.ts",
    `${HEADER("Canonicalize (https://tc39.es/ecma262/#sec-runtime-semantics-canonicalize-ch) as\n * code point -> canonical code point runs (codec.ts decodeMapping), identity entries omitted.")}
export const UNICODE_VERSION = ${JSON.stringify(process.versions.unicode)};

/** u/v mode: simple case folding (scf), ${simple.length} code points. */
export const SIMPLE_CASE_FOLDING = ${JSON.stringify(encodeMapping(simple))};

/** Non-unicode mode: the toUppercase rule over code units, ${upper.length} code units. */
export const UPPERCASE_CANONICAL = ${JSON.stringify(encodeMapping(upper))};
`,
  );

  // General_Category.
  const gc = GENERAL_CATEGORY_LEAVES.map(([n]) => [n, encodeRanges(hostRanges(`\\p{gc=${n}}`))]);
  const gcAliases = [];
  for (const [n, ...aliases] of GENERAL_CATEGORY_LEAVES)
    for (const a of [n, ...aliases]) gcAliases.push([a, n]);
  for (const [n, aliases, leaves] of GENERAL_CATEGORY_GROUPS)
    for (const a of [n, ...aliases]) gcAliases.push([a, leaves.join(",")]);
  write(
    "general-category-data.ts",
    `${HEADER("General_Category: the ranges of each leaf value; groups are unions of leaves.")}
${literalTable("GENERAL_CATEGORY_VALUES", "Each value name or alias -> its leaf values, comma-separated.", gcAliases)}
${literalTable("GENERAL_CATEGORY_RANGES", "Leaf value -> ranges (codec.ts decodeRanges).", gc)}`,
  );

  // Script and Script_Extensions (as differences from Script).
  const scRanges = [];
  const scxDiff = [];
  for (const names of SCRIPTS) {
    const n = names[0];
    const sc = hostRanges(`\\p{sc=${n}}`);
    const scx = hostRanges(`\\p{scx=${n}}`);
    scRanges.push([n, encodeRanges(sc)]);
    const scSet = new Set(rangesToCps(sc));
    const scxSet = new Set(rangesToCps(scx));
    const added = rangesOf([...scxSet].filter((c) => !scSet.has(c)).sort((a, b) => a - b));
    const removed = rangesOf([...scSet].filter((c) => !scxSet.has(c)).sort((a, b) => a - b));
    if (added.length > 0 || removed.length > 0)
      scxDiff.push([n, `${encodeRanges(added)} ${encodeRanges(removed)}`]);
  }
  write(
    "script-data.ts",
    `${HEADER("Script and Script_Extensions.")}
${nameList("SCRIPT_NAMES", "Script values: each comma-separated group is a canonical (long) name and its aliases.", SCRIPTS)}
${literalTable("SCRIPT_RANGES", "Script -> ranges (codec.ts decodeRanges).", scRanges)}
${literalTable("SCRIPT_EXTENSIONS_DIFF", "Script_Extensions as Script plus the first and minus the second range list (space-separated); absent = same as Script.", scxDiff)}`,
  );

  // Binary properties.
  const binRanges = [];
  for (const [n] of BINARY_PROPERTIES) binRanges.push([n, encodeRanges(hostRanges(`\\p{${n}}`))]);
  write(
    "binary-property-data.ts",
    `${HEADER("Binary properties (table 68); Any, ASCII and Assigned are computed in properties.ts.")}
${nameList("BINARY_PROPERTY_NAMES", "Binary properties: each comma-separated group is a canonical name and its aliases.", [...BINARY_PROPERTIES, ...COMPUTED_BINARY])}
${literalTable("BINARY_PROPERTY_RANGES", "Binary property -> ranges (codec.ts decodeRanges).", binRanges)}`,
  );

  // Properties of strings. RGI_Emoji is the union of the other six (UTS #51 ED-27), which is
  // checked here and computed at decode time instead of being stored.
  const stringSets = new Map(STRING_PROPERTIES.map((n) => [n, stringProperty(n)]));
  const rgi = stringSets.get("RGI_Emoji");
  const parts = STRING_PROPERTIES.filter((n) => n !== "RGI_Emoji").map((n) => stringSets.get(n));
  const union = {
    singles: normalize(parts.flatMap((p) => p.singles)),
    strings: [...new Set(parts.flatMap((p) => p.strings))].sort(),
  };
  if (JSON.stringify(union) !== JSON.stringify(rgi))
    throw new Error("RGI_Emoji is not the union of its parts");
  const str = [];
  for (const [n, { singles, strings }] of stringSets) {
    console.log(`${n}: ${singles.length / 2} ranges, ${strings.length} strings`);
    if (n !== "RGI_Emoji") str.push([n, `${encodeRanges(singles)} ${encodeStrings(strings)}`]);
  }
  write(
    "string-property-data.ts",
    `${HEADER("Binary properties of strings (table 69, v flag); RGI_Emoji is the union of these.")}
${literalTable("STRING_PROPERTY_DATA", "Property -> its single code points (ranges), a space, then its longer strings (codec.ts decodeStrings).", str)}`,
  );

  execFileSync("npx", ["biome", "format", "--write", OUT], { cwd: PKG, stdio: "inherit" });
}

main();
