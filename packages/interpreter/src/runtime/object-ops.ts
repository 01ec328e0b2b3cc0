/**
 * Operations on objects (https://tc39.es/ecma262/#sec-operations-on-objects) and the helpers
 * built-ins and compiled code share to create objects and arrays.
 */
import { JSArray } from "../values/array.js";
import { isArrayIndex } from "../values/keys.js";
import { JSObject } from "../values/object.js";
import { type Descriptor, isAccessorDescriptor, WEC } from "../values/property.js";
import { getFunctionRealm } from "../values/proxy.js";
import type { Key, Value } from "../values/value.js";
import { isCallable, isConstructor, toBoolean, toLength } from "./conversions.js";
import { BYTES_ELEMENT, BYTES_OBJECT } from "./costs.js";
import type { Run } from "./run.js";
import { throwTypeError } from "./throw.js";
import { primitiveProto } from "./wrappers.js";

/** A short description of a value for error messages (never runs guest code). */
export function describe(v: Value): string {
  if (v instanceof JSObject) return v.isCallable() ? "function" : "object";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "bigint") return `${v}n`;
  return String(v);
}

export function keyToDisplay(k: Key): string {
  return typeof k === "symbol" ? k.toString() : k;
}

/** https://tc39.es/ecma262/#sec-getv — property read on any value (primitives via prototypes). */
export function getV(run: Run, v: Value, key: Key): Value {
  if (v instanceof JSObject) return v.get(run, key, v);
  if (v === undefined || v === null) {
    return throwTypeError(run, `Cannot read properties of ${v} (reading '${keyToDisplay(key)}')`);
  }
  if (typeof v === "string") {
    if (key === "length") return v.length;
    if (isArrayIndex(key)) {
      const i = Number(key);
      if (i < v.length) return v[i] as string;
    }
  }
  return primitiveProto(run.realm, v).get(run, key, v);
}

/** https://tc39.es/ecma262/#sec-getmethod */
export function getMethod(run: Run, v: Value, key: Key): JSObject | undefined {
  const f = getV(run, v, key);
  if (f === undefined || f === null) return undefined;
  if (!isCallable(f)) return throwTypeError(run, `${keyToDisplay(key)} is not a function`);
  return f;
}

/** https://tc39.es/ecma262/#sec-call */
export function call(run: Run, f: Value, thisArg: Value, args: Value[]): Value {
  if (!(f instanceof JSObject) || !f.isCallable()) {
    return throwTypeError(run, `${describe(f)} is not a function`);
  }
  return f.call(run, thisArg, args);
}

/** https://tc39.es/ecma262/#sec-construct */
export function construct(run: Run, f: JSObject, args: Value[], newTarget: JSObject = f): JSObject {
  return f.construct(run, args, newTarget);
}

/** https://tc39.es/ecma262/#sec-invoke */
export function invoke(run: Run, v: Value, key: Key, args: Value[]): Value {
  return call(run, getV(run, v, key), v, args);
}

export function createDataProperty(run: Run, o: JSObject, key: Key, v: Value): boolean {
  return o.defineOwnProperty(run, key, {
    value: v,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

export function createDataPropertyOrThrow(run: Run, o: JSObject, key: Key, v: Value): void {
  if (!createDataProperty(run, o, key, v)) {
    throwTypeError(run, `Cannot define property ${keyToDisplay(key)}`);
  }
}

export function definePropertyOrThrow(run: Run, o: JSObject, key: Key, desc: Descriptor): void {
  if (!o.defineOwnProperty(run, key, desc)) {
    throwTypeError(run, `Cannot redefine property: ${keyToDisplay(key)}`);
  }
}

export function deletePropertyOrThrow(run: Run, o: JSObject, key: Key): void {
  if (!o.delete(run, key)) throwTypeError(run, `Cannot delete property '${keyToDisplay(key)}'`);
}

/** [[Set]] that throws on failure (strict-mode assignment, built-ins). */
export function setOrThrow(run: Run, o: JSObject, key: Key, v: Value): void {
  if (!o.set(run, key, v, o)) {
    throwTypeError(run, `Cannot assign to read only property '${keyToDisplay(key)}' of object`);
  }
}

/** PutValue for a property reference whose base may be a primitive. */
export function putV(run: Run, base: Value, key: Key, v: Value, strict: boolean): void {
  if (base instanceof JSObject) {
    if (!base.set(run, key, v, base) && strict) {
      throwTypeError(run, `Cannot assign to read only property '${keyToDisplay(key)}' of object`);
    }
    return;
  }
  if (base === undefined || base === null) {
    throwTypeError(run, `Cannot set properties of ${base} (setting '${keyToDisplay(key)}')`);
  }
  const ok = primitiveProto(run.realm, base).set(run, key, v, base);
  if (!ok && strict) {
    throwTypeError(run, `Cannot create property '${keyToDisplay(key)}' on ${typeof base}`);
  }
}

export function hasOwnProperty(run: Run, o: JSObject, key: Key): boolean {
  return o.getOwnProperty(run, key) !== undefined;
}

/** https://tc39.es/ecma262/#sec-lengthofarraylike */
export function lengthOfArrayLike(run: Run, o: JSObject): number {
  if (o instanceof JSArray) return o.length;
  return toLength(run, o.get(run, "length", o));
}

/** https://tc39.es/ecma262/#sec-createlistfromarraylike */
export function createListFromArrayLike(run: Run, v: Value, keysOnly = false): Value[] {
  if (!(v instanceof JSObject))
    return throwTypeError(run, "CreateListFromArrayLike called on non-object");
  const n = lengthOfArrayLike(run, v);
  run.charge(n);
  run.alloc(n * BYTES_ELEMENT);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) {
    const e = v.get(run, String(i), v);
    if (keysOnly && typeof e !== "string" && typeof e !== "symbol") {
      throwTypeError(run, "Proxy ownKeys result must contain only strings and symbols");
    }
    out.push(e);
  }
  return out;
}

/** A new ordinary object of the run's realm. */
export function createObject(
  run: Run,
  proto: JSObject | null = run.realm.intrinsics.ObjectPrototype,
): JSObject {
  run.alloc(BYTES_OBJECT);
  return new JSObject(run.realm.emptyShape, proto);
}

/** https://tc39.es/ecma262/#sec-createarrayfromlist (takes ownership of `list`). */
export function createArray(run: Run, list: Value[] = []): JSArray {
  run.alloc(BYTES_OBJECT + list.length * BYTES_ELEMENT);
  return new JSArray(run.realm.emptyShape, run.realm.intrinsics.ArrayPrototype, list);
}

/** https://tc39.es/ecma262/#sec-getprototypefromconstructor */
export function getPrototypeFromConstructor(
  run: Run,
  ctor: JSObject,
  fallback: keyof import("../realm/realm.js").Intrinsics,
): JSObject {
  const proto = ctor.get(run, "prototype", ctor);
  if (proto instanceof JSObject) return proto;
  return getFunctionRealm(run, ctor).intrinsics[fallback] as JSObject;
}

/** https://tc39.es/ecma262/#sec-ordinarycreatefromconstructor */
export function ordinaryCreateFromConstructor(
  run: Run,
  ctor: JSObject,
  fallback: keyof import("../realm/realm.js").Intrinsics,
): JSObject {
  return createObject(run, getPrototypeFromConstructor(run, ctor, fallback));
}

/** https://tc39.es/ecma262/#sec-speciesconstructor */
export function speciesConstructor(run: Run, o: JSObject, defaultCtor: JSObject): JSObject {
  const c = o.get(run, "constructor", o);
  if (c === undefined) return defaultCtor;
  if (!(c instanceof JSObject)) return throwTypeError(run, "object.constructor is not an object");
  const s = c.get(run, Symbol.species, c);
  if (s === undefined || s === null) return defaultCtor;
  if (isConstructor(s)) return s;
  return throwTypeError(run, "object.constructor[Symbol.species] is not a constructor");
}

/** https://tc39.es/ecma262/#sec-ordinaryhasinstance */
export function ordinaryHasInstance(run: Run, c: Value, o: Value): boolean {
  if (!isCallable(c)) return false;
  const bound = (c as { target?: JSObject }).target;
  if (bound !== undefined && (c as { boundArgs?: unknown }).boundArgs !== undefined) {
    return instanceOf(run, o, bound);
  }
  if (!(o instanceof JSObject)) return false;
  const p = c.get(run, "prototype", c);
  if (!(p instanceof JSObject))
    return throwTypeError(run, "Function has non-object prototype in instanceof check");
  let x: JSObject | null = o.getPrototypeOf(run);
  while (x !== null) {
    run.charge(1);
    if (x === p) return true;
    x = x.getPrototypeOf(run);
  }
  return false;
}

/** https://tc39.es/ecma262/#sec-instanceofoperator */
export function instanceOf(run: Run, v: Value, target: Value): boolean {
  if (!(target instanceof JSObject))
    return throwTypeError(run, "Right-hand side of 'instanceof' is not an object");
  const h = getMethod(run, target, Symbol.hasInstance);
  if (h !== undefined) return toBoolean(h.call(run, target, [v]));
  if (!target.isCallable())
    return throwTypeError(run, "Right-hand side of 'instanceof' is not callable");
  return ordinaryHasInstance(run, target, v);
}

/** https://tc39.es/ecma262/#sec-topropertydescriptor */
export function toPropertyDescriptor(run: Run, v: Value): Descriptor {
  if (!(v instanceof JSObject))
    return throwTypeError(run, "Property description must be an object");
  const d: Descriptor = {};
  if (v.hasProperty(run, "enumerable")) d.enumerable = toBoolean(v.get(run, "enumerable", v));
  if (v.hasProperty(run, "configurable")) d.configurable = toBoolean(v.get(run, "configurable", v));
  if (v.hasProperty(run, "value")) d.value = v.get(run, "value", v);
  if (v.hasProperty(run, "writable")) d.writable = toBoolean(v.get(run, "writable", v));
  if (v.hasProperty(run, "get")) {
    const g = v.get(run, "get", v);
    if (g !== undefined && !isCallable(g)) throwTypeError(run, "Getter must be a function");
    d.get = g as JSObject | undefined;
  }
  if (v.hasProperty(run, "set")) {
    const s = v.get(run, "set", v);
    if (s !== undefined && !isCallable(s)) throwTypeError(run, "Setter must be a function");
    d.set = s as JSObject | undefined;
  }
  if (("get" in d || "set" in d) && ("value" in d || "writable" in d)) {
    throwTypeError(
      run,
      "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
    );
  }
  return d;
}

/** https://tc39.es/ecma262/#sec-frompropertydescriptor */
export function fromPropertyDescriptor(run: Run, d: Descriptor | undefined): Value {
  if (d === undefined) return undefined;
  const o = createObject(run);
  if ("value" in d) o.defineData("value", d.value, WEC);
  if ("writable" in d) o.defineData("writable", d.writable === true, WEC);
  if ("get" in d) o.defineData("get", d.get, WEC);
  if ("set" in d) o.defineData("set", d.set, WEC);
  if ("enumerable" in d) o.defineData("enumerable", d.enumerable === true, WEC);
  if ("configurable" in d) o.defineData("configurable", d.configurable === true, WEC);
  return o;
}

/** Completes a partial descriptor with defaults (https://tc39.es/ecma262/#sec-completepropertydescriptor). */
export function completeDescriptor(d: Descriptor): Descriptor {
  if (isAccessorDescriptor(d)) {
    return {
      get: d.get,
      set: d.set,
      enumerable: d.enumerable === true,
      configurable: d.configurable === true,
    };
  }
  return {
    value: d.value,
    writable: d.writable === true,
    enumerable: d.enumerable === true,
    configurable: d.configurable === true,
  };
}

/** https://tc39.es/ecma262/#sec-enumerableownproperties */
export function enumerableOwnKeys(run: Run, o: JSObject): string[] {
  const out: string[] = [];
  for (const k of o.ownKeys(run)) {
    if (typeof k !== "string") continue;
    const d = o.getOwnProperty(run, k);
    if (d?.enumerable) out.push(k);
  }
  return out;
}
