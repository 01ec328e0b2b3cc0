/**
 * What calling a generator or an async function does with its resumable body: a generator call
 * binds the parameters and returns a suspended generator object
 * (https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluatebody);
 * an async call runs the body until its first `await` and returns a promise, resuming in promise
 * jobs charged to the run that is waiting (https://tc39.es/ecma262/#sec-async-functions-abstract-operations).
 */

import { newPromiseCapability, thenHost } from "../../intrinsics/promise-ops.js";
import { AsyncGeneratorObject } from "../../runtime/async-generator.js";
import { BYTES_OBJECT } from "../../runtime/costs.js";
import type { Frame } from "../../runtime/frame.js";
import {
  AWAIT,
  type Body,
  GeneratorObject,
  popFrame,
  pushFrame,
  Suspend,
} from "../../runtime/generator.js";
import type { Run } from "../../runtime/run.js";
import { ThrowSignal } from "../../runtime/throw.js";
import { JSObject } from "../../values/object.js";
import type { Value } from "../../values/value.js";

export function generatorBody(
  bindParams: (f: Frame) => void,
  body: (f: Frame) => Body,
): (f: Frame) => Value {
  return (f) => {
    bindParams(f);
    const run = f.run;
    run.alloc(BYTES_OBJECT);
    const F = f.fn as JSObject;
    const p = F.get(run, "prototype", F);
    const proto = p instanceof JSObject ? p : run.realm.intrinsics.GeneratorPrototype;
    const g = new GeneratorObject(run.realm.emptyShape, proto ?? null);
    g.frame = f;
    g.body = body(f);
    return g;
  };
}

export function asyncGeneratorBody(
  bindParams: (f: Frame) => void,
  body: (f: Frame) => Body,
): (f: Frame) => Value {
  return (f) => {
    bindParams(f);
    const run = f.run;
    run.alloc(BYTES_OBJECT);
    const F = f.fn as JSObject;
    const p = F.get(run, "prototype", F);
    const proto = p instanceof JSObject ? p : run.realm.intrinsics.AsyncGeneratorPrototype;
    const g = new AsyncGeneratorObject(run.realm.emptyShape, proto ?? null);
    g.frame = f;
    g.body = awaitReturn(body(f));
    return g;
  };
}

/** An async generator's `return v` awaits v before completing. */
function* awaitReturn(b: Body): Body {
  const v = yield* b;
  return yield new Suspend(AWAIT, v);
}

export function asyncBody(
  bindParams: (f: Frame) => void,
  body: (f: Frame) => Body,
): (f: Frame) => Value {
  return (f) => {
    const run = f.run;
    const cap = newPromiseCapability(run, run.realm.intrinsics.Promise as JSObject);
    try {
      bindParams(f);
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      (cap.reject as JSObject).call(run, undefined, [e.value]);
      return cap.promise;
    }
    const it = body(f);
    step(run, f, it, cap, (b) => b.next(), false);
    return cap.promise;
  };
}

interface Capability {
  promise: JSObject;
  resolve: Value;
  reject: Value;
}

/** Runs the body until it awaits, returns or throws; `resume` performs the resumption. */
function step(
  run: Run,
  frame: Frame,
  it: Body,
  cap: Capability,
  resume: (b: Body) => IteratorResult<unknown, Value>,
  push: boolean,
): void {
  let r: IteratorResult<unknown, Value>;
  if (push) pushFrame(run, frame);
  try {
    r = resume(it);
  } catch (e) {
    if (!(e instanceof ThrowSignal)) throw e;
    (cap.reject as JSObject).call(run, undefined, [e.value]);
    return;
  } finally {
    if (push) popFrame(run, frame);
  }
  if (r.done) {
    (cap.resolve as JSObject).call(run, undefined, [r.value]);
    return;
  }
  const suspend = r.value as { kind: number; value: Value };
  if (suspend.kind !== AWAIT) throw new Error("internal: async function yielded");
  thenHost(
    run,
    suspend.value,
    (v, r) => step(r, frame, it, cap, (b) => b.next(v), true),
    (e, r) => step(r, frame, it, cap, (b) => b.throw(new ThrowSignal(e)), true),
  );
}
