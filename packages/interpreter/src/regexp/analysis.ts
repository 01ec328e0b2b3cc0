/**
 * Static facts about pattern nodes that the compiler uses to pick cheaper instructions and the
 * matcher to skip hopeless start positions: the effective character set of a one-character
 * node (case folding and negation applied), whether a node can match the empty string, the
 * fewest code units it consumes, and the code units a match can start with.
 */
import type { Char, ClassNode, Dot, Node } from "./ast.js";
import { caseClosure, caseEquivalents } from "./unicode/case-folding.js";
import { CharSet, LINE_TERMINATORS } from "./unicode/charset.js";

/** The flags that change what a character node matches. */
export interface CharContext {
  readonly ignoreCase: boolean;
  readonly unicode: boolean;
  readonly dotAll: boolean;
}

/** The largest character of the mode: a code point with u/v, a code unit otherwise. */
export function maxChar(ctx: CharContext): number {
  return ctx.unicode ? 0x10ffff : 0xffff;
}

/**
 * The characters a Char, Dot or (string-free part of a) Class node matches, case closure
 * applied under `i`: https://tc39.es/ecma262/#sec-runtime-semantics-charactersetmatcher-abstract-operation
 * (a character matches when its canonical form equals that of a member, which is membership
 * in the closure).
 */
export function nodeCharSet(node: Char | ClassNode | Dot, ctx: CharContext): CharSet {
  switch (node.type) {
    case "Char":
      return ctx.ignoreCase
        ? CharSet.of(...caseEquivalents(node.value, ctx.unicode))
        : CharSet.of(node.value);
    case "Dot":
      return ctx.dotAll
        ? CharSet.range(0, maxChar(ctx))
        : LINE_TERMINATORS.complement(maxChar(ctx));
    case "Class": {
      const set = ctx.ignoreCase ? caseClosure(node.set, ctx.unicode) : node.set;
      return node.negated ? set.complement(maxChar(ctx)) : set;
    }
  }
}

/** Whether the node is one character (no strings, so exactly one character is consumed). */
export function isSingleChar(node: Node): node is Char | ClassNode | Dot {
  return (
    node.type === "Char" ||
    node.type === "Dot" ||
    (node.type === "Class" && node.strings.length === 0)
  );
}

/** Whether the node can succeed without consuming input. */
export function canBeEmpty(node: Node): boolean {
  switch (node.type) {
    case "Char":
    case "Dot":
      return false;
    case "Class":
      return node.strings.some((s) => s.length === 0);
    case "Empty":
    case "Assertion":
    case "Lookaround":
    case "Backref":
      return true;
    case "Group":
      return canBeEmpty(node.body);
    case "Quantifier":
      return node.min === 0 || canBeEmpty(node.body);
    case "Alternation":
      return node.alternatives.some(canBeEmpty);
    case "Sequence":
      return node.terms.every(canBeEmpty);
  }
}

/** The fewest code units the node consumes (capped, to stay a small integer). */
export function minLength(node: Node, ctx: CharContext): number {
  switch (node.type) {
    case "Char":
      return ctx.unicode && node.value > 0xffff ? 2 : 1;
    case "Dot":
      return 1;
    case "Class": {
      let min = node.set.isEmpty && node.strings.length > 0 ? Infinity : 1;
      for (const s of node.strings) min = Math.min(min, s.length);
      return min;
    }
    case "Empty":
    case "Assertion":
    case "Lookaround":
    case "Backref":
      return 0;
    case "Group":
      return minLength(node.body, ctx);
    case "Quantifier":
      return node.min === 0 ? 0 : Math.min(CAP, node.min * minLength(node.body, ctx));
    case "Alternation": {
      let min = CAP;
      for (const a of node.alternatives) min = Math.min(min, minLength(a, ctx));
      return min;
    }
    case "Sequence": {
      let sum = 0;
      for (const t of node.terms) sum = Math.min(CAP, sum + minLength(t, ctx));
      return sum;
    }
  }
}

const CAP = 0x3fffffff;

/**
 * The code units a match of the node can start with, and whether it can match without
 * consuming anything (then what follows it can start the match too). `chars` undefined means
 * any code unit.
 */
interface First {
  chars: CharSet | undefined;
  empty: boolean;
}

function firstOf(node: Node, ctx: CharContext): First {
  switch (node.type) {
    case "Char":
    case "Dot":
      return { chars: toCodeUnits(nodeCharSet(node, ctx)), empty: false };
    case "Class": {
      let chars = toCodeUnits(nodeCharSet(node, ctx));
      let empty = false;
      for (const s of node.strings) {
        if (s.length === 0) empty = true;
        else {
          const c = { type: "Char", value: s[0] as number } as const;
          chars = chars.union(toCodeUnits(nodeCharSet(c, ctx)));
        }
      }
      return { chars, empty };
    }
    case "Empty":
    case "Assertion":
    case "Lookaround":
      return { chars: CharSet.EMPTY, empty: true };
    case "Backref":
      return { chars: undefined, empty: true };
    case "Group":
      return firstOf(node.body, ctx);
    case "Quantifier": {
      if (node.max === 0) return { chars: CharSet.EMPTY, empty: true };
      const f = firstOf(node.body, ctx);
      return { chars: f.chars, empty: f.empty || node.min === 0 };
    }
    case "Alternation": {
      let chars: CharSet | undefined = CharSet.EMPTY;
      let empty = false;
      for (const a of node.alternatives) {
        const f = firstOf(a, ctx);
        chars = chars === undefined || f.chars === undefined ? undefined : chars.union(f.chars);
        empty ||= f.empty;
      }
      return { chars, empty };
    }
    case "Sequence": {
      let chars: CharSet | undefined = CharSet.EMPTY;
      for (const t of node.terms) {
        const f = firstOf(t, ctx);
        chars = chars === undefined || f.chars === undefined ? undefined : chars.union(f.chars);
        if (!f.empty) return { chars, empty: false };
      }
      return { chars, empty: true };
    }
  }
}

/** Code points as the code units that start them: an astral code point by its lead surrogate. */
function toCodeUnits(set: CharSet): CharSet {
  if (set.max <= 0xffff) return set;
  const r = set.ranges;
  const out: number[] = [];
  for (let i = 0; i < r.length; i += 2) {
    const lo = r[i] as number;
    const hi = r[i + 1] as number;
    if (lo <= 0xffff) out.push(lo, Math.min(hi, 0xffff));
    if (hi > 0xffff) {
      const l = Math.max(lo, 0x10000);
      out.push(0xd800 + ((l - 0x10000) >> 10), 0xd800 + ((hi - 0x10000) >> 10));
    }
  }
  return CharSet.fromRanges(out);
}

/**
 * The code units every match starts with, or undefined when a match may start anywhere
 * (including with the empty string).
 */
export function firstChars(node: Node, ctx: CharContext): CharSet | undefined {
  const f = firstOf(node, ctx);
  if (f.empty || f.chars === undefined) return undefined;
  return f.chars.max <= 0xffff && f.chars.size >= 0xffff ? undefined : f.chars;
}

/** Whether every alternative starts with `^` (the caller checks the `m` flag). */
export function startsAnchored(node: Node): boolean {
  switch (node.type) {
    case "Assertion":
      return node.kind === "start";
    case "Group":
      return startsAnchored(node.body);
    case "Alternation":
      return node.alternatives.every(startsAnchored);
    case "Sequence":
      return node.terms.length > 0 && startsAnchored(node.terms[0] as Node);
    default:
      return false;
  }
}

/** Whether the character can be tested as one code unit in every mode. */
export function isPlainUnit(c: number): boolean {
  return c < 0xd800 || (c > 0xdfff && c <= 0xffff);
}

/**
 * The literal text (case-sensitive, BMP, no surrogates) every match starts with; zero-width
 * terms before and between its characters do not move the match start, so they are skipped.
 */
export function literalPrefix(node: Node, ctx: CharContext): string {
  if (ctx.ignoreCase) return "";
  let out = "";
  const walk = (n: Node): boolean => {
    switch (n.type) {
      case "Char":
        if (!isPlainUnit(n.value)) return false;
        out += String.fromCharCode(n.value);
        return true;
      case "Assertion":
      case "Lookaround":
      case "Empty":
        return true;
      case "Group":
        return walk(n.body);
      case "Sequence":
        for (const t of n.terms) if (!walk(t)) return false;
        return true;
      default:
        return false;
    }
  };
  walk(node);
  return out;
}
