/**
 * The compiled form of a pattern: a flat Int32Array of instructions for the backtracking VM in
 * matcher.ts, the character sets they test, and the register layout. compiler.ts writes it;
 * nothing here depends on the input. Each instruction is an opcode followed by a fixed number
 * of operands (OPERANDS below); "_B" variants read backwards (inside lookbehind), "_U" variants
 * read code points (surrogate pairs) instead of code units.
 */
import type { CharSet } from "./unicode/charset.js";

// Characters. A set operand is an index into Program.sets.
/** c: the code unit `c`. */
export const CHAR = 0;
export const CHAR_B = 1;
/** cp: the code point `cp` (u/v mode, astral or surrogate). */
export const CHAR_U = 2;
export const CHAR_U_B = 3;
/** a b: code unit `a` or `b` (a case pair). */
export const CHAR2 = 4;
export const CHAR2_B = 5;
/** s: a code unit in set `s`. */
export const SET = 6;
export const SET_B = 7;
/** s: a code point in set `s`. */
export const SET_U = 8;
export const SET_U_B = 9;
/** n c1 … cn: the code units c1 … cn in order (forward only). */
export const STRING = 10;

// Assertions.
export const START = 11;
export const START_M = 12;
export const END = 13;
export const END_M = 14;
/** s: a word boundary, word characters being set `s`. */
export const WORD_BOUNDARY = 15;
export const NOT_WORD_BOUNDARY = 16;

// Control.
/** t: jump to t. */
export const JMP = 17;
/** t: try the next instruction; on failure resume at t. */
export const FORK = 18;
/** t: try t; on failure resume at the next instruction. */
export const FORK_JUMP = 19;
export const MATCH = 20;
export const FAIL = 21;

// Captures.
/** g: remember the current position as where group g starts (ends, backwards). */
export const OPEN = 22;
/** g: group g spans from its OPEN position to here. */
export const CLOSE = 23;
export const CLOSE_B = 24;
/** a b: groups a..b become undefined (a quantifier iteration starts). */
export const RESET = 25;
/** g: the text of group g again (case-sensitively / case-insensitively). */
export const BACKREF = 26;
export const BACKREF_B = 27;
export const BACKREF_I = 28;
export const BACKREF_I_B = 29;

// Counted loops: k is the loop's number (counter at loopBase + 2k, start position after it).
/** k: counter k = 0. */
export const LOOP_INIT = 30;
/** k min max exit: greedy: below min iterate; at max leave; else iterate, leaving on failure. */
export const LOOP_GREEDY = 31;
/** k min max exit: lazy: below min iterate; at max leave; else leave, iterating on failure. */
export const LOOP_LAZY = 32;
/** k: record the position where this iteration of loop k starts (for the empty check). */
export const LOOP_MARK = 33;
/**
 * k min flags top: an iteration ended. With flag LOOP_CHECK_EMPTY, an optional iteration (the
 * counter at min or more) that matched the empty string fails (RepeatMatcher's empty check).
 * Then the counter counts it, unless flag LOOP_SATURATE (no maximum) and it is already at min,
 * and the loop goes back to `top`.
 */
export const LOOP_END = 34;

export const LOOP_CHECK_EMPTY = 1;
export const LOOP_SATURATE = 2;

// Single-character loops, without a backtrack entry per iteration.
/** s min max next: greedy repeat of set s; `next` is the code unit that must follow, or -1
 * when unknown, or -2 when nothing after it can match where the set matched (no backtracking). */
export const STAR = 35;
export const STAR_U = 36;
/** s min max next: lazy repeat of set s; `next` as for STAR (-1 unknown). */
export const LAZY_STAR = 37;
export const LAZY_STAR_U = 38;

// Lookaround: r is the lookaround's number (its register holds the stack index of its marker).
/** r t: enter a positive lookaround whose continuation is t. */
export const LOOK = 39;
/** r t: enter a negative lookaround whose continuation is t. */
export const LOOK_NOT = 40;
/** r: the positive lookaround's body matched: keep its captures, drop its choice points. */
export const LOOK_END = 41;
/** r: the negative lookaround's body matched: the assertion fails. */
export const LOOK_NOT_END = 42;

/** Number of operands of each opcode (STRING's are 1 + its length). */
export const OPERANDS: readonly number[] = [
  1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 2, 1, 1, 1, 1, 1, 4, 4,
  1, 4, 4, 4, 4, 4, 2, 2, 1, 1,
];

/** A compiled pattern. */
export interface Program {
  readonly code: Int32Array;
  /** The sets SET/STAR instructions refer to. */
  readonly sets: readonly CharSet[];
  readonly groupCount: number;
  /** Registers: 2 per capture (group 0 = the match), then OPEN positions, loops, lookarounds. */
  readonly registerCount: number;
  /** First register of the OPEN positions (one per group, group 0 unused). */
  readonly openBase: number;
  /** First counter register; loop k has its counter at loopBase + 2k and its start after it. */
  readonly loopBase: number;
  /** First lookaround register: lookaround r keeps its marker's stack index at lookBase + r. */
  readonly lookBase: number;
  /** Whether matching reads code points (u/v). */
  readonly unicode: boolean;
  /** `^` without `m` at the start of every alternative: a match can only start at 0. */
  readonly anchored: boolean;
  /** The set of the code units that can start a match, or -1 when any position may match. */
  readonly firstSet: number;
  /** A literal (case-sensitive) string every match starts with, or "". */
  readonly prefix: string;
  /** The fewest code units a match can span. */
  readonly minLength: number;
  /** Size of the compiled form (instructions and set ranges), what compiling it cost. */
  readonly size: number;
}
