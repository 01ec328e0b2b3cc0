/**
 * Character classes: `[…]` with ClassContents (https://tc39.es/ecma262/#prod-ClassContents).
 * Outside `v` mode, NonemptyClassRanges with Annex B's leniency in non-Unicode patterns (a
 * class escape at a range end makes `-` literal, https://tc39.es/ecma262/#sec-regular-expressions-patterns).
 * In `v` mode, ClassSetExpression: nested classes, `&&` intersection, `--` subtraction and
 * `\q{…}` strings (https://tc39.es/ecma262/#prod-ClassSetExpression).
 */
import type { ClassNode } from "./ast.js";
import {
  complementSet,
  parseCharacterEscape,
  parseClassEscape,
  parseStringProperty,
} from "./escapes.js";
import type { ParserState } from "./parser-state.js";
import { canonicalize, simpleCaseFold } from "./unicode/case-folding.js";
import { CharSet } from "./unicode/charset.js";

const HYPHEN = 0x2d;
const BACKSLASH = 0x5c;
const CLOSE = 0x5d;

/** Parses a class with the cursor after the `[`. */
export function parseClass(p: ParserState): ClassNode {
  p.enter();
  const negated = p.eat("^");
  let node: ClassNode;
  if (p.sets) {
    const contents = parseClassSetExpression(p);
    if (negated && contents.strings.size > 0) {
      p.fail("Negated character class may contain strings");
    }
    node = { type: "Class", set: contents.set, negated, strings: [...contents.strings.values()] };
  } else {
    node = { type: "Class", set: parseClassRanges(p), negated, strings: [] };
  }
  p.leave();
  return node;
}

/** A ClassAtom: a character, or the set of a class escape. */
function parseClassAtom(p: ParserState): number | CharSet {
  const c = p.next();
  if (c !== BACKSLASH) return c;
  const e = p.unit();
  if (e === 0x62) {
    // \b is backspace in a class
    p.pos++;
    return 0x08;
  }
  if (e === HYPHEN && p.unicode) {
    p.pos++;
    return HYPHEN;
  }
  return parseClassEscape(p) ?? parseCharacterEscape(p, true);
}

/** https://tc39.es/ecma262/#sec-compiletocharset NonemptyClassRanges, up to the `]`. */
function parseClassRanges(p: ParserState): CharSet {
  const ranges: number[] = [];
  let set = CharSet.EMPTY;
  const add = (a: number | CharSet): void => {
    if (typeof a === "number") ranges.push(a, a);
    else set = set.union(a);
  };
  for (;;) {
    if (p.atEnd) p.fail("Unterminated character class");
    if (p.unit() === CLOSE) {
      p.pos++;
      break;
    }
    const a = parseClassAtom(p);
    if (p.unit() === HYPHEN && p.unit(1) !== CLOSE && p.unit(1) >= 0) {
      p.pos++;
      const b = parseClassAtom(p);
      if (typeof a !== "number" || typeof b !== "number") {
        if (p.unicode) p.fail("Invalid character class");
        add(a);
        add(HYPHEN);
        add(b);
      } else {
        if (a > b) p.fail("Range out of order in character class");
        ranges.push(a, b);
      }
    } else {
      add(a);
    }
  }
  return set.union(CharSet.fromRanges(ranges));
}

/** The value of a `v`-mode class operand: its characters and its strings (by their text). */
interface SetContents {
  set: CharSet;
  /** Strings of zero or several code points, keyed by their text. */
  strings: Map<string, readonly number[]>;
}

/** `( ) [ ] { } / - \ |`: https://tc39.es/ecma262/#prod-ClassSetSyntaxCharacter */
const SET_SYNTAX = "()[]{}/-\\|";
/** https://tc39.es/ecma262/#prod-ClassSetReservedDoublePunctuator (each doubled). */
const DOUBLE_PUNCTUATORS = "&!#$%*+,.:;<=>?@^`~";
/** https://tc39.es/ecma262/#prod-ClassSetReservedPunctuator */
const RESERVED_PUNCTUATORS = "&-!#%,:;<=>@`~";

function fromChars(set: CharSet): SetContents {
  return { set, strings: new Map() };
}

/** MaybeSimpleCaseFolding (https://tc39.es/ecma262/#sec-maybesimplecasefolding) of a leaf. */
function fold(p: ParserState, set: CharSet): CharSet {
  return p.ignoreCase ? simpleCaseFold(set) : set;
}

function foldString(p: ParserState, s: readonly number[]): readonly number[] {
  return p.ignoreCase ? s.map((c) => canonicalize(c, true)) : s;
}

/** https://tc39.es/ecma262/#prod-ClassSetExpression, up to and including the `]`. */
function parseClassSetExpression(p: ParserState): SetContents {
  if (p.eat("]")) return fromChars(CharSet.EMPTY);
  const before = p.pos;
  let acc = parseClassSetOperand(p, true);
  if (p.lookingAt("&&") || p.lookingAt("--")) {
    // The operands of && and -- are ClassSetOperands: a range is not one.
    const operandEnd = p.pos;
    p.pos = before;
    parseClassSetOperand(p, false);
    if (p.pos !== operandEnd) p.fail("Invalid set operation in character class");
    const op = p.src.slice(p.pos, p.pos + 2);
    while (p.eat(op)) {
      if (op === "&&" && p.unit() === 0x26) p.fail("Invalid set operation in character class");
      const rhs = parseClassSetOperand(p, false);
      acc = op === "&&" ? intersect(acc, rhs) : subtract(acc, rhs);
    }
    if (!p.eat("]")) p.fail("Invalid set operation in character class");
    return acc;
  }
  for (;;) {
    if (p.eat("]")) return acc;
    if (p.atEnd) p.fail("Unterminated character class");
    if (p.lookingAt("&&") || p.lookingAt("--")) p.fail("Invalid set operation in character class");
    acc = union(acc, parseClassSetOperand(p, true));
  }
}

/**
 * ClassSetOperand (https://tc39.es/ecma262/#prod-ClassSetOperand), or in a union also a
 * ClassSetRange.
 */
function parseClassSetOperand(p: ParserState, allowRange: boolean): SetContents {
  if (p.atEnd) p.fail("Unterminated character class");
  const c = p.unit();
  if (c === 0x5b) {
    p.pos++;
    const nested = parseClass(p);
    if (nested.negated) return fromChars(complementSet(p, nested.set));
    const strings = new Map<string, readonly number[]>();
    for (const s of nested.strings) strings.set(String.fromCodePoint(...s), s);
    return { set: nested.set, strings };
  }
  if (c === BACKSLASH) {
    const e = p.unit(1);
    if (e === 0x71 && p.unit(2) === 0x7b) {
      p.pos += 3;
      return parseClassStringDisjunction(p);
    }
    p.pos++;
    const property = parseStringProperty(p);
    if (property !== undefined) {
      const out = fromChars(fold(p, property.set));
      for (const str of property.strings) {
        const folded = foldString(p, str);
        out.strings.set(String.fromCodePoint(...folded), folded);
      }
      return out;
    }
    const set = parseClassEscape(p);
    if (set !== undefined) return fromChars(fold(p, set));
    p.pos--;
  }
  const lo = parseClassSetCharacter(p);
  if (allowRange && p.unit() === HYPHEN && p.unit(1) !== HYPHEN) {
    p.pos++;
    const hi = parseClassSetCharacter(p);
    if (lo > hi) p.fail("Range out of order in character class");
    return fromChars(fold(p, CharSet.range(lo, hi)));
  }
  return fromChars(fold(p, CharSet.of(lo)));
}

/** https://tc39.es/ecma262/#prod-ClassSetCharacter */
function parseClassSetCharacter(p: ParserState): number {
  if (p.atEnd) p.fail("Unterminated character class");
  const c = p.unit();
  if (c === BACKSLASH) {
    p.pos++;
    const e = p.unit();
    if (e === 0x62) {
      p.pos++;
      return 0x08;
    }
    if (e >= 0 && RESERVED_PUNCTUATORS.includes(String.fromCharCode(e))) {
      p.pos++;
      return e;
    }
    return parseCharacterEscape(p, false);
  }
  const ch = String.fromCharCode(c);
  if (SET_SYNTAX.includes(ch)) p.fail("Invalid character in character class");
  if (DOUBLE_PUNCTUATORS.includes(ch) && p.unit(1) === c) {
    p.fail("Invalid set operation in character class");
  }
  return p.next();
}

/** `\q{…|…}` (https://tc39.es/ecma262/#prod-ClassStringDisjunction) after the `{`. */
function parseClassStringDisjunction(p: ParserState): SetContents {
  const out: SetContents = fromChars(CharSet.EMPTY);
  let current: number[] = [];
  const finish = (): void => {
    const folded = foldString(p, current);
    if (folded.length === 1) out.set = out.set.union(CharSet.of(folded[0] as number));
    else out.strings.set(String.fromCodePoint(...folded), folded);
    current = [];
  };
  for (;;) {
    if (p.atEnd) p.fail("Unterminated character class");
    if (p.eat("}")) {
      finish();
      return out;
    }
    if (p.eat("|")) {
      finish();
      continue;
    }
    current.push(parseClassSetCharacter(p));
  }
}

function union(a: SetContents, b: SetContents): SetContents {
  const strings = new Map(a.strings);
  for (const [k, v] of b.strings) strings.set(k, v);
  return { set: a.set.union(b.set), strings };
}

function intersect(a: SetContents, b: SetContents): SetContents {
  const strings = new Map<string, readonly number[]>();
  for (const [k, v] of a.strings) if (b.strings.has(k)) strings.set(k, v);
  return { set: a.set.intersect(b.set), strings };
}

function subtract(a: SetContents, b: SetContents): SetContents {
  const strings = new Map<string, readonly number[]>();
  for (const [k, v] of a.strings) if (!b.strings.has(k)) strings.set(k, v);
  return { set: a.set.subtract(b.set), strings };
}
