/**
 * The ordinary object (https://tc39.es/ecma262/#sec-ordinary-object-internal-methods-and-internal-slots).
 *
 * Storage has two modes. Shape mode: `shape` describes keys and attributes, `slots` holds values,
 * so compiled access sites can cache (shape → slot). Dictionary mode (`shape === null`): a Map of
 * entries, entered on delete, on attribute changes and for objects with many properties.
 * Exotic objects subclass this and override the internal methods they change; every internal
 * method takes the current run, because getters, setters and Proxy traps run guest code.
 */

import { BYTES_PROPERTY } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { isArrayIndex, orderKeys } from "./keys.js";
import {
  ACCESSOR,
  Accessor,
  CONFIGURABLE,
  type Descriptor,
  ENUMERABLE,
  Entry,
  isAccessorDescriptor,
  isDataDescriptor,
  type Stored,
  toDescriptor,
  WEC,
  WRITABLE,
} from "./property.js";
import type { Shape } from "./shape.js";
import type { Key, Value } from "./value.js";

const MAX_SHAPE_KEYS = 64;

/** Returned by storage lookups for a missing key; never a guest value. */
export const ABSENT: unique symbol = Symbol("absent");

export class JSObject {
  proto: JSObject | null;
  extensible = true;
  shape: Shape | null;
  slots: Stored[] = [];
  dict: Map<Key, Entry> | null = null;
  /** Set once any array-index key is stored here; element fast paths check prototypes for it. */
  indexed = false;

  constructor(shape: Shape, proto: JSObject | null) {
    this.shape = shape;
    this.proto = proto;
  }

  /** The built-in tag used by Object.prototype.toString and brand checks. */
  get kind(): string {
    return "Object";
  }

  isCallable(): boolean {
    return false;
  }

  /**
   * Whether a property-access cache may treat `key` on this object as ordinary storage. Exotic
   * objects that intercept named keys (Proxy, typed arrays, an array's `length`) return false.
   */
  icSafe(_key: Key): boolean {
    return true;
  }

  isConstructor(): boolean {
    return false;
  }

  /** [[Call]]; only functions override it (callers check isCallable first). */
  call(_run: Run, _thisArg: Value, _args: Value[]): Value {
    throw new Error("internal: [[Call]] on a non-callable object");
  }

  /** [[Construct]]; only constructors override it. */
  construct(_run: Run, _args: Value[], _newTarget: JSObject): JSObject {
    throw new Error("internal: [[Construct]] on a non-constructor");
  }

  // ---- storage (ordinary own properties) -------------------------------------------------

  storageAttrs(key: Key): number {
    const shape = this.shape;
    if (shape !== null) {
      const i = shape.indexOf(key);
      return i < 0 ? -1 : shape.attrsAt(i);
    }
    const e = (this.dict as Map<Key, Entry>).get(key);
    return e === undefined ? -1 : e.attrs;
  }

  storageGet(key: Key): Stored | typeof ABSENT {
    const shape = this.shape;
    if (shape !== null) {
      const i = shape.indexOf(key);
      return i < 0 ? ABSENT : (this.slots[i] as Stored);
    }
    const e = (this.dict as Map<Key, Entry>).get(key);
    return e === undefined ? ABSENT : e.v;
  }

  /** Replaces the stored value of an existing own property, keeping its attributes. */
  storageSet(key: Key, v: Stored): void {
    const shape = this.shape;
    if (shape !== null) {
      this.slots[shape.indexOf(key)] = v;
    } else {
      (this.dict as Map<Key, Entry>).get(key)!.v = v;
    }
  }

  /** Adds a new own property (the key must be absent). */
  storageAdd(key: Key, v: Stored, attrs: number): void {
    if (typeof key === "string" && !this.indexed && isArrayIndex(key)) this.indexed = true;
    const shape = this.shape;
    if (shape !== null) {
      if (shape.size < MAX_SHAPE_KEYS) {
        this.shape = shape.add(key, attrs);
        this.slots.push(v);
        return;
      }
      this.toDictionary();
    }
    (this.dict as Map<Key, Entry>).set(key, new Entry(v, attrs));
  }

  /** Replaces value and attributes of an existing own property. */
  storageReplace(key: Key, v: Stored, attrs: number): void {
    const shape = this.shape;
    if (shape !== null) {
      const i = shape.indexOf(key);
      if (shape.attrsAt(i) === attrs) {
        this.slots[i] = v;
        return;
      }
      this.toDictionary();
    }
    const e = (this.dict as Map<Key, Entry>).get(key)!;
    e.v = v;
    e.attrs = attrs;
  }

  storageDelete(key: Key): void {
    if (this.shape !== null) this.toDictionary();
    const dict = this.dict as Map<Key, Entry>;
    const e = dict.get(key);
    if (e !== undefined) {
      e.attrs = -1;
      dict.delete(key);
    }
  }

  /** Own keys of the storage in insertion order. */
  storageKeys(): Key[] {
    return this.shape !== null ? this.shape.keys() : [...(this.dict as Map<Key, Entry>).keys()];
  }

  toDictionary(): void {
    const shape = this.shape;
    if (shape === null) return;
    const dict = new Map<Key, Entry>();
    for (let i = 0; i < shape.size; i++) {
      dict.set(shape.keyAt(i), new Entry(this.slots[i] as Stored, shape.attrsAt(i)));
    }
    this.dict = dict;
    this.shape = null;
    this.slots = [];
  }

  /** Defines a data property on a fresh or known object without validation (bootstrap, literals). */
  defineData(key: Key, v: Value, attrs = WEC): void {
    if (this.storageAttrs(key) < 0) this.storageAdd(key, v, attrs);
    else this.storageReplace(key, v, attrs);
  }

  /**
   * Defines several new properties at once (bootstrap tables): one shape transition for all of
   * them when the object is in shape mode and none of the keys exists yet.
   */
  defineMany(keys: readonly Key[], values: readonly Stored[], attrs: readonly number[]): void {
    const shape = this.shape;
    if (
      shape !== null &&
      shape.size + keys.length <= MAX_SHAPE_KEYS &&
      keys.every((k) => shape.indexOf(k) < 0 && !(typeof k === "string" && isArrayIndex(k)))
    ) {
      this.shape = shape.addMany(keys, attrs);
      this.slots = this.slots.concat(values);
      return;
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as Key;
      const v = values[i] as Stored;
      const a = attrs[i] as number;
      if (this.storageAttrs(key) < 0) this.storageAdd(key, v, a);
      else this.storageReplace(key, v, a);
    }
  }

  defineAccessor(
    key: Key,
    get: JSObject | undefined,
    set: JSObject | undefined,
    attrs: number,
  ): void {
    const a = new Accessor(get, set);
    if (this.storageAttrs(key) < 0) this.storageAdd(key, a, attrs | ACCESSOR);
    else this.storageReplace(key, a, attrs | ACCESSOR);
  }

  // ---- internal methods --------------------------------------------------------------------

  getPrototypeOf(_run: Run): JSObject | null {
    return this.proto;
  }

  /** https://tc39.es/ecma262/#sec-ordinarysetprototypeof */
  setPrototypeOf(_run: Run, v: JSObject | null): boolean {
    if (v === this.proto) return true;
    if (!this.extensible) return false;
    let p = v;
    while (p !== null) {
      if (p === this) return false;
      if (!p.hasOrdinaryGetPrototypeOf()) break;
      p = p.proto;
    }
    this.proto = v;
    return true;
  }

  /** False for Proxy, whose [[GetPrototypeOf]] is not ordinary (ends the cycle check). */
  hasOrdinaryGetPrototypeOf(): boolean {
    return true;
  }

  isExtensible(_run: Run): boolean {
    return this.extensible;
  }

  preventExtensions(_run: Run): boolean {
    this.extensible = false;
    return true;
  }

  getOwnProperty(_run: Run, key: Key): Descriptor | undefined {
    const attrs = this.storageAttrs(key);
    if (attrs < 0) return undefined;
    return toDescriptor(this.storageGet(key) as Stored, attrs);
  }

  defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    return this.ordinaryDefineOwnProperty(run, key, desc);
  }

  /** https://tc39.es/ecma262/#sec-validateandapplypropertydescriptor on ordinary storage. */
  ordinaryDefineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    const attrs = this.storageAttrs(key);
    if (attrs < 0) {
      if (!this.isExtensible(run)) return false;
      run.alloc(BYTES_PROPERTY);
      if (isAccessorDescriptor(desc)) {
        let a = ACCESSOR;
        if (desc.enumerable) a |= ENUMERABLE;
        if (desc.configurable) a |= CONFIGURABLE;
        this.storageAdd(key, new Accessor(desc.get, desc.set), a);
      } else {
        let a = 0;
        if (desc.writable) a |= WRITABLE;
        if (desc.enumerable) a |= ENUMERABLE;
        if (desc.configurable) a |= CONFIGURABLE;
        this.storageAdd(key, desc.value, a);
      }
      return true;
    }
    const current = this.storageGet(key) as Stored;
    const next = validateDescriptor(current, attrs, desc);
    if (next === null) return false;
    if (next.attrs !== attrs || next.v !== current) {
      if (next.attrs === attrs) this.storageSet(key, next.v);
      else this.storageReplace(key, next.v, next.attrs);
    }
    return true;
  }

  hasOwn(run: Run, key: Key): boolean {
    return this.getOwnProperty(run, key) !== undefined;
  }

  /** https://tc39.es/ecma262/#sec-ordinaryhasproperty */
  hasProperty(run: Run, key: Key): boolean {
    if (this.storageAttrs(key) >= 0) return true;
    const p = this.getPrototypeOf(run);
    return p === null ? false : p.hasProperty(run, key);
  }

  /** https://tc39.es/ecma262/#sec-ordinaryget */
  get(run: Run, key: Key, receiver: Value): Value {
    const st = this.storageGet(key);
    if (st === ABSENT) {
      const p = this.proto;
      return p === null ? undefined : p.get(run, key, receiver);
    }
    if (st instanceof Accessor) {
      const g = st.get;
      return g === undefined ? undefined : g.call(run, receiver, []);
    }
    return st;
  }

  /** https://tc39.es/ecma262/#sec-ordinaryset */
  set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    const attrs = this.storageAttrs(key);
    if (attrs < 0) {
      const p = this.proto;
      if (p !== null) return p.set(run, key, v, receiver);
      return setOnReceiver(run, key, v, receiver);
    }
    if (attrs & ACCESSOR) {
      const s = (this.storageGet(key) as Accessor).set;
      if (s === undefined) return false;
      s.call(run, receiver, [v]);
      return true;
    }
    if (!(attrs & WRITABLE)) return false;
    if (receiver === this) {
      this.storageSet(key, v);
      return true;
    }
    return setOnReceiver(run, key, v, receiver);
  }

  /** https://tc39.es/ecma262/#sec-ordinarydelete */
  delete(_run: Run, key: Key): boolean {
    const attrs = this.storageAttrs(key);
    if (attrs < 0) return true;
    if (!(attrs & CONFIGURABLE)) return false;
    this.storageDelete(key);
    return true;
  }

  /** https://tc39.es/ecma262/#sec-ordinaryownpropertykeys */
  ownKeys(_run: Run): Key[] {
    return this.indexed ? orderKeys(this.storageKeys()) : orderSymbolsLast(this.storageKeys());
  }
}

function orderSymbolsLast(keys: Key[]): Key[] {
  let seenSymbol = false;
  for (const k of keys) {
    if (typeof k === "symbol") seenSymbol = true;
    else if (seenSymbol) return orderKeys(keys);
  }
  return keys;
}

/** OrdinarySetWithOwnDescriptor steps 2.c–2.e: create or update the property on the receiver. */
export function setOnReceiver(run: Run, key: Key, v: Value, receiver: Value): boolean {
  if (!(receiver instanceof JSObject)) return false;
  if (receiver.constructor === JSObject && receiver.storageAttrs(key) < 0) {
    if (!receiver.extensible) return false;
    run.alloc(BYTES_PROPERTY);
    receiver.storageAdd(key, v, WEC);
    return true;
  }
  const existing = receiver.getOwnProperty(run, key);
  if (existing !== undefined) {
    if (isAccessorDescriptor(existing) || existing.writable === false) return false;
    return receiver.defineOwnProperty(run, key, { value: v });
  }
  return receiver.defineOwnProperty(run, key, {
    value: v,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * ValidateAndApplyPropertyDescriptor steps 4–10 for an existing property: the stored value and
 * attributes after applying `desc`, or null when the change is not allowed.
 */
export function validateDescriptor(
  current: Stored,
  attrs: number,
  desc: Descriptor,
): { v: Stored; attrs: number } | null {
  const configurable = (attrs & CONFIGURABLE) !== 0;
  const isAccessor = (attrs & ACCESSOR) !== 0;
  if (!configurable) {
    if (desc.configurable === true) return null;
    if ("enumerable" in desc && desc.enumerable !== ((attrs & ENUMERABLE) !== 0)) return null;
    if (!isGeneric(desc) && isAccessorDescriptor(desc) !== isAccessor) return null;
    if (isAccessor) {
      const a = current as Accessor;
      if ("get" in desc && desc.get !== a.get) return null;
      if ("set" in desc && desc.set !== a.set) return null;
    } else if (!(attrs & WRITABLE)) {
      if (desc.writable === true) return null;
      if ("value" in desc && !Object.is(desc.value, current)) return null;
    }
  }
  const enumerable = "enumerable" in desc ? desc.enumerable === true : (attrs & ENUMERABLE) !== 0;
  const conf = "configurable" in desc ? desc.configurable === true : configurable;
  let out = (enumerable ? ENUMERABLE : 0) | (conf ? CONFIGURABLE : 0);
  if (isAccessor && isDataDescriptor(desc)) {
    out |= desc.writable === true ? WRITABLE : 0;
    return { v: desc.value, attrs: out };
  }
  if (!isAccessor && isAccessorDescriptor(desc)) {
    return { v: new Accessor(desc.get, desc.set), attrs: out | ACCESSOR };
  }
  if (isAccessor) {
    const a = current as Accessor;
    const g = "get" in desc ? desc.get : a.get;
    const s = "set" in desc ? desc.set : a.set;
    const v = g === a.get && s === a.set ? a : new Accessor(g, s);
    return { v, attrs: out | ACCESSOR };
  }
  const writable = "writable" in desc ? desc.writable === true : (attrs & WRITABLE) !== 0;
  return { v: "value" in desc ? desc.value : current, attrs: out | (writable ? WRITABLE : 0) };
}

function isGeneric(desc: Descriptor): boolean {
  return !isAccessorDescriptor(desc) && !isDataDescriptor(desc);
}
