/**
 * Turns intrinsic tables into objects of a realm. Each intrinsic file declares its methods as
 * `[name, implementation, length]` rows; these helpers create one BuiltinFunction per row per
 * realm — the host implementation is never itself reachable from guest code.
 */
import { BuiltinFunction, type NativeImpl } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import { ACCESSOR, Accessor, CONFIGURABLE, type Stored, WC } from "../values/property.js";
import type { Key } from "../values/value.js";
import { setBootstrapGlobal } from "./lazy-intrinsics.js";
import type { Realm } from "./realm.js";

export type MethodRow = readonly [name: Key, impl: NativeImpl, length: number];
export type AccessorRow = readonly [name: Key, get: NativeImpl | undefined, set?: NativeImpl];

export function makeFunction(
  realm: Realm,
  impl: NativeImpl,
  name: Key,
  length: number,
): BuiltinFunction {
  return new BuiltinFunction(realm, impl, name, length, false);
}

/** Defines methods (writable, configurable, not enumerable), as built-in methods are. */
export function defineMethods(realm: Realm, target: JSObject, rows: readonly MethodRow[]): void {
  target.defineMany(
    rows.map((row) => row[0]),
    rows.map(([name, impl, length]) => makeFunction(realm, impl, name, length)),
    rows.map(() => WC),
  );
}

/** Defines accessor properties (configurable, not enumerable). */
export function defineAccessors(
  realm: Realm,
  target: JSObject,
  rows: readonly AccessorRow[],
): void {
  target.defineMany(
    rows.map((row) => row[0]),
    rows.map(([name, get, set]) => {
      const g = get && new BuiltinFunction(realm, get, name, 0, false, undefined, "get");
      const s = set && new BuiltinFunction(realm, set, name, 1, false, undefined, "set");
      return new Accessor(g, s);
    }),
    rows.map(() => CONFIGURABLE | ACCESSOR),
  );
}

/** Defines constant data properties (not writable, not enumerable, not configurable). */
export function defineConstants(
  target: JSObject,
  rows: readonly (readonly [Key, unknown])[],
): void {
  target.defineMany(
    rows.map((row) => row[0]),
    rows.map((row) => row[1] as Stored),
    rows.map(() => 0),
  );
}

/**
 * Creates a built-in constructor with its prototype wiring:
 * `C.prototype` (fixed) and `C.prototype.constructor` (writable, configurable).
 */
export function makeConstructor(
  realm: Realm,
  name: string,
  impl: NativeImpl,
  length: number,
  prototype: JSObject | undefined,
  protoOfCtor: JSObject = realm.intrinsics.FunctionPrototype,
): BuiltinFunction {
  const c = new BuiltinFunction(realm, impl, name, length, true, protoOfCtor);
  if (prototype !== undefined) {
    c.defineData("prototype", prototype, 0);
    prototype.defineData("constructor", c, WC);
  }
  return c;
}

/** Installs a global binding the way the spec's SetDefaultGlobalBindings does (writable, configurable). */
export function defineGlobal(realm: Realm, name: string, v: JSObject): void {
  if (setBootstrapGlobal(realm, name, v)) return;
  realm.global.defineData(name, v, WC);
}
