/**
 * The abstract syntax of a parsed pattern (https://tc39.es/ecma262/#sec-patterns), as the parser
 * produces it and the compiler consumes it. It keeps only what matching needs: escapes are
 * resolved to characters and sets, non-capturing groups disappear into their contents, and named
 * backreferences are resolved to group numbers. Case-insensitivity is not applied here; the
 * compiler folds characters and sets when the `i` flag is on.
 */
import type { CharSet } from "./unicode/charset.js";

/** A node of the pattern tree. */
export type Node =
  | Empty
  | Char
  | ClassNode
  | Dot
  | Assertion
  | Group
  | Lookaround
  | Backref
  | Quantifier
  | Alternation
  | Sequence;

/** Matches the empty string (an empty alternative, `(?:)`). */
export interface Empty {
  readonly type: "Empty";
}

/** One literal character: a code point in `u`/`v` mode, a code unit otherwise. */
export interface Char {
  readonly type: "Char";
  readonly value: number;
}

/**
 * A character class, or a class escape such as `\d` or `\p{L}` (as a class of one item).
 * `strings` are the multi-character (or empty) strings a `v`-mode class can contain
 * (`\q{abc}`), as lists of code points; they are never present when `negated`.
 */
export interface ClassNode {
  readonly type: "Class";
  readonly set: CharSet;
  readonly negated: boolean;
  readonly strings: readonly (readonly number[])[];
}

/** `.`: any character but a line terminator, or any character at all with the `s` flag. */
export interface Dot {
  readonly type: "Dot";
}

/** `^`, `$`, `\b`, `\B`. */
export interface Assertion {
  readonly type: "Assertion";
  readonly kind: "start" | "end" | "word" | "notWord";
}

/** A capturing group `( … )` or `(?<name> … )`; `index` counts from 1. */
export interface Group {
  readonly type: "Group";
  readonly index: number;
  readonly name: string | undefined;
  readonly body: Node;
}

/** `(?= … )`, `(?! … )`, `(?<= … )`, `(?<! … )`. */
export interface Lookaround {
  readonly type: "Lookaround";
  readonly behind: boolean;
  readonly negated: boolean;
  readonly body: Node;
}

/**
 * `\1` or `\k<name>`: the groups it refers to (one group in ES2023, where a name is unique).
 */
export interface Backref {
  readonly type: "Backref";
  readonly groups: readonly number[];
}

/**
 * `body{min,max}` (`*`, `+`, `?` included), greedy or lazy. `max` is Infinity when unbounded.
 * The groups `firstGroup .. firstGroup + groupCount - 1` lie inside the body; they are reset at
 * each iteration (https://tc39.es/ecma262/#sec-runtime-semantics-repeatmatcher-abstract-operation
 * step 4).
 */
export interface Quantifier {
  readonly type: "Quantifier";
  readonly min: number;
  readonly max: number;
  readonly greedy: boolean;
  readonly body: Node;
  readonly firstGroup: number;
  readonly groupCount: number;
}

/** `a|b|c`, tried in order. */
export interface Alternation {
  readonly type: "Alternation";
  readonly alternatives: readonly Node[];
}

/** Terms matched one after the other. */
export interface Sequence {
  readonly type: "Sequence";
  readonly terms: readonly Node[];
}

/** The result of parsing a pattern. */
export interface ParsedPattern {
  readonly root: Node;
  /** Number of capturing groups. */
  readonly groupCount: number;
  /** For each capturing group 1..n (index 0 is group 1): its name or undefined. */
  readonly groupNames: readonly (string | undefined)[];
}

export const EMPTY: Empty = { type: "Empty" };
