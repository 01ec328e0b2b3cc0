/**
 * The backtracking VM that runs a compiled pattern (program.ts) over an input string, metered.
 *
 * Design (issue 7): a flat Int32Array program run by one loop with an explicit backtrack stack,
 * never host recursion, so no pattern or input can overflow the host stack. The stack holds
 * fixed-size entries of four integers `[a, b, c, tag]`:
 * - CHOICE `[pc, pos]`: an alternative to resume on failure;
 * - RESTORE `[register, old value]`: the undo log of register writes (captures, loop counters),
 *   so backtracking restores exactly the state of the choice point it returns to;
 * - STAR / LAZY: one entry for a whole single-character loop, which backtracks by moving its
 *   position instead of keeping an entry per iteration;
 * - LOOK / LOOK_NOT: the marker a lookaround's body runs above. A positive lookaround that
 *   matched drops the choice points above its marker but keeps their undo entries (lookarounds
 *   are atomic, their captures stay); a negative one that matched unwinds to its marker and
 *   fails.
 * Register writes are logged only when the stack is not empty: with no choice point left, a
 * failure ends the attempt and the registers are reset anyway.
 *
 * Metering: every instruction, every character a loop or scan touches and every entry popped is
 * a step. Steps are counted down in a local and charged to the run as fuel every STEP_BATCH
 * steps (REGEX_STEPS_PER_FUEL steps per unit of fuel, see runtime/costs.ts), so the run's checkpoint
 * (deadline, abort signal, fuel budget) is reached within a few microseconds of matching work.
 * Growing the backtrack stack beyond a small free allowance is charged as memory, so a match's
 * backtracking state is bounded by the run's memory budget.
 *
 * Why backtracking and not an automaton: ECMAScript's semantics are defined by backtracking
 * (alternatives by priority, captures of the last iteration, backreferences, atomic lookaround),
 * which an NFA simulation or DFA can give only for a subset of patterns; with metering, the
 * exponential cases a backtracker has are bounded by the run's budget instead of hanging the host
 * (a /(a+)+$/ on 40 characters stops at a 50 ms deadline within 55–80 ms,
 * test/regexp/metering.test.ts). Measured on Node 20
 * (2 shared cores): about 90 M steps per second on catastrophic patterns (11 ns a step); per exec
 * on short inputs, 73 ns against V8's 24 ns for an email-like pattern, 118 against 33 ns for an
 * ISO date with alternations, 160 against 40 ns for a semantic-version pattern. Numeric case
 * labels (a jump table) instead of imported constants took 3.2 M steps from 65 to 60 ms and from
 * 67 to 48 ms on two catastrophic patterns.
 *
 * The file is over 600 lines because execProgram is one function by design: the VM keeps pc,
 * pos, the stack, its top and the step count in locals, which a function per instruction would
 * have to pass around or keep in an object on every step.
 */
import { REGEX_STEPS_PER_FUEL } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import {
  codePointAt,
  codePointBefore,
  isIn,
  isLineTerminator,
  sameText,
  sameTextIgnoringCase,
  widthAt,
  widthBefore,
} from "./input.js";
import type { Program } from "./program.js";
import * as op from "./program.js";
import type { CharSet } from "./unicode/charset.js";

/**
 * The opcodes this file compares against, as module constants; the dispatch switch uses the
 * numbers themselves (commented) so the engine can compile it to a jump table.
 */
const {
  BACKREF,
  BACKREF_B,
  BACKREF_I_B,
  CHAR_U_B,
  CLOSE,
  CLOSE_B,
  FORK_JUMP,
  LAZY_STAR_U,
  LOOK,
  LOOP_CHECK_EMPTY,
  LOOP_GREEDY,
  LOOP_MARK,
  LOOP_SATURATE,
  OPEN,
  RESET,
  SET_U_B,
  STAR_U,
  WORD_BOUNDARY,
} = op;

/** Steps between two fuel charges. */
const STEP_BATCH = 1024;
/** Units of fuel a batch of steps costs. */
const BATCH_FUEL = STEP_BATCH / REGEX_STEPS_PER_FUEL;
/** log2(REGEX_STEPS_PER_FUEL), to turn a step count into fuel with a shift. */
const STEP_SHIFT = Math.log2(REGEX_STEPS_PER_FUEL);
/** Stack integers a match may use before it is charged memory for more. */
const FREE_STACK = 1024;
/** A stack buffer larger than this is dropped after the match rather than kept for the next. */
const KEEP_STACK = 1 << 16;

const T_CHOICE = 0;
const T_RESTORE = 1;
const T_STAR = 2;
const T_LAZY = 3;
const T_LOOK = 4;
const T_LOOK_NOT = 5;

/**
 * Per-matcher buffers and tables, made at the first exec (a pattern that is never run costs
 * none of it) and reused by every later one (matching never re-enters itself).
 */
export interface VMState {
  stack: Int32Array;
  readonly regs: Int32Array;
  /** For each set s of the program, `latin[s * 256 + c]` is 1 when code unit c < 256 is in it. */
  readonly latin: Uint8Array;
}

export function createState(program: Program): VMState {
  const latin = new Uint8Array(program.sets.length * 256);
  program.sets.forEach((set, s) => {
    const r = set.ranges;
    for (let i = 0; i < r.length && (r[i] as number) < 256; i += 2) {
      latin.fill(1, s * 256 + (r[i] as number), s * 256 + Math.min(r[i + 1] as number, 255) + 1);
    }
  });
  return { stack: new Int32Array(256), regs: new Int32Array(program.registerCount), latin };
}

/** Grows the stack to hold `need` integers, charging the run for capacity past FREE_STACK. */
function grow(state: VMState, cap: number, need: number, run: Run): number {
  let next = cap * 2;
  while (next < need) next *= 2;
  run.alloc((next - cap) * 4);
  if (state.stack.length < next) {
    const bigger = new Int32Array(next);
    bigger.set(state.stack);
    state.stack = bigger;
  }
  return next;
}

/**
 * Runs the program from `lastIndex` (or exactly there when `sticky`): the registers of the
 * first match, which begin with the captures `[start0, end0, start1, end1, …]` (-1 for an
 * unmatched group), or null. The registers are the state's own buffer: valid until the next
 * exec with this state.
 */
export function execProgram(
  prog: Program,
  state: VMState,
  input: string,
  lastIndex: number,
  sticky: boolean,
  run: Run,
): Int32Array | null {
  const code = prog.code;
  const latin = state.latin;
  const sets: readonly CharSet[] = prog.sets;
  const regs = state.regs;
  const end = input.length;
  const unicode = prog.unicode;
  const nCap = 2 * (prog.groupCount + 1);
  const openBase = prog.openBase;
  const loopBase = prog.loopBase;
  const lookBase = prog.lookBase;
  const minLength = prog.minLength;
  const prefix = sticky ? "" : prog.prefix;
  const first = sticky || prefix !== "" ? -1 : prog.firstSet;
  let stack = state.stack;
  let cap = Math.min(stack.length, FREE_STACK);
  let left = STEP_BATCH;
  let result: Int32Array | null = null;

  let start = lastIndex;
  // A u/v match never starts inside a surrogate pair (as V8 does: back to the pair's start).
  if (unicode && start > 0 && start < end) {
    const c = input.charCodeAt(start);
    if ((c & 0xfc00) === 0xdc00 && (input.charCodeAt(start - 1) & 0xfc00) === 0xd800) start--;
  }

  search: for (;;) {
    if (!sticky) {
      if (prog.anchored && start > 0) break;
      if (prefix !== "") {
        const i = input.indexOf(prefix, start);
        const skipped = (i < 0 ? end : i) - start;
        if ((left -= skipped) <= 0) {
          run.charge(BATCH_FUEL - (left >> STEP_SHIFT));
          left = STEP_BATCH;
        }
        if (i < 0) break;
        start = i;
      } else if (first >= 0) {
        while (start < end) {
          const c = input.charCodeAt(start);
          if (c < 256 ? latin[(first << 8) | c] === 1 : (sets[first] as CharSet).has(c)) {
            // In u/v mode a match starts at a code point: not on the trail of a pair.
            if (!unicode || (c & 0xfc00) !== 0xdc00 || start === 0) break;
            if ((input.charCodeAt(start - 1) & 0xfc00) !== 0xd800) break;
          }
          start++;
          if (--left <= 0) {
            run.charge(BATCH_FUEL - (left >> STEP_SHIFT));
            left = STEP_BATCH;
          }
        }
      }
    }
    if (end - start < minLength) break;
    for (let i = 0; i < nCap; i++) regs[i] = -1;
    let sp = 0;
    let pos = start;
    let pc = 0;

    vm: for (;;) {
      forward: for (;;) {
        if (--left <= 0) {
          run.charge(BATCH_FUEL - (left >> STEP_SHIFT));
          left = STEP_BATCH;
        }
        switch (code[pc]) {
          case 0 /* CHAR */:
            if (pos < end && input.charCodeAt(pos) === code[pc + 1]) {
              pos++;
              pc += 2;
              continue;
            }
            break forward;
          case 1 /* CHAR_B */:
            if (pos > 0 && input.charCodeAt(pos - 1) === code[pc + 1]) {
              pos--;
              pc += 2;
              continue;
            }
            break forward;
          case 2 /* CHAR_U */:
          case 3 /* CHAR_U_B */:
            {
              const back = code[pc] === CHAR_U_B;
              const w = back ? widthBefore(input, pos) : widthAt(input, pos, end);
              if (w === 0) break forward;
              const c = back ? codePointBefore(input, pos, w) : codePointAt(input, pos, w);
              if (c !== code[pc + 1]) break forward;
              pos += back ? -w : w;
              pc += 2;
              continue;
            }
          case 4 /* CHAR2 */:
            if (pos < end) {
              const c = input.charCodeAt(pos);
              if (c === code[pc + 1] || c === code[pc + 2]) {
                pos++;
                pc += 3;
                continue;
              }
            }
            break forward;
          case 5 /* CHAR2_B */:
            if (pos > 0) {
              const c = input.charCodeAt(pos - 1);
              if (c === code[pc + 1] || c === code[pc + 2]) {
                pos--;
                pc += 3;
                continue;
              }
            }
            break forward;
          case 6 /* SET */:
            if (pos < end) {
              const c = input.charCodeAt(pos);
              const s = code[pc + 1] as number;
              if (c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c)) {
                pos++;
                pc += 2;
                continue;
              }
            }
            break forward;
          case 7 /* SET_B */:
            if (pos > 0) {
              const c = input.charCodeAt(pos - 1);
              const s = code[pc + 1] as number;
              if (c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c)) {
                pos--;
                pc += 2;
                continue;
              }
            }
            break forward;
          case 8 /* SET_U */:
          case 9 /* SET_U_B */:
            {
              const back = code[pc] === SET_U_B;
              const w = back ? widthBefore(input, pos) : widthAt(input, pos, end);
              if (w === 0) break forward;
              const c = back ? codePointBefore(input, pos, w) : codePointAt(input, pos, w);
              const s = code[pc + 1] as number;
              if (!(c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c))) {
                break forward;
              }
              pos += back ? -w : w;
              pc += 2;
              continue;
            }
          case 10 /* STRING */:
            {
              const n = code[pc + 1] as number;
              if (pos + n > end) break forward;
              let i = 0;
              while (i < n && input.charCodeAt(pos + i) === code[pc + 2 + i]) i++;
              if (i < n) break forward;
              pos += n;
              pc += 2 + n;
              continue;
            }
          case 11 /* START */:
            if (pos !== 0) break forward;
            pc++;
            continue;
          case 12 /* START_M */:
            if (pos !== 0 && !isLineTerminator(input.charCodeAt(pos - 1))) break forward;
            pc++;
            continue;
          case 13 /* END */:
            if (pos !== end) break forward;
            pc++;
            continue;
          case 14 /* END_M */:
            if (pos !== end && !isLineTerminator(input.charCodeAt(pos))) break forward;
            pc++;
            continue;
          case 15 /* WORD_BOUNDARY */:
          case 16 /* NOT_WORD_BOUNDARY */:
            {
              const s = code[pc + 1] as number;
              const a = pos > 0 && isIn(input.charCodeAt(pos - 1), s, latin, sets);
              const b = pos < end && isIn(input.charCodeAt(pos), s, latin, sets);
              if ((a !== b) !== (code[pc] === WORD_BOUNDARY)) break forward;
              pc += 2;
              continue;
            }
          case 17 /* JMP */:
            pc = code[pc + 1] as number;
            continue;
          case 18 /* FORK */:
          case 19 /* FORK_JUMP */:
            {
              if (sp + 4 > cap) {
                cap = grow(state, cap, sp + 4, run);
                stack = state.stack;
              }
              const jump = code[pc] === FORK_JUMP;
              stack[sp] = jump ? pc + 2 : (code[pc + 1] as number);
              stack[sp + 1] = pos;
              stack[sp + 3] = T_CHOICE;
              sp += 4;
              pc = jump ? (code[pc + 1] as number) : pc + 2;
              continue;
            }
          case 20 /* MATCH */:
            regs[0] = start;
            regs[1] = pos;
            result = regs;
            break search;
          case 21 /* FAIL */:
            break forward;
          case 22 /* OPEN */:
          case 23 /* CLOSE */:
          case 24 /* CLOSE_B */:
          case 25 /* RESET */:
          case 30 /* LOOP_INIT */:
          case 33 /* LOOP_MARK */:
            {
              // Register writes, each logged for backtracking.
              const o = code[pc] as number;
              let r0: number;
              let v0: number;
              let r1 = -1;
              let v1 = 0;
              if (o === OPEN) {
                r0 = openBase + (code[pc + 1] as number);
                v0 = pos;
                pc += 2;
              } else if (o === CLOSE || o === CLOSE_B) {
                const g = code[pc + 1] as number;
                const opened = regs[openBase + g] as number;
                r0 = 2 * g;
                r1 = r0 + 1;
                v0 = o === CLOSE ? opened : pos;
                v1 = o === CLOSE ? pos : opened;
                pc += 2;
              } else if (o === RESET) {
                const from = 2 * (code[pc + 1] as number);
                const to = 2 * (code[pc + 2] as number) + 1;
                pc += 3;
                for (let r = from; r <= to; r++) {
                  if (regs[r] === -1) continue;
                  if (sp !== 0) {
                    if (sp + 4 > cap) {
                      cap = grow(state, cap, sp + 4, run);
                      stack = state.stack;
                    }
                    stack[sp] = r;
                    stack[sp + 1] = regs[r] as number;
                    stack[sp + 3] = T_RESTORE;
                    sp += 4;
                  }
                  regs[r] = -1;
                }
                continue;
              } else {
                r0 = loopBase + 2 * (code[pc + 1] as number) + (o === LOOP_MARK ? 1 : 0);
                v0 = o === LOOP_MARK ? pos : 0;
                pc += 2;
              }
              if (sp !== 0) {
                if (sp + 8 > cap) {
                  cap = grow(state, cap, sp + 8, run);
                  stack = state.stack;
                }
                stack[sp] = r0;
                stack[sp + 1] = regs[r0] as number;
                stack[sp + 3] = T_RESTORE;
                sp += 4;
                if (r1 >= 0) {
                  stack[sp] = r1;
                  stack[sp + 1] = regs[r1] as number;
                  stack[sp + 3] = T_RESTORE;
                  sp += 4;
                }
              }
              regs[r0] = v0;
              if (r1 >= 0) regs[r1] = v1;
              continue;
            }
          case 26 /* BACKREF */:
          case 27 /* BACKREF_B */:
          case 28 /* BACKREF_I */:
          case 29 /* BACKREF_I_B */:
            {
              const o = code[pc] as number;
              const g = code[pc + 1] as number;
              const s = regs[2 * g] as number;
              const e = regs[2 * g + 1] as number;
              pc += 2;
              if (s < 0 || e < 0) continue;
              const len = e - s;
              const back = o === BACKREF_B || o === BACKREF_I_B;
              const at = back ? pos - len : pos;
              if (at < 0 || at + len > end) break forward;
              left -= len >> 2;
              const same =
                o === BACKREF || o === BACKREF_B
                  ? sameText(input, s, at, len)
                  : sameTextIgnoringCase(input, s, at, len, unicode);
              if (!same) break forward;
              pos = back ? at : at + len;
              continue;
            }
          case 31 /* LOOP_GREEDY */:
          case 32 /* LOOP_LAZY */:
            {
              const count = regs[loopBase + 2 * (code[pc + 1] as number)] as number;
              if (count < (code[pc + 2] as number)) {
                pc += 5;
                continue;
              }
              const exit = code[pc + 4] as number;
              if (count >= (code[pc + 3] as number)) {
                pc = exit;
                continue;
              }
              if (sp + 4 > cap) {
                cap = grow(state, cap, sp + 4, run);
                stack = state.stack;
              }
              const greedy = code[pc] === LOOP_GREEDY;
              stack[sp] = greedy ? exit : pc + 5;
              stack[sp + 1] = pos;
              stack[sp + 3] = T_CHOICE;
              sp += 4;
              pc = greedy ? pc + 5 : exit;
              continue;
            }
          case 34 /* LOOP_END */:
            {
              const r = loopBase + 2 * (code[pc + 1] as number);
              const count = regs[r] as number;
              const min = code[pc + 2] as number;
              const flags = code[pc + 3] as number;
              if ((flags & LOOP_CHECK_EMPTY) !== 0 && count >= min && pos === regs[r + 1]) {
                break forward;
              }
              if ((flags & LOOP_SATURATE) === 0 || count < min) {
                if (sp !== 0) {
                  if (sp + 4 > cap) {
                    cap = grow(state, cap, sp + 4, run);
                    stack = state.stack;
                  }
                  stack[sp] = r;
                  stack[sp + 1] = count;
                  stack[sp + 3] = T_RESTORE;
                  sp += 4;
                }
                regs[r] = count + 1;
              }
              pc = code[pc + 4] as number;
              continue;
            }
          case 35 /* STAR */:
          case 36 /* STAR_U */:
            {
              const s = code[pc + 1] as number;
              const min = code[pc + 2] as number;
              const max = code[pc + 3] as number;
              const follow = code[pc + 4] as number;
              const u = code[pc] === STAR_U;
              let p = pos;
              let n = 0;
              let low = min === 0 ? p : -1;
              while (n < max && p < end) {
                const w = u ? widthAt(input, p, end) : 1;
                const c = u ? codePointAt(input, p, w) : input.charCodeAt(p);
                if (!(c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c))) break;
                p += w;
                if (++n === min) low = p;
                if (--left <= 0) {
                  run.charge(BATCH_FUEL - (left >> STEP_SHIFT));
                  left = STEP_BATCH;
                }
              }
              if (n < min) break forward;
              if (n > min && follow !== -2) {
                if (follow >= 0) {
                  while (p > low && (p >= end || input.charCodeAt(p) !== follow)) {
                    p = u ? p - widthBefore(input, p) : p - 1;
                    left--;
                  }
                  if (p >= end || input.charCodeAt(p) !== follow) break forward;
                }
                if (p > low) {
                  if (sp + 4 > cap) {
                    cap = grow(state, cap, sp + 4, run);
                    stack = state.stack;
                  }
                  stack[sp] = pc;
                  stack[sp + 1] = low;
                  stack[sp + 2] = p;
                  stack[sp + 3] = T_STAR;
                  sp += 4;
                }
              }
              pos = p;
              pc += 5;
              continue;
            }
          case 37 /* LAZY_STAR */:
          case 38 /* LAZY_STAR_U */:
            {
              const s = code[pc + 1] as number;
              const min = code[pc + 2] as number;
              let p = pos;
              let n = 0;
              const u = code[pc] === LAZY_STAR_U;
              while (n < min) {
                const w = p < end ? (u ? widthAt(input, p, end) : 1) : 0;
                if (w === 0) break;
                const c = u ? codePointAt(input, p, w) : input.charCodeAt(p);
                if (!(c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c))) break;
                p += w;
                n++;
                if (--left <= 0) {
                  run.charge(BATCH_FUEL - (left >> STEP_SHIFT));
                  left = STEP_BATCH;
                }
              }
              if (n < min) break forward;
              const next = lazyNext(code, pc, input, p, n, end, latin, sets);
              if (next === -1) break forward;
              if (next >= 0) {
                p = next;
                n += lazySkipped;
                left -= lazySkipped;
              }
              if (n < (code[pc + 3] as number) && p < end) {
                if (sp + 4 > cap) {
                  cap = grow(state, cap, sp + 4, run);
                  stack = state.stack;
                }
                stack[sp] = pc;
                stack[sp + 1] = n;
                stack[sp + 2] = p;
                stack[sp + 3] = T_LAZY;
                sp += 4;
              }
              pos = p;
              pc += 5;
              continue;
            }
          case 39 /* LOOK */:
          case 40 /* LOOK_NOT */:
            if (sp + 4 > cap) {
              cap = grow(state, cap, sp + 4, run);
              stack = state.stack;
            }
            regs[lookBase + (code[pc + 1] as number)] = sp;
            stack[sp] = code[pc + 2] as number;
            stack[sp + 1] = pos;
            stack[sp + 3] = code[pc] === LOOK ? T_LOOK : T_LOOK_NOT;
            sp += 4;
            pc += 3;
            continue;
          case 41 /* LOOK_END */:
            {
              // Keep the body's undo entries, drop its choice points and the marker.
              const m = regs[lookBase + (code[pc + 1] as number)] as number;
              pc = stack[m] as number;
              pos = stack[m + 1] as number;
              let w = m;
              for (let i = m + 4; i < sp; i += 4) {
                if (stack[i + 3] === T_RESTORE) {
                  stack[w] = stack[i] as number;
                  stack[w + 1] = stack[i + 1] as number;
                  stack[w + 3] = T_RESTORE;
                  w += 4;
                }
              }
              left -= (sp - m) >> 2;
              sp = w;
              continue;
            }
          case 42 /* LOOK_NOT_END */:
            {
              // The body matched, so the negative lookaround fails: undo the body, then fail.
              const m = regs[lookBase + (code[pc + 1] as number)] as number;
              for (let i = sp - 4; i > m; i -= 4) {
                if (stack[i + 3] === T_RESTORE) regs[stack[i] as number] = stack[i + 1] as number;
              }
              left -= (sp - m) >> 2;
              sp = m;
              break forward;
            }
          default:
            throw new Error(`regexp: bad opcode ${code[pc]} at ${pc}`);
        }
      }
      // Backtrack: pop entries until one resumes matching.
      for (;;) {
        if (sp === 0) break vm;
        if (--left <= 0) {
          run.charge(BATCH_FUEL - (left >> STEP_SHIFT));
          left = STEP_BATCH;
        }
        const top = sp - 4;
        switch (stack[top + 3]) {
          case T_RESTORE:
            regs[stack[top] as number] = stack[top + 1] as number;
            sp = top;
            continue;
          case T_CHOICE:
          case T_LOOK_NOT:
            pc = stack[top] as number;
            pos = stack[top + 1] as number;
            sp = top;
            continue vm;
          case T_LOOK:
            sp = top;
            continue;
          case T_STAR: {
            const opPc = stack[top] as number;
            const low = stack[top + 1] as number;
            const u = code[opPc] === STAR_U;
            const follow = code[opPc + 4] as number;
            let p = stack[top + 2] as number;
            p = u ? p - widthBefore(input, p) : p - 1;
            if (follow >= 0) {
              while (p > low && input.charCodeAt(p) !== follow) {
                p = u ? p - widthBefore(input, p) : p - 1;
                left--;
              }
              if (input.charCodeAt(p) !== follow) {
                sp = top;
                continue;
              }
            }
            if (p <= low) sp = top;
            else stack[top + 2] = p;
            pos = p;
            pc = opPc + 5;
            continue vm;
          }
          case T_LAZY: {
            const opPc = stack[top] as number;
            const s = code[opPc + 1] as number;
            const u = code[opPc] === LAZY_STAR_U;
            let p = stack[top + 2] as number;
            let n = stack[top + 1] as number;
            const w = u ? widthAt(input, p, end) : 1;
            const c = u ? codePointAt(input, p, w) : input.charCodeAt(p);
            if (!(c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c))) {
              sp = top;
              continue;
            }
            p += w;
            n++;
            const next = lazyNext(code, opPc, input, p, n, end, latin, sets);
            if (next === -1) {
              sp = top;
              continue;
            }
            if (next >= 0) {
              p = next;
              n += lazySkipped;
              left -= lazySkipped;
            }
            if (n < (code[opPc + 3] as number) && p < end) {
              stack[top + 1] = n;
              stack[top + 2] = p;
            } else sp = top;
            pos = p;
            pc = opPc + 5;
            continue vm;
          }
        }
      }
    }
    if (sticky || start >= end) break;
    start += unicode ? widthAt(input, start, end) : 1;
  }
  run.charge(1 + ((STEP_BATCH - left) >> STEP_SHIFT));
  if (stack.length > KEEP_STACK) state.stack = new Int32Array(256);
  return result;
}

/** Characters a lazyNext call consumed (a module-level out-parameter, to avoid allocating). */
let lazySkipped = 0;

/**
 * For a lazy single-character loop about to try its continuation at `p` after `n` iterations:
 * when the loop knows the literal that must follow, the position where it next occurs within
 * the loop's reach (-2 when `p` already is one, -1 when there is none; the characters skipped
 * are left in `lazySkipped`).
 */
function lazyNext(
  code: Int32Array,
  opPc: number,
  input: string,
  p: number,
  n: number,
  end: number,
  latin: Uint8Array,
  sets: readonly CharSet[],
): number {
  const follow = code[opPc + 4] as number;
  if (follow < 0 || (p < end && input.charCodeAt(p) === follow)) return -2;
  const s = code[opPc + 1] as number;
  const max = code[opPc + 3] as number;
  const u = code[opPc] === LAZY_STAR_U;
  let skipped = 0;
  while (n < max && p < end) {
    const w = u ? widthAt(input, p, end) : 1;
    const c = u ? codePointAt(input, p, w) : input.charCodeAt(p);
    if (!(c < 256 ? latin[(s << 8) | c] === 1 : (sets[s] as CharSet).has(c))) return -1;
    p += w;
    n++;
    skipped++;
    if (p < end && input.charCodeAt(p) === follow) {
      lazySkipped = skipped;
      return p;
    }
  }
  return -1;
}
