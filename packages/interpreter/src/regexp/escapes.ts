/**
 * Escapes shared by atoms and character classes: CharacterEscape
 * (https://tc39.es/ecma262/#prod-CharacterEscape, with the Annex B forms of
 * https://tc39.es/ecma262/#sec-regular-expressions-patterns outside Unicode mode),
 * CharacterClassEscape (`\d \D \s \S \w \W \p{…} \P{…}`) and group names. Each function starts
 * with the cursor just after the backslash.
 */
import { hexValue, isAsciiLetter, isDecimalDigit, type ParserState } from "./parser-state.js";
import { caseFoldedCharacters, simpleCaseFold, wordCharacters } from "./unicode/case-folding.js";
import type { CharSet } from "./unicode/charset.js";
import { DIGIT, SPACE } from "./unicode/charset.js";
import { propertyEscape, stringPropertyEscape } from "./unicode/properties.js";

const BACKSLASH = 0x5c;

/** `^ $ \ . * + ? ( ) [ ] { } |`: https://tc39.es/ecma262/#prod-SyntaxCharacter */
const SYNTAX_CHARACTERS = "^$\\.*+?()[]{}|";

/** ControlEscape values: https://tc39.es/ecma262/#table-controlescape-code-point-values */
function controlEscape(c: number): number {
  switch (c) {
    case 0x66: // f
      return 0x0c;
    case 0x6e: // n
      return 0x0a;
    case 0x72: // r
      return 0x0d;
    case 0x74: // t
      return 0x09;
    case 0x76: // v
      return 0x0b;
    default:
      return -1;
  }
}

/**
 * https://tc39.es/ecma262/#sec-compiletocharset CharacterEscape :: … (its CharacterValue):
 * the character an escape stands for. Decimal escapes that are backreferences are handled by
 * the caller before this; here `\1`–`\7` are Annex B octal escapes. Returns BACKSLASH without
 * consuming anything for Annex B's `\` before a `c` that does not start a control escape.
 */
export function parseCharacterEscape(p: ParserState, inClass: boolean): number {
  const c = p.unit();
  if (c < 0) p.fail("\\ at end of pattern");
  const control = controlEscape(c);
  if (control >= 0) {
    p.pos++;
    return control;
  }
  if (c === 0x63) {
    // c
    const l = p.unit(1);
    if (isAsciiLetter(l) || (!p.unicode && inClass && (isDecimalDigit(l) || l === 0x5f))) {
      p.pos += 2;
      return l % 32;
    }
    if (p.unicode) p.fail("Invalid unicode escape");
    return BACKSLASH;
  }
  if (c === 0x30 && !isDecimalDigit(p.unit(1))) {
    p.pos++;
    return 0;
  }
  if (isDecimalDigit(c)) {
    if (p.unicode) p.fail(inClass ? "Invalid class escape" : "Invalid decimal escape");
    if (c >= 0x38) {
      p.pos++;
      return c;
    }
    return legacyOctal(p);
  }
  if (c === 0x78) {
    // x
    const h1 = hexValue(p.unit(1));
    const h2 = hexValue(p.unit(2));
    if (h1 >= 0 && h2 >= 0) {
      p.pos += 3;
      return h1 * 16 + h2;
    }
    if (p.unicode) p.fail("Invalid escape");
    p.pos++;
    return c;
  }
  if (c === 0x75) {
    // u
    const cp = parseUnicodeEscape(p, p.unicode);
    if (cp >= 0) return cp;
    if (p.unicode) p.fail("Invalid Unicode escape");
    p.pos++;
    return c;
  }
  // IdentityEscape
  if (p.unicode) {
    if (SYNTAX_CHARACTERS.includes(String.fromCharCode(c)) || c === 0x2f || (inClass && c === 0x2d))
      return p.next();
    p.fail(inClass ? "Invalid class escape" : "Invalid escape");
  }
  if (c === 0x6b && p.namedGroups)
    p.fail(inClass ? "Invalid class escape" : "Invalid named reference");
  p.pos++;
  return c;
}

/** https://tc39.es/ecma262/#prod-annexB-LegacyOctalEscapeSequence: up to `\377`. */
function legacyOctal(p: ParserState): number {
  const d0 = p.unit() - 0x30;
  p.pos++;
  let v = d0;
  const d1 = p.unit() - 0x30;
  if (d1 >= 0 && d1 <= 7) {
    p.pos++;
    v = v * 8 + d1;
    const d2 = p.unit() - 0x30;
    if (d0 <= 3 && d2 >= 0 && d2 <= 7) {
      p.pos++;
      v = v * 8 + d2;
    }
  }
  return v;
}

function hex4(p: ParserState, at: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    const h = hexValue(p.unit(at + i));
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

/**
 * https://tc39.es/ecma262/#prod-RegExpUnicodeEscapeSequence with the cursor on the `u`: the
 * code point, or -1 (nothing consumed) when no escape of the mode's form is there. In Unicode
 * mode `\u{…}` is allowed and an escaped surrogate pair is one code point.
 */
export function parseUnicodeEscape(p: ParserState, unicodeMode: boolean): number {
  if (unicodeMode && p.unit(1) === 0x7b) {
    let i = 2;
    let v = 0;
    for (;;) {
      const c = p.unit(i);
      if (c === 0x7d && i > 2) break;
      const h = hexValue(c);
      if (h < 0) return -1;
      v = v * 16 + h;
      if (v > 0x10ffff) return -1;
      i++;
    }
    p.pos += i + 1;
    return v;
  }
  const v = hex4(p, 1);
  if (v < 0) return -1;
  p.pos += 5;
  if (unicodeMode && v >= 0xd800 && v <= 0xdbff && p.unit() === BACKSLASH && p.unit(1) === 0x75) {
    const t = hex4(p, 2);
    if (t >= 0xdc00 && t <= 0xdfff) {
      p.pos += 6;
      return (v - 0xd800) * 0x400 + (t - 0xdc00) + 0x10000;
    }
  }
  return v;
}

/**
 * CharacterComplement (https://tc39.es/ecma262/#sec-charactercomplement): the characters not in
 * `set`. With `v` and `i` the universe is AllCharacters, the characters simple case folding
 * leaves unchanged, and `set` is folded first (MaybeSimpleCaseFolding).
 */
export function complementSet(p: ParserState, set: CharSet): CharSet {
  if (p.sets && p.ignoreCase) return caseFoldedCharacters().subtract(simpleCaseFold(set));
  return set.complement();
}

/**
 * https://tc39.es/ecma262/#prod-CharacterClassEscape with the cursor on the letter: the set, or
 * undefined when the letter does not start a class escape in this mode (`\p` outside Unicode
 * mode is an identity escape).
 */
export function parseClassEscape(p: ParserState): CharSet | undefined {
  const c = p.unit();
  switch (c) {
    case 0x64: // d
      p.pos++;
      return DIGIT;
    case 0x44: // D
      p.pos++;
      return complementSet(p, DIGIT);
    case 0x73: // s
      p.pos++;
      return SPACE;
    case 0x53: // S
      p.pos++;
      return complementSet(p, SPACE);
    case 0x77: // w
      p.pos++;
      return wordCharacters(p.ignoreCase, p.unicode);
    case 0x57: // W
      p.pos++;
      return complementSet(p, wordCharacters(p.ignoreCase, p.unicode));
    case 0x70: // p
    case 0x50: // P
      if (!p.unicode) return undefined;
      p.pos++;
      return parsePropertyEscape(p, c === 0x50);
    default:
      return undefined;
  }
}

/**
 * `\p{Name}`, `\p{Name=Value}` (https://tc39.es/ecma262/#sec-runtime-semantics-unicodematchproperty-p)
 * with the cursor after the `p`.
 */
function parsePropertyEscape(p: ParserState, negated: boolean): CharSet {
  if (p.unit() !== 0x7b) p.fail("Invalid property name");
  const close = p.src.indexOf("}", p.pos);
  if (close < 0) p.fail("Invalid property name");
  const body = p.src.slice(p.pos + 1, close);
  const eq = body.indexOf("=");
  const name = eq < 0 ? body : body.slice(0, eq);
  const value = eq < 0 ? undefined : body.slice(eq + 1);
  if (!isPropertyWord(name, false) || (value !== undefined && !isPropertyWord(value, true))) {
    p.fail("Invalid property name");
  }
  const set = propertyEscape(name, value);
  if (set === undefined) p.fail("Invalid property name");
  p.pos = close + 1;
  return negated ? complementSet(p, set) : set;
}

/**
 * With `v`, `\p{…}` naming a property of strings (https://tc39.es/ecma262/#table-binary-unicode-properties-of-strings)
 * with the cursor on the `p`: its code points and its strings (as code point lists), or
 * undefined (nothing consumed) when the escape is not one.
 */
export function parseStringProperty(
  p: ParserState,
): { set: CharSet; strings: (readonly number[])[] } | undefined {
  if (!p.sets || p.unit() !== 0x70 || p.unit(1) !== 0x7b) return undefined;
  const close = p.src.indexOf("}", p.pos);
  if (close < 0) return undefined;
  const property = stringPropertyEscape(p.src.slice(p.pos + 2, close));
  if (property === undefined) return undefined;
  p.pos = close + 1;
  const strings = property.strings.map((s) => Array.from(s, (c) => c.codePointAt(0) as number));
  return { set: property.codePoints, strings };
}

/** UnicodePropertyName / UnicodePropertyValue characters: ASCII letters, `_` (and digits). */
function isPropertyWord(s: string, digits: boolean): boolean {
  if (s === "") return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiLetter(c) && c !== 0x5f && !(digits && isDecimalDigit(c))) return false;
  }
  return true;
}

/** ID_Start, `$` and `_`: https://tc39.es/ecma262/#prod-IdentifierStartChar */
function isIdentifierStart(cp: number): boolean {
  if (cp < 0x80) return isAsciiLetter(cp) || cp === 0x24 || cp === 0x5f;
  return (propertyEscape("ID_Start", undefined) as CharSet).has(cp);
}

/** ID_Continue, `$`, ZWNJ and ZWJ: https://tc39.es/ecma262/#prod-IdentifierPartChar */
function isIdentifierPart(cp: number): boolean {
  if (cp < 0x80) return isAsciiLetter(cp) || isDecimalDigit(cp) || cp === 0x24 || cp === 0x5f;
  if (cp === 0x200c || cp === 0x200d) return true;
  return (propertyEscape("ID_Continue", undefined) as CharSet).has(cp);
}

/**
 * GroupName :: `<` RegExpIdentifierName `>` (https://tc39.es/ecma262/#prod-GroupName) with the
 * cursor after the `<`: its StringValue. Escapes always use the Unicode-mode form, and a literal
 * surrogate pair is one character in every mode.
 */
export function parseGroupName(p: ParserState): string {
  let name = "";
  for (;;) {
    const c = p.unit();
    if (c === 0x3e && name !== "") {
      p.pos++;
      return name;
    }
    let cp: number;
    if (c === BACKSLASH) {
      p.pos++;
      if (p.unit() !== 0x75) p.fail("Invalid capture group name");
      cp = parseUnicodeEscape(p, true);
    } else if (c < 0) {
      cp = -1;
    } else {
      cp = p.src.codePointAt(p.pos) as number;
      p.pos += cp > 0xffff ? 2 : 1;
    }
    if (cp < 0 || !(name === "" ? isIdentifierStart(cp) : isIdentifierPart(cp))) {
      p.fail("Invalid capture group name");
    }
    name += String.fromCodePoint(cp);
  }
}
