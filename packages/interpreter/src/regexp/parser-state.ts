/**
 * The cursor the pattern parser's parts share (parser.ts for terms and groups, escapes.ts for
 * escapes and group names, class-parser.ts for character classes): the source, the position,
 * the grammar parameters of https://tc39.es/ecma262/#sec-patterns ([UnicodeMode],
 * [UnicodeSetsMode], [NamedCaptureGroups]) and the early-error exit.
 */

/** An early error (https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors). */
export class PatternError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class ParserState {
  pos = 0;
  /** Open groups and classes, bounded so a deep pattern cannot exhaust the host stack. */
  depth = 0;

  constructor(
    readonly src: string,
    /** [UnicodeMode]: the `u` or the `v` flag. The source is read by code points. */
    readonly unicode: boolean,
    /** [UnicodeSetsMode]: the `v` flag. */
    readonly sets: boolean,
    /** [NamedCaptureGroups]: `u`/`v`, or a pattern that has a named group anywhere. */
    readonly namedGroups: boolean,
    /** The `i` flag, which widens `\w`, `\W` and `\b` under `u` (WordCharacters). */
    readonly ignoreCase: boolean,
    /** CountLeftCapturingParensWithin(pattern), for DecimalEscape. */
    readonly totalGroups: number,
  ) {}

  get atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  /** The code unit at `pos + offset`, or -1 past the end. */
  unit(offset = 0): number {
    const i = this.pos + offset;
    return i < this.src.length ? this.src.charCodeAt(i) : -1;
  }

  /**
   * Reads one SourceCharacter: a code point in Unicode mode (a surrogate pair is one character),
   * a code unit otherwise.
   */
  next(): number {
    const src = this.src;
    const c = src.charCodeAt(this.pos++);
    if (this.unicode && c >= 0xd800 && c <= 0xdbff && this.pos < src.length) {
      const d = src.charCodeAt(this.pos);
      if (d >= 0xdc00 && d <= 0xdfff) {
        this.pos++;
        return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      }
    }
    return c;
  }

  /** Consumes `s` if the source continues with it. */
  eat(s: string): boolean {
    if (!this.src.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  lookingAt(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  fail(reason: string): never {
    throw new PatternError(reason);
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail("Regular expression too large");
  }

  leave(): void {
    this.depth--;
  }
}

/**
 * Nesting of groups and classes the parser accepts. The parser and the compiler recurse once per
 * level; 400 levels stay far below the host stack even when guest code is already deep.
 */
const MAX_DEPTH = 400;

export function isDecimalDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The value of a hex digit, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
