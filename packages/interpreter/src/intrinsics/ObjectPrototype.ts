/**
 * Properties of the Object prototype object
 * (https://tc39.es/ecma262/#sec-properties-of-the-object-prototype-object), including the
 * Annex B legacy accessors (https://tc39.es/ecma262/#sec-object.prototype.__proto__).
 */
import {
  type AccessorRow,
  defineAccessors,
  defineMethods,
  type MethodRow,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import {
  isCallable,
  requireObjectCoercible,
  toObject,
  toPropertyKey,
} from "../runtime/conversions.js";
import { definePropertyOrThrow, invoke } from "../runtime/object-ops.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { isAccessorDescriptor } from "../values/property.js";
import { isArray } from "../values/proxy.js";

/** https://tc39.es/ecma262/#sec-object.prototype.hasownproperty */
const hasOwnProperty: NativeImpl = (run, thisArg, args) => {
  const key = toPropertyKey(run, args[0]);
  const o = toObject(run, thisArg);
  return o.getOwnProperty(run, key) !== undefined;
};

/** https://tc39.es/ecma262/#sec-object.prototype.isprototypeof */
const isPrototypeOf: NativeImpl = (run, thisArg, args) => {
  let v = args[0];
  if (!(v instanceof JSObject)) return false;
  const o = toObject(run, thisArg);
  for (;;) {
    run.charge(1);
    v = (v as JSObject).getPrototypeOf(run);
    if (v === null) return false;
    if (v === o) return true;
  }
};

/** https://tc39.es/ecma262/#sec-object.prototype.propertyisenumerable */
const propertyIsEnumerable: NativeImpl = (run, thisArg, args) => {
  const key = toPropertyKey(run, args[0]);
  const o = toObject(run, thisArg);
  const desc = o.getOwnProperty(run, key);
  return desc !== undefined && desc.enumerable === true;
};

/** https://tc39.es/ecma262/#sec-object.prototype.tolocalestring */
const toLocaleString: NativeImpl = (run, thisArg) => invoke(run, thisArg, "toString", []);

/** The builtin tags of Object.prototype.toString step 5–14; other kinds report "Object". */
const BUILTIN_TAGS = new Set([
  "Arguments",
  "Error",
  "Boolean",
  "Number",
  "String",
  "Date",
  "RegExp",
]);

/** https://tc39.es/ecma262/#sec-object.prototype.tostring */
const toString: NativeImpl = (run, thisArg) => {
  if (thisArg === undefined) return "[object Undefined]";
  if (thisArg === null) return "[object Null]";
  const o = toObject(run, thisArg);
  let builtinTag: string;
  if (isArray(run, o)) builtinTag = "Array";
  else {
    const kind = o.kind;
    if (kind === "Arguments") builtinTag = kind;
    else if (o.isCallable()) builtinTag = "Function";
    else builtinTag = BUILTIN_TAGS.has(kind) ? kind : "Object";
  }
  const tag = o.get(run, Symbol.toStringTag, o);
  if (typeof tag === "string") {
    run.charge(1);
    run.alloc(2 * tag.length + 32);
    return `[object ${tag}]`;
  }
  return `[object ${builtinTag}]`;
};

/** https://tc39.es/ecma262/#sec-object.prototype.valueof */
const valueOf: NativeImpl = (run, thisArg) => toObject(run, thisArg);

/** https://tc39.es/ecma262/#sec-object.prototype.__defineGetter__ */
const defineGetter: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const getter = args[1];
  if (!isCallable(getter))
    return throwTypeError(run, "Object.prototype.__defineGetter__: Expecting function");
  const key = toPropertyKey(run, args[0]);
  definePropertyOrThrow(run, o, key, { get: getter, enumerable: true, configurable: true });
  return undefined;
};

/** https://tc39.es/ecma262/#sec-object.prototype.__defineSetter__ */
const defineSetter: NativeImpl = (run, thisArg, args) => {
  const o = toObject(run, thisArg);
  const setter = args[1];
  if (!isCallable(setter))
    return throwTypeError(run, "Object.prototype.__defineSetter__: Expecting function");
  const key = toPropertyKey(run, args[0]);
  definePropertyOrThrow(run, o, key, { set: setter, enumerable: true, configurable: true });
  return undefined;
};

/** https://tc39.es/ecma262/#sec-object.prototype.__lookupGetter__ (and __lookupSetter__) */
function lookupAccessor(which: "get" | "set"): NativeImpl {
  return (run, thisArg, args) => {
    let o: JSObject | null = toObject(run, thisArg);
    const key = toPropertyKey(run, args[0]);
    while (o !== null) {
      run.charge(1);
      const desc = o.getOwnProperty(run, key);
      if (desc !== undefined) return isAccessorDescriptor(desc) ? desc[which] : undefined;
      o = o.getPrototypeOf(run);
    }
    return undefined;
  };
}

/** https://tc39.es/ecma262/#sec-get-object.prototype.__proto__ */
const getProto: NativeImpl = (run, thisArg) => toObject(run, thisArg).getPrototypeOf(run);

/** https://tc39.es/ecma262/#sec-set-object.prototype.__proto__ */
const setProto: NativeImpl = (run, thisArg, args) => {
  requireObjectCoercible(run, thisArg);
  const proto = args[0];
  if (proto !== null && !(proto instanceof JSObject)) return undefined;
  if (!(thisArg instanceof JSObject)) return undefined;
  if (!thisArg.setPrototypeOf(run, proto)) {
    return throwTypeError(run, "Object.prototype.__proto__ setter: cannot set prototype");
  }
  return undefined;
};

const methods: MethodRow[] = [
  ["__defineGetter__", defineGetter, 2],
  ["__defineSetter__", defineSetter, 2],
  ["hasOwnProperty", hasOwnProperty, 1],
  ["__lookupGetter__", lookupAccessor("get"), 1],
  ["__lookupSetter__", lookupAccessor("set"), 1],
  ["isPrototypeOf", isPrototypeOf, 1],
  ["propertyIsEnumerable", propertyIsEnumerable, 1],
  ["toString", toString, 0],
  ["valueOf", valueOf, 0],
  ["toLocaleString", toLocaleString, 0],
];

const accessors: AccessorRow[] = [["__proto__", getProto, setProto]];

export function installObjectPrototype(realm: Realm, proto: JSObject): void {
  defineMethods(realm, proto, methods);
  defineAccessors(realm, proto, accessors);
  realm.intrinsics.ObjectProto_toString = proto.storageGet("toString") as JSObject;
}
