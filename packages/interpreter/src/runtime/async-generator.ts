/**
 * Async generator objects (https://tc39.es/ecma262/#sec-asyncgenerator-objects): a queue of
 * next/throw/return requests, each answered by a promise, served one at a time by the resumable
 * body. `await` inside the body and the implicit awaits of `yield` and `return` suspend through
 * promise jobs; `yield` settles the request at the head of the queue.
 */
import { newPromise, rejectPromise, resolvePromise, thenHost } from "../intrinsics/promise-ops.js";
import { JSObject } from "../values/object.js";
import type { PromiseObject } from "../values/promise-object.js";
import type { Value } from "../values/value.js";
import type { Frame } from "./frame.js";
import {
  AWAIT,
  type Body,
  GeneratorReturn,
  popFrame,
  pushFrame,
  type ResumeMode,
  type Suspend,
} from "./generator.js";
import { createIterResult } from "./iteration.js";
import type { Run } from "./run.js";
import { ThrowSignal } from "./throw.js";

interface Request {
  mode: ResumeMode;
  value: Value;
  promise: PromiseObject;
}

const START = 0;
const SUSPENDED = 1;
const EXECUTING = 2;
const AWAITING_RETURN = 3;
const DONE = 4;

export class AsyncGeneratorObject extends JSObject {
  state = START;
  body: Body | undefined;
  frame: Frame | undefined;
  private readonly queue: Request[] = [];

  override get kind(): string {
    return "AsyncGenerator";
  }

  /** AsyncGeneratorEnqueue: returns the request's promise. */
  enqueue(run: Run, mode: ResumeMode, value: Value): PromiseObject {
    run.charge(1);
    const promise = newPromise(
      run,
      run.realm.intrinsics.PromisePrototype as JSObject,
    ) as PromiseObject;
    this.queue.push({ mode, value, promise });
    if (this.state !== EXECUTING && this.state !== AWAITING_RETURN) this.drain(run);
    return promise;
  }

  /** Serves queued requests until one suspends the body or the queue is empty. */
  private drain(run: Run): void {
    while (this.queue.length > 0 && this.state !== EXECUTING && this.state !== AWAITING_RETURN) {
      const req = this.queue[0] as Request;
      if (this.state === START && req.mode !== "next") this.state = DONE;
      if (this.state === DONE) {
        if (req.mode === "next") {
          this.settle(run, createIterResult(run, undefined, true), false);
        } else if (req.mode === "throw") {
          this.settle(run, req.value, true);
        } else {
          this.state = AWAITING_RETURN;
          thenHost(
            run,
            req.value,
            (v, r) => {
              this.state = DONE;
              this.settle(r, createIterResult(r, v, true), false);
              this.drain(r);
            },
            (e, r) => {
              this.state = DONE;
              this.settle(r, e, true);
              this.drain(r);
            },
          );
        }
        continue;
      }
      this.state = EXECUTING;
      const body = this.body as Body;
      this.step(run, (b) =>
        req.mode === "next"
          ? b.next(req.value)
          : req.mode === "throw"
            ? b.throw(new ThrowSignal(req.value))
            : b.throw(new GeneratorReturn(req.value)),
      );
      void body;
    }
  }

  /** Settles the request at the head of the queue. */
  private settle(run: Run, v: Value, reject: boolean): void {
    const req = this.queue.shift() as Request;
    if (reject) rejectPromise(run, req.promise, v);
    else resolvePromise(run, req.promise, v);
  }

  private step(run: Run, resume: (b: Body) => IteratorResult<Suspend, Value>): void {
    const frame = this.frame as Frame;
    let r: IteratorResult<Suspend, Value>;
    pushFrame(run, frame);
    try {
      r = resume(this.body as Body);
    } catch (e) {
      this.state = DONE;
      if (e instanceof GeneratorReturn) {
        this.settle(run, createIterResult(run, e.value, true), false);
      } else if (e instanceof ThrowSignal) {
        this.settle(run, e.value, true);
      } else throw e;
      this.drain(run);
      return;
    } finally {
      popFrame(run, frame);
    }
    if (r.done) {
      this.state = DONE;
      this.settle(run, createIterResult(run, r.value, true), false);
      this.drain(run);
      return;
    }
    const s = r.value;
    if (s.kind === AWAIT) {
      thenHost(
        run,
        s.value,
        (v, rr) => this.step(rr, (b) => b.next(v)),
        (e, rr) => this.step(rr, (b) => b.throw(new ThrowSignal(e))),
      );
      return;
    }
    this.state = SUSPENDED;
    this.settle(run, createIterResult(run, s.value, false), false);
    this.drain(run);
  }
}
