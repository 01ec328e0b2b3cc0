/**
 * Compiles a parsed pattern to the VM program of program.ts
 * (https://tc39.es/ecma262/#sec-compilepattern, with the matcher semantics of
 * https://tc39.es/ecma262/#sec-pattern-semantics turned into instructions instead of
 * continuation closures).
 *
 * Choices, each to keep matching cheap without changing what matches:
 * - Case-insensitivity is resolved here: a character becomes its case equivalents, a class its
 *   case closure, so the VM never canonicalizes except for backreferences.
 * - A quantifier over one character (`a*`, `[^"]+?`, `.{2,5}`, `\d{4}`) is one STAR instruction
 *   that loops in the VM without a backtrack entry per iteration; when the next term is a literal
 *   character the VM backtracks only to positions where it occurs, and when the next term can
 *   never match a character of the loop's set, not at all.
 * - A quantifier over a body that cannot match empty and needs no count (`*`, `+`, `?`) is a
 *   FORK loop; everything else uses a counter and, when the body can match empty, the empty
 *   check. Counts are registers: `a{1000000}` is as small as `a*` (nothing is unrolled).
 * - Lookbehind compiles its body backwards (direction -1 of the spec): terms in reverse order,
 *   "_B" instructions that read before the position.
 */
import {
  type CharContext,
  canBeEmpty,
  firstChars,
  isPlainUnit,
  isSingleChar,
  literalPrefix,
  minLength,
  nodeCharSet,
  startsAnchored,
} from "./analysis.js";
import type { Node, ParsedPattern, Quantifier } from "./ast.js";
import type { Program } from "./program.js";
import * as op from "./program.js";
import { caseEquivalents, wordCharacters } from "./unicode/case-folding.js";
import { CharSet } from "./unicode/charset.js";

/** Counts above this are treated as unbounded (no input is that long). */
const MAX_COUNT = 0x7fffffff;

export function compilePattern(parsed: ParsedPattern, flags: string): Program {
  const ctx: CharContext = {
    ignoreCase: flags.includes("i"),
    unicode: flags.includes("u") || flags.includes("v"),
    dotAll: flags.includes("s"),
  };
  const c = new Compiler(ctx, flags.includes("m"), parsed.groupCount);
  c.node(parsed.root, false);
  c.emit(op.MATCH);
  return c.finish(parsed.root);
}

class Compiler {
  private readonly code: number[] = [];
  private readonly sets: CharSet[] = [];
  private readonly setIndex = new Map<string, number>();
  private loops = 0;
  private looks = 0;

  constructor(
    private readonly ctx: CharContext,
    private readonly multiline: boolean,
    private readonly groupCount: number,
  ) {}

  finish(root: Node): Program {
    const n = this.groupCount;
    const openBase = 2 * (n + 1);
    const loopBase = openBase + n + 1;
    const lookBase = loopBase + 2 * this.loops;
    const code = Int32Array.from(this.code);
    const ctx = this.ctx;
    const first = firstChars(root, ctx);
    const firstSet = first === undefined ? -1 : this.set(first);
    return {
      code,
      sets: this.sets,
      groupCount: n,
      registerCount: lookBase + this.looks,
      openBase,
      loopBase,
      lookBase,
      unicode: ctx.unicode,
      anchored: !this.multiline && startsAnchored(root),
      firstSet,
      prefix: literalPrefix(root, ctx),
      minLength: minLength(root, ctx),
      size: code.length + this.sets.reduce((n, set) => n + set.ranges.length, 0),
    };
  }

  emit(...words: number[]): void {
    for (const w of words) this.code.push(w);
  }

  private get here(): number {
    return this.code.length;
  }

  /** Emits an instruction whose last operand is a jump target to patch; returns its index. */
  private emitJump(opcode: number, ...operands: number[]): number {
    this.emit(opcode, ...operands, -1);
    return this.here - 1;
  }

  private patch(at: number): void {
    this.code[at] = this.here;
  }

  private set(set: CharSet): number {
    const key = set.ranges.join(",");
    let i = this.setIndex.get(key);
    if (i === undefined) {
      i = this.sets.length;
      this.sets.push(set);
      this.setIndex.set(key, i);
    }
    return i;
  }

  /** Whether a set can be tested on one code unit even in u/v mode. */
  private isUnitSet(set: CharSet): boolean {
    if (!this.ctx.unicode) return true;
    return set.max <= 0xffff && set.intersect(SURROGATES).isEmpty;
  }

  node(n: Node, backward: boolean): void {
    switch (n.type) {
      case "Empty":
        return;
      case "Char":
        this.char(n.value, backward);
        return;
      case "Dot":
        this.charSet(nodeCharSet(n, this.ctx), backward);
        return;
      case "Class":
        this.classNode(n, backward);
        return;
      case "Assertion":
        this.assertion(n.kind);
        return;
      case "Group":
        this.emit(op.OPEN, n.index);
        this.node(n.body, backward);
        this.emit(backward ? op.CLOSE_B : op.CLOSE, n.index);
        return;
      case "Lookaround": {
        const r = this.looks++;
        const at = this.emitJump(n.negated ? op.LOOK_NOT : op.LOOK, r);
        this.node(n.body, n.behind);
        this.emit(n.negated ? op.LOOK_NOT_END : op.LOOK_END, r);
        this.patch(at);
        return;
      }
      case "Backref": {
        const g = n.groups[0] as number;
        const i = this.ctx.ignoreCase;
        this.emit(
          backward ? (i ? op.BACKREF_I_B : op.BACKREF_B) : i ? op.BACKREF_I : op.BACKREF,
          g,
        );
        return;
      }
      case "Alternation":
        this.alternation(n.alternatives, backward);
        return;
      case "Sequence":
        this.sequence(n.terms, backward);
        return;
      case "Quantifier":
        this.quantifier(n, backward, undefined);
        return;
    }
  }

  private char(c: number, backward: boolean): void {
    const ctx = this.ctx;
    if (ctx.ignoreCase) {
      const eq = caseEquivalents(c, ctx.unicode);
      if (eq.length === 2 && isPlainUnit(eq[0] as number) && isPlainUnit(eq[1] as number)) {
        this.emit(backward ? op.CHAR2_B : op.CHAR2, eq[0] as number, eq[1] as number);
        return;
      }
      if (eq.length !== 1) {
        this.charSet(CharSet.of(...eq), backward);
        return;
      }
      c = eq[0] as number;
    }
    if (ctx.unicode && !isPlainUnit(c)) this.emit(backward ? op.CHAR_U_B : op.CHAR_U, c);
    else this.emit(backward ? op.CHAR_B : op.CHAR, c);
  }

  private charSet(set: CharSet, backward: boolean): void {
    const s = this.set(set);
    if (this.isUnitSet(set)) this.emit(backward ? op.SET_B : op.SET, s);
    else this.emit(backward ? op.SET_U_B : op.SET_U, s);
  }

  /** A class; with strings (`v` mode), the longest strings first, then the single characters. */
  private classNode(n: Node & { type: "Class" }, backward: boolean): void {
    const set = nodeCharSet(n, this.ctx);
    if (n.strings.length === 0) {
      this.charSet(set, backward);
      return;
    }
    const strings = [...n.strings].sort((a, b) => b.length - a.length);
    const alternatives: Node[] = strings.map((s) => ({
      type: "Sequence",
      terms: s.map((value) => ({ type: "Char", value }) as const),
    }));
    if (!set.isEmpty) alternatives.push({ type: "Class", set, negated: false, strings: [] });
    this.alternation(alternatives, backward);
  }

  private assertion(kind: "start" | "end" | "word" | "notWord"): void {
    switch (kind) {
      case "start":
        this.emit(this.multiline ? op.START_M : op.START);
        return;
      case "end":
        this.emit(this.multiline ? op.END_M : op.END);
        return;
      default: {
        const s = this.set(wordCharacters(this.ctx.ignoreCase, this.ctx.unicode));
        this.emit(kind === "word" ? op.WORD_BOUNDARY : op.NOT_WORD_BOUNDARY, s);
      }
    }
  }

  private alternation(alternatives: readonly Node[], backward: boolean): void {
    const ends: number[] = [];
    for (let i = 0; i < alternatives.length; i++) {
      const last = i === alternatives.length - 1;
      const fork = last ? -1 : this.emitJump(op.FORK);
      this.node(alternatives[i] as Node, backward);
      if (!last) {
        ends.push(this.emitJump(op.JMP));
        this.patch(fork);
      }
    }
    for (const e of ends) this.patch(e);
  }

  private sequence(terms: readonly Node[], backward: boolean): void {
    const n = terms.length;
    for (let k = 0; k < n; k++) {
      const i = backward ? n - 1 - k : k;
      const t = terms[i] as Node;
      if (!backward && t.type === "Char" && this.isLiteralUnit(t.value)) {
        // A run of literal characters is one STRING instruction.
        let j = i;
        while (j < n && this.isLiteralTerm(terms[j] as Node)) j++;
        if (j - i >= 2) {
          this.emit(op.STRING, j - i);
          for (let m = i; m < j; m++) this.emit((terms[m] as Node & { type: "Char" }).value);
          k = j - 1;
          continue;
        }
      }
      if (t.type === "Quantifier")
        this.quantifier(t, backward, backward ? undefined : terms[i + 1]);
      else this.node(t, backward);
    }
  }

  private isLiteralUnit(c: number): boolean {
    return !this.ctx.ignoreCase && isPlainUnit(c);
  }

  private isLiteralTerm(t: Node): boolean {
    return t.type === "Char" && this.isLiteralUnit(t.value);
  }

  /**
   * https://tc39.es/ecma262/#sec-runtime-semantics-repeatmatcher-abstract-operation, with `next`
   * the term that follows in a forward sequence (for STAR's backtracking shortcuts).
   */
  private quantifier(q: Quantifier, backward: boolean, next: Node | undefined): void {
    const min = Math.min(q.min, MAX_COUNT);
    const max = Math.min(q.max, MAX_COUNT);
    if (max === 0) return;
    const body = q.body;
    if (!backward && isSingleChar(body)) {
      this.star(q, nodeCharSet(body, this.ctx), next);
      return;
    }
    if (min === 1 && max === 1) {
      this.node(body, backward);
      return;
    }
    const empty = canBeEmpty(body);
    const reset = (): void => {
      if (q.groupCount > 0) this.emit(op.RESET, q.firstGroup, q.firstGroup + q.groupCount - 1);
    };
    const unbounded = max === MAX_COUNT;
    if (!empty && min <= 1 && (unbounded || max === 1)) {
      if (max === 1) {
        // x? / x??
        const skip = this.emitJump(q.greedy ? op.FORK : op.FORK_JUMP);
        reset();
        this.node(body, backward);
        this.patch(skip);
      } else if (min === 0) {
        // x* / x*?
        const top = this.here;
        const exit = this.emitJump(q.greedy ? op.FORK : op.FORK_JUMP);
        reset();
        this.node(body, backward);
        this.emit(op.JMP, top);
        this.patch(exit);
      } else {
        // x+ / x+?
        const top = this.here;
        reset();
        this.node(body, backward);
        this.emit(q.greedy ? op.FORK_JUMP : op.FORK, top);
      }
      return;
    }
    const k = this.loops++;
    this.emit(op.LOOP_INIT, k);
    const top = this.here;
    const exit = this.emitJump(q.greedy ? op.LOOP_GREEDY : op.LOOP_LAZY, k, min, max);
    if (empty) this.emit(op.LOOP_MARK, k);
    reset();
    this.node(body, backward);
    const flags = (empty ? op.LOOP_CHECK_EMPTY : 0) | (unbounded ? op.LOOP_SATURATE : 0);
    this.emit(op.LOOP_END, k, min, flags, top);
    this.patch(exit);
  }

  /** A repeated single character: STAR / LAZY_STAR with the shortcut for what follows. */
  private star(q: Quantifier, set: CharSet, next: Node | undefined): void {
    const min = Math.min(q.min, MAX_COUNT);
    const max = Math.min(q.max, MAX_COUNT);
    const unit = this.isUnitSet(set);
    let follow = -1;
    if (next !== undefined && isSingleChar(next)) {
      const nextSet = nodeCharSet(next, this.ctx);
      if (q.greedy && nextSet.intersect(set).isEmpty) follow = -2;
      else if (next.type === "Char" && this.isLiteralUnit(next.value)) follow = next.value;
    } else if (next?.type === "Quantifier" && next.min > 0 && isSingleChar(next.body)) {
      if (q.greedy && nodeCharSet(next.body, this.ctx).intersect(set).isEmpty) follow = -2;
    }
    const opcode = q.greedy ? (unit ? op.STAR : op.STAR_U) : unit ? op.LAZY_STAR : op.LAZY_STAR_U;
    this.emit(opcode, this.set(set), min, max, follow);
  }
}

const SURROGATES = CharSet.range(0xd800, 0xdfff);
