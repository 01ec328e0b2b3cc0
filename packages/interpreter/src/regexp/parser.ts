/**
 * The pattern parser: https://tc39.es/ecma262/#sec-patterns (ES2023, plus ES2024's `v` flag
 * class syntax), with the Annex B grammar for patterns without `u`/`v`
 * (https://tc39.es/ecma262/#sec-regular-expressions-patterns) and every early error
 * (https://tc39.es/ecma262/#sec-patterns-static-semantics-early-errors). This file parses
 * disjunctions, terms, groups, assertions and quantifiers; escapes.ts and class-parser.ts the
 * rest. A syntax error is a `PatternError` whose reason the caller turns into the SyntaxError
 * message.
 */
import {
  type Backref,
  EMPTY,
  type Lookaround,
  type Node,
  type ParsedPattern,
  type Quantifier,
} from "./ast.js";
import { parseClass } from "./class-parser.js";
import {
  parseCharacterEscape,
  parseClassEscape,
  parseGroupName,
  parseStringProperty,
} from "./escapes.js";
import { isDecimalDigit, ParserState } from "./parser-state.js";

/**
 * https://tc39.es/ecma262/#sec-parsepattern: parses `src` for the given flags. Without `u`/`v`
 * the pattern is parsed with [~NamedCaptureGroups] unless it contains a group name, which
 * (like the spec's re-parse) is known from a first scan.
 */
export function parsePattern(src: string, flags: string): ParsedPattern {
  const sets = flags.includes("v");
  const unicode = sets || flags.includes("u");
  const scan = scanGroups(src, sets);
  const p = new ParserState(
    src,
    unicode,
    sets,
    unicode || scan.named,
    flags.includes("i"),
    scan.count,
  );
  return new PatternParser(p).parse();
}

/**
 * CountLeftCapturingParensWithin(pattern), and whether any group is named: an unescaped `(`
 * outside a class opens a group; it captures unless followed by `?`, except `(?<name>`.
 */
function scanGroups(src: string, nestedClasses: boolean): { count: number; named: boolean } {
  let count = 0;
  let named = false;
  let classDepth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x5c) {
      i++;
    } else if (classDepth > 0) {
      if (c === 0x5d) classDepth--;
      else if (c === 0x5b && nestedClasses) classDepth++;
    } else if (c === 0x5b) {
      classDepth = 1;
    } else if (c === 0x28) {
      if (src.charCodeAt(i + 1) !== 0x3f) count++;
      else if (src.charCodeAt(i + 2) === 0x3c) {
        const d = src.charCodeAt(i + 3);
        if (d !== 0x3d && d !== 0x21) {
          count++;
          named = true;
        }
      }
    }
  }
  return { count, named };
}

const INFINITY = Number.POSITIVE_INFINITY;

class PatternParser {
  private groupCount = 0;
  private readonly groupNames: (string | undefined)[] = [];
  private readonly namedRefs: { ref: Backref; name: string }[] = [];

  constructor(private readonly p: ParserState) {}

  parse(): ParsedPattern {
    const p = this.p;
    const root = this.parseDisjunction();
    if (!p.atEnd) p.fail(p.unit() === 0x29 ? "Unmatched ')'" : "Unexpected character");
    for (const { ref, name } of this.namedRefs) {
      const index = this.groupNames.indexOf(name);
      if (index < 0) p.fail("Invalid named capture referenced");
      (ref.groups as number[]).push(index + 1);
    }
    return { root, groupCount: this.groupCount, groupNames: this.groupNames };
  }

  /** https://tc39.es/ecma262/#prod-Disjunction */
  private parseDisjunction(): Node {
    const p = this.p;
    p.enter();
    const first = this.parseAlternative();
    if (p.unit() !== 0x7c) {
      p.leave();
      return first;
    }
    const alternatives = [first];
    while (p.eat("|")) alternatives.push(this.parseAlternative());
    p.leave();
    return { type: "Alternation", alternatives };
  }

  /** https://tc39.es/ecma262/#prod-Alternative */
  private parseAlternative(): Node {
    const p = this.p;
    const terms: Node[] = [];
    for (;;) {
      const c = p.unit();
      if (c < 0 || c === 0x7c || c === 0x29) break;
      this.parseTerm(terms);
    }
    if (terms.length === 0) return EMPTY;
    return terms.length === 1 ? (terms[0] as Node) : { type: "Sequence", terms };
  }

  /** https://tc39.es/ecma262/#prod-Term (and Annex B's https://tc39.es/ecma262/#prod-annexB-Term) */
  private parseTerm(terms: Node[]): void {
    const p = this.p;
    const groupsBefore = this.groupCount;
    let atom: Node;
    switch (p.unit()) {
      case 0x5e: // ^
        p.pos++;
        terms.push({ type: "Assertion", kind: "start" });
        this.noQuantifier();
        return;
      case 0x24: // $
        p.pos++;
        terms.push({ type: "Assertion", kind: "end" });
        this.noQuantifier();
        return;
      case 0x5c: {
        // \
        const e = p.unit(1);
        if (e === 0x62 || e === 0x42) {
          p.pos += 2;
          terms.push({ type: "Assertion", kind: e === 0x62 ? "word" : "notWord" });
          this.noQuantifier();
          return;
        }
        p.pos++;
        atom = this.parseAtomEscape();
        break;
      }
      case 0x28: {
        // (
        const look = this.tryLookaround();
        if (look !== undefined) {
          if (look.behind || p.unicode) {
            terms.push(look);
            this.noQuantifier();
            return;
          }
          atom = look;
        } else atom = this.parseGroup();
        break;
      }
      case 0x2e: // .
        p.pos++;
        atom = { type: "Dot" };
        break;
      case 0x5b: // [
        p.pos++;
        atom = parseClass(p);
        break;
      case 0x2a: // *
      case 0x2b: // +
      case 0x3f: // ?
        atom = p.fail("Nothing to repeat");
        break;
      case 0x7b: // {
        if (p.unicode) p.fail("Lone quantifier brackets");
        if (this.readBraces() !== undefined) p.fail("Nothing to repeat");
        p.pos++;
        atom = { type: "Char", value: 0x7b };
        break;
      case 0x7d: // }
      case 0x5d: // ]
        if (p.unicode) p.fail("Lone quantifier brackets");
        atom = { type: "Char", value: p.next() };
        break;
      default:
        atom = { type: "Char", value: p.next() };
    }
    terms.push(this.parseQuantifier(atom, groupsBefore));
  }

  /** After an assertion: a quantifier there is an error (`^*`, `\b{2}`, `(?<=a)+`). */
  private noQuantifier(): void {
    const p = this.p;
    const c = p.unit();
    if (c === 0x2a || c === 0x2b || c === 0x3f) p.fail("Nothing to repeat");
    if (c === 0x7b && this.readBraces() !== undefined) p.fail("Nothing to repeat");
  }

  /**
   * https://tc39.es/ecma262/#prod-QuantifierPrefix `{n}`, `{n,}`, `{n,m}` at the cursor,
   * without consuming it: [min, max, length], or undefined when the text there is not one.
   */
  private readBraces(): [number, number, number] | undefined {
    const src = this.p.src;
    let i = this.p.pos + 1;
    const start = i;
    while (isDecimalDigit(src.charCodeAt(i))) i++;
    if (i === start) return undefined;
    const min = Number(src.slice(start, i));
    let max = min;
    if (src.charCodeAt(i) === 0x2c) {
      i++;
      const s2 = i;
      while (isDecimalDigit(src.charCodeAt(i))) i++;
      max = i === s2 ? INFINITY : Number(src.slice(s2, i));
    }
    if (src.charCodeAt(i) !== 0x7d) return undefined;
    return [min, max, i + 1 - this.p.pos];
  }

  /** https://tc39.es/ecma262/#prod-Quantifier after `atom`, or the atom itself. */
  private parseQuantifier(atom: Node, groupsBefore: number): Node {
    const p = this.p;
    let min: number;
    let max: number;
    switch (p.unit()) {
      case 0x2a:
        min = 0;
        max = INFINITY;
        p.pos++;
        break;
      case 0x2b:
        min = 1;
        max = INFINITY;
        p.pos++;
        break;
      case 0x3f:
        min = 0;
        max = 1;
        p.pos++;
        break;
      case 0x7b: {
        const braces = this.readBraces();
        if (braces === undefined) {
          if (p.unicode) p.fail("Incomplete quantifier");
          return atom;
        }
        [min, max] = braces;
        p.pos += braces[2];
        if (min > max) p.fail("numbers out of order in {} quantifier");
        break;
      }
      default:
        return atom;
    }
    const greedy = !p.eat("?");
    const q: Quantifier = {
      type: "Quantifier",
      min,
      max,
      greedy,
      body: atom,
      firstGroup: groupsBefore + 1,
      groupCount: this.groupCount - groupsBefore,
    };
    return q;
  }

  /** `(?=`, `(?!`, `(?<=`, `(?<!` … `)` at the cursor, or undefined. */
  private tryLookaround(): Lookaround | undefined {
    const p = this.p;
    let behind: boolean;
    let negated: boolean;
    if (p.eat("(?=")) [behind, negated] = [false, false];
    else if (p.eat("(?!")) [behind, negated] = [false, true];
    else if (p.eat("(?<=")) [behind, negated] = [true, false];
    else if (p.eat("(?<!")) [behind, negated] = [true, true];
    else return undefined;
    const body = this.parseDisjunction();
    this.closeGroup();
    return { type: "Lookaround", behind, negated, body };
  }

  /** `(…)`, `(?<name>…)`, `(?:…)` at the cursor. */
  private parseGroup(): Node {
    const p = this.p;
    if (p.eat("(?:")) {
      const body = this.parseDisjunction();
      this.closeGroup();
      return body;
    }
    let name: string | undefined;
    if (p.eat("(?<")) {
      name = parseGroupName(p);
      if (this.groupNames.includes(name)) p.fail("Duplicate capture group name");
    } else if (p.lookingAt("(?")) {
      p.fail("Invalid group");
    } else p.pos++;
    const index = ++this.groupCount;
    this.groupNames.push(name);
    const body = this.parseDisjunction();
    this.closeGroup();
    return { type: "Group", index, name, body };
  }

  private closeGroup(): void {
    if (!this.p.eat(")")) this.p.fail("Unterminated group");
  }

  /** https://tc39.es/ecma262/#prod-AtomEscape with the cursor after the backslash. */
  private parseAtomEscape(): Node {
    const p = this.p;
    const c = p.unit();
    if (c >= 0x31 && c <= 0x39) {
      // DecimalEscape: a backreference when it names an existing group (always in Unicode mode).
      const start = p.pos;
      while (isDecimalDigit(p.unit())) p.pos++;
      const n = Number(p.src.slice(start, p.pos));
      if (n <= p.totalGroups) return { type: "Backref", groups: [n] };
      if (p.unicode) p.fail("Invalid escape");
      p.pos = start;
    } else if (c === 0x6b && p.namedGroups) {
      // k GroupName
      p.pos++;
      if (!p.eat("<")) p.fail("Invalid named reference");
      const name = parseGroupName(p);
      const ref: Backref = { type: "Backref", groups: [] };
      this.namedRefs.push({ ref, name });
      return ref;
    }
    const property = parseStringProperty(p);
    if (property !== undefined) return { type: "Class", negated: false, ...property };
    const set = parseClassEscape(p);
    if (set !== undefined) return { type: "Class", set, negated: false, strings: [] };
    return { type: "Char", value: parseCharacterEscape(p, false) };
  }
}
