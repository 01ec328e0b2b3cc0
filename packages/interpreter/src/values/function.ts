/**
 * Function objects: the base class, built-in functions (host-implemented intrinsics) and bound
 * functions. Guest-compiled functions are in runtime/closure.ts; host functions wrapped by the
 * membrane are in membrane/.
 */
import type { Realm } from "../realm/realm.js";
import type { DONE } from "../runtime/iteration.js";
import type { Run } from "../runtime/run.js";
import { JSObject } from "./object.js";
import { CONFIGURABLE } from "./property.js";
import type { Key, Value } from "./value.js";

/**
 * The implementation of a built-in. `newTarget` is undefined for [[Call]] and the constructor
 * being invoked for [[Construct]]. Implementations work in interpreter terms only (DESIGN §2.1
 * invariant 3) and charge fuel in proportion to their work.
 */
export type NativeImpl = (
  run: Run,
  thisArg: Value,
  args: Value[],
  newTarget: JSObject | undefined,
) => Value;

export abstract class JSFunction extends JSObject {
  abstract readonly realm: Realm;

  override get kind(): string {
    return "Function";
  }

  override isCallable(): boolean {
    return true;
  }
}

/** Defines `length` then `name` as SetFunctionLength/SetFunctionName do. */
export function defineNameAndLength(
  fn: JSObject,
  name: Key,
  length: number,
  prefix?: string,
): void {
  fn.defineData("length", length, CONFIGURABLE);
  fn.defineData("name", functionName(name, prefix), CONFIGURABLE);
}

/** https://tc39.es/ecma262/#sec-setfunctionname (the name string). */
export function functionName(name: Key, prefix?: string): string {
  let s: string;
  if (typeof name === "symbol") {
    const d = name.description;
    s = d === undefined ? "" : `[${d}]`;
  } else s = name;
  return prefix ? `${prefix} ${s}` : s;
}

/**
 * A built-in iterator `next` without its result object: the next value, or DONE. Iteration in
 * the interpreter (for-of, spread, destructuring, Array.from, collection constructors) calls it
 * directly when an iterator's `next` is that built-in, skipping an allocation nobody can observe.
 */
export type IteratorStep = (run: Run, iterator: Value) => Value | typeof DONE;

export class BuiltinFunction extends JSFunction {
  /** For a built-in iterator's `next`: the same step without the result object. */
  step: IteratorStep | undefined = undefined;

  constructor(
    readonly realm: Realm,
    readonly impl: NativeImpl,
    name: Key,
    length: number,
    readonly ctor: boolean,
    proto: JSObject | null = realm.intrinsics.FunctionPrototype,
    prefix?: string,
  ) {
    super(realm.emptyShape, proto);
    // defineNameAndLength's result, built directly: an exact two-slot array, the shared shape.
    this.shape = realm.functionShape;
    this.slots = [length, functionName(name, prefix)];
  }

  override isConstructor(): boolean {
    return this.ctor;
  }

  override call(run: Run, thisArg: Value, args: Value[]): Value {
    run.charge(1);
    return this.impl(run, thisArg, args, undefined);
  }

  override construct(run: Run, args: Value[], newTarget: JSObject): JSObject {
    run.charge(1);
    return this.impl(run, undefined, args, newTarget) as JSObject;
  }
}

/** https://tc39.es/ecma262/#sec-bound-function-exotic-objects */
export class BoundFunction extends JSFunction {
  constructor(
    readonly realm: Realm,
    readonly target: JSObject,
    readonly boundThis: Value,
    readonly boundArgs: Value[],
    proto: JSObject | null,
  ) {
    super(realm.emptyShape, proto);
  }

  override isConstructor(): boolean {
    return this.target.isConstructor();
  }

  override call(run: Run, _thisArg: Value, args: Value[]): Value {
    run.charge(1);
    return this.target.call(run, this.boundThis, [...this.boundArgs, ...args]);
  }

  override construct(run: Run, args: Value[], newTarget: JSObject): JSObject {
    run.charge(1);
    const nt = newTarget === this ? this.target : newTarget;
    return this.target.construct(run, [...this.boundArgs, ...args], nt);
  }
}
