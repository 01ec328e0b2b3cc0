/**
 * Generator objects (https://tc39.es/ecma262/#sec-generator-objects). A generator's body is
 * compiled to resumable closures — host generator functions, used only for the nodes that contain
 * a suspension point — and driven from here. Guest `throw()` is delivered as a ThrowSignal thrown
 * into the suspended body, guest `return()` as a GeneratorReturn that unwinds it through the
 * guest's `finally` blocks without being catchable by guest `catch`.
 */
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import type { Frame } from "./frame.js";
import { createIterResult } from "./iteration.js";
import type { Run } from "./run.js";
import { asGuestThrow, makeError, ThrowSignal, throwTypeError } from "./throw.js";

/** What resumable code yields to its driver. */
export class Suspend {
  constructor(
    /** 0: a guest `yield` of `value`; 1: `yield*` passing an inner result object through; 2: `await`. */
    readonly kind: 0 | 1 | 2,
    readonly value: Value,
  ) {}
}

export const YIELD = 0;
export const YIELD_RAW = 1;
export const AWAIT = 2;

/** Injected into a suspended body to perform `return(value)`. */
export class GeneratorReturn {
  constructor(readonly value: Value) {}
}

export type Body = Generator<Suspend, Value, Value>;

const START = 0;
const SUSPENDED = 1;
const EXECUTING = 2;
const DONE = 3;

export type ResumeMode = "next" | "throw" | "return";

/** Pushes `frame` as the running execution context of `run` (for resumptions). */
export function pushFrame(run: Run, frame: Frame): void {
  if (++run.depth > run.limits.callDepth) {
    run.depth--;
    throw new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
  }
  frame.run = run;
  frame.caller = run.frame;
  run.frame = frame;
}

export function popFrame(run: Run, frame: Frame): void {
  run.frame = frame.caller;
  run.depth--;
}

export class GeneratorObject extends JSObject {
  state = START;
  body: Body | undefined;
  frame: Frame | undefined;

  override get kind(): string {
    return "Generator";
  }

  /** GeneratorResume / GeneratorResumeAbrupt. */
  resume(run: Run, mode: ResumeMode, v: Value): Value {
    run.charge(1);
    const state = this.state;
    if (state === EXECUTING) return throwTypeError(run, "Generator is already running");
    if (state === START && mode !== "next") this.state = DONE;
    if (this.state === DONE) {
      if (mode === "throw") throw new ThrowSignal(v);
      return createIterResult(run, mode === "return" ? v : undefined, true);
    }
    const body = this.body as Body;
    const frame = this.frame as Frame;
    this.state = EXECUTING;
    pushFrame(run, frame);
    let r: IteratorResult<Suspend, Value>;
    try {
      r =
        mode === "next"
          ? body.next(v)
          : mode === "throw"
            ? body.throw(new ThrowSignal(v))
            : body.throw(new GeneratorReturn(v));
    } catch (e) {
      this.state = DONE;
      if (e instanceof GeneratorReturn) return createIterResult(run, e.value, true);
      throw asGuestThrow(run, e) ?? e;
    } finally {
      popFrame(run, frame);
    }
    if (r.done) {
      this.state = DONE;
      this.body = undefined;
      return createIterResult(run, r.value, true);
    }
    this.state = SUSPENDED;
    const s = r.value;
    return s.kind === YIELD_RAW ? s.value : createIterResult(run, s.value, false);
  }
}

/** Checks that `this` of a generator method is a generator. */
export function thisGenerator(run: Run, v: Value, method: string): GeneratorObject {
  if (!(v instanceof GeneratorObject)) {
    return throwTypeError(run, `Generator.prototype.${method} called on an incompatible receiver`);
  }
  return v;
}
