/**
 * Functions compiled from guest source (https://tc39.es/ecma262/#sec-ecmascript-function-objects).
 * A ClosureFunction pairs compiled code (shared by every closure of one function literal) with
 * the environment it closes over. `prototype` of ordinary functions is created on first use.
 */
import type { Realm } from "../realm/realm.js";
import { JSFunction } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { type Descriptor, WRITABLE } from "../values/property.js";
import { type Key, type Slot, UNINIT, type Value } from "../values/value.js";
import type { CodeInfo } from "./code-info.js";
import { toObject } from "./conversions.js";
import { BYTES_OBJECT } from "./costs.js";
import { type Env, Frame } from "./frame.js";
import { ordinaryCreateFromConstructor } from "./object-ops.js";
import type { Run } from "./run.js";
import { makeError, ThrowSignal, throwReferenceError, throwTypeError } from "./throw.js";

export const THIS_LEXICAL = 0;
export const THIS_STRICT = 1;
export const THIS_SLOPPY = 2;

export interface FunctionCode extends CodeInfo {
  readonly strict: boolean;
  readonly thisMode: 0 | 1 | 2;
  /** Has [[Construct]]: ordinary function declarations/expressions and class constructors. */
  readonly isConstructor: boolean;
  readonly classConstructor: boolean;
  readonly derived: boolean;
  /** Ordinary functions (and generators) get a `prototype` object. */
  readonly hasPrototype: boolean;
  readonly slotInit: readonly Slot[];
  readonly length: number;
  readonly sourceText: string;
  /** Runs parameter binding and the body; returns the function's return value. */
  readonly body: (f: Frame) => Value;
}

/** Hook run by class constructors before their body (fields, private methods). */
export type InstanceInit = (run: Run, o: JSObject) => void;

export class ClosureFunction extends JSFunction {
  /** [[HomeObject]] for `super` lookups in methods. */
  home: JSObject | undefined = undefined;
  /** [[Fields]] and private methods of a class constructor. */
  init: InstanceInit | undefined = undefined;
  private lazyProto: boolean;

  constructor(
    readonly realm: Realm,
    readonly code: FunctionCode,
    readonly env: Env,
    proto: JSObject,
  ) {
    super(realm.emptyShape, proto);
    this.lazyProto = code.hasPrototype;
  }

  get sourceText(): string {
    return this.code.sourceText;
  }

  override isConstructor(): boolean {
    return this.code.isConstructor;
  }

  override call(run: Run, thisArg: Value, args: Value[]): Value {
    const code = this.code;
    if (code.classConstructor) {
      return throwTypeError(run, `Class constructor ${code.name} cannot be invoked without 'new'`);
    }
    let t: Value = thisArg;
    if (code.thisMode === THIS_SLOPPY) {
      t = thisArg === undefined || thisArg === null ? this.realm.global : toObject(run, thisArg);
    }
    const frame = this.enter(run, t, undefined, args);
    try {
      return code.body(frame);
    } catch (e) {
      throw hostOverflowToGuest(run, e);
    } finally {
      run.frame = frame.caller;
      run.depth--;
    }
  }

  override construct(run: Run, args: Value[], newTarget: JSObject): JSObject {
    const code = this.code;
    let thisArg: JSObject | undefined;
    if (!code.derived) thisArg = ordinaryCreateFromConstructor(run, newTarget, "ObjectPrototype");
    const frame = this.enter(run, thisArg === undefined ? UNINIT : thisArg, newTarget, args);
    let result: Value;
    try {
      if (thisArg !== undefined && this.init !== undefined) this.init(run, thisArg);
      result = code.body(frame);
    } catch (e) {
      throw hostOverflowToGuest(run, e);
    } finally {
      run.frame = frame.caller;
      run.depth--;
    }
    if (result instanceof JSObject) return result;
    if (thisArg !== undefined) return thisArg;
    if (result !== undefined) {
      return throwTypeError(run, "Derived constructors may only return object or undefined");
    }
    const t = frame.thisValue;
    if (t === UNINIT) {
      return throwReferenceError(
        run,
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
      );
    }
    return t as JSObject;
  }

  private enter(
    run: Run,
    thisValue: Value | typeof UNINIT,
    newTarget: JSObject | undefined,
    args: Value[],
  ): Frame {
    run.charge(1);
    if (++run.depth > run.limits.callDepth) {
      run.depth--;
      throw new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
    }
    if (run.depth > run.peakDepth) run.peakDepth = run.depth;
    const code = this.code;
    const frame = new Frame(
      code.slotInit.slice(),
      this.env,
      run,
      code,
      this,
      thisValue,
      newTarget,
      args,
      this.env.f.overlay,
    );
    run.frame = frame;
    return frame;
  }

  // ---- lazy `prototype` --------------------------------------------------------------------

  private materialize(run: Run): void {
    if (!this.lazyProto) return;
    this.lazyProto = false;
    run.alloc(BYTES_OBJECT);
    const i = this.realm.intrinsics;
    const gen = (this.code as { generatorKind?: string }).generatorKind;
    const protoParent =
      gen === "generator"
        ? i.GeneratorPrototype
        : gen === "async-generator"
          ? i.AsyncGeneratorPrototype
          : i.ObjectPrototype;
    const p = new JSObject(this.realm.emptyShape, protoParent ?? i.ObjectPrototype);
    if (!gen) p.defineData("constructor", this, WRITABLE | 4);
    this.storageAdd("prototype", p, WRITABLE);
  }

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    if (key === "prototype") this.materialize(run);
    return super.getOwnProperty(run, key);
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    this.materialize(run);
    return super.defineOwnProperty(run, key, desc);
  }

  override hasProperty(run: Run, key: Key): boolean {
    if (key === "prototype") this.materialize(run);
    return super.hasProperty(run, key);
  }

  override get(run: Run, key: Key, receiver: Value): Value {
    if (key === "prototype") this.materialize(run);
    return super.get(run, key, receiver);
  }

  override set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    this.materialize(run);
    return super.set(run, key, v, receiver);
  }

  override delete(run: Run, key: Key): boolean {
    if (key === "prototype") this.materialize(run);
    return super.delete(run, key);
  }

  override ownKeys(run: Run): Key[] {
    this.materialize(run);
    return super.ownKeys(run);
  }
}

/**
 * A host stack overflow inside guest code becomes a guest RangeError at the nearest guest call,
 * like an engine's own "Maximum call stack size exceeded". Every other host error passes.
 */
export function hostOverflowToGuest(run: Run, e: unknown): unknown {
  if (e instanceof RangeError && e.message.includes("call stack")) {
    return new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
  }
  return e;
}
