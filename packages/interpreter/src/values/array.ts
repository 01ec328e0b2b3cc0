/**
 * The Array exotic object (https://tc39.es/ecma262/#sec-array-exotic-objects).
 *
 * Elements live in `dense` (a host array, holes marked HOLE) while every element is a plain
 * writable/enumerable/configurable data property and the array has no huge gaps. Anything else
 * (an element with other attributes or an accessor, a length far beyond the elements) moves the
 * array to sparse mode for good: elements become ordinary properties and `len` holds the length.
 */

import { toNumber, toUint32 } from "../runtime/conversions.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError } from "../runtime/throw.js";
import { isArrayIndex, orderKeys } from "./keys.js";
import { JSObject, validateDescriptor } from "./object.js";
import { type Descriptor, isAccessorDescriptor, WEC } from "./property.js";
import type { Shape } from "./shape.js";
import { HOLE, type Key, type Value } from "./value.js";

/** Largest gap of holes a dense array grows by before it turns sparse. */
const MAX_DENSE_GAP = 1024;

export class JSArray extends JSObject {
  dense: (Value | typeof HOLE)[];
  sparse = false;
  len = 0;
  lengthWritable = true;

  constructor(shape: Shape, proto: JSObject | null, elements: (Value | typeof HOLE)[] = []) {
    super(shape, proto);
    this.dense = elements;
  }

  override get kind(): string {
    return "Array";
  }

  override icSafe(key: Key): boolean {
    return key !== "length";
  }

  get length(): number {
    return this.sparse ? this.len : this.dense.length;
  }

  /** Moves every element to ordinary storage. */
  makeSparse(): void {
    if (this.sparse) return;
    const d = this.dense;
    this.len = d.length;
    this.sparse = true;
    this.dense = [];
    for (let i = 0; i < d.length; i++) {
      const v = d[i];
      if (v !== HOLE) this.storageAdd(String(i), v as Value, WEC);
    }
  }

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    if (key === "length") {
      return {
        value: this.length,
        writable: this.lengthWritable,
        enumerable: false,
        configurable: false,
      };
    }
    if (!this.sparse && isArrayIndex(key)) {
      const v = this.dense[Number(key)];
      if (v === undefined && Number(key) >= this.dense.length) return undefined;
      if (v === HOLE) return undefined;
      return { value: v as Value, writable: true, enumerable: true, configurable: true };
    }
    return super.getOwnProperty(run, key);
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    if (key === "length") {
      if (!("value" in desc)) return this.defineLength(run, desc);
      // https://tc39.es/ecma262/#sec-arraysetlength steps 3–5
      const newLen = toUint32(run, desc.value);
      const numberLen = toNumber(run, desc.value);
      if (newLen !== numberLen) throwRangeError(run, "Invalid array length");
      return this.defineLength(run, { ...desc, value: newLen });
    }
    if (!isArrayIndex(key)) return this.ordinaryDefineOwnProperty(run, key, desc);
    const index = Number(key);
    const length = this.length;
    if (index >= length && !this.lengthWritable) return false;
    if (!this.sparse) {
      const d = this.dense;
      const cur = index < d.length ? d[index] : HOLE;
      if (cur !== HOLE) {
        const next = validateDescriptor(cur as Value, WEC, desc);
        if (next === null) return false;
        if (next.attrs === WEC) {
          d[index] = next.v as Value;
          return true;
        }
      } else if (
        this.extensible &&
        !isAccessorDescriptor(desc) &&
        desc.writable === true &&
        desc.enumerable === true &&
        desc.configurable === true &&
        index - d.length <= MAX_DENSE_GAP
      ) {
        if (index >= d.length) {
          run.alloc((index + 1 - d.length) * BYTES_ELEMENT);
          while (d.length < index) d.push(HOLE);
          d.push(desc.value);
        } else d[index] = desc.value;
        return true;
      } else if (!this.extensible) return false;
      this.makeSparse();
    }
    if (!this.ordinaryDefineOwnProperty(run, key, desc)) return false;
    if (index >= this.len) this.len = index + 1;
    return true;
  }

  /** https://tc39.es/ecma262/#sec-arraysetlength, after the caller converted the value. */
  private defineLength(run: Run, desc: Descriptor): boolean {
    if (!("value" in desc)) {
      if (desc.configurable === true || desc.enumerable === true) return false;
      if (isAccessorDescriptor(desc)) return false;
      if (desc.writable === true && !this.lengthWritable) return false;
      if (desc.writable === false) this.lengthWritable = false;
      return true;
    }
    const newLen = desc.value as number;
    if (desc.configurable === true || desc.enumerable === true || isAccessorDescriptor(desc)) {
      return false;
    }
    const oldLen = this.length;
    if (newLen === oldLen) {
      if (desc.writable === true && !this.lengthWritable) return false;
      if (desc.writable === false) this.lengthWritable = false;
      return true;
    }
    if (!this.lengthWritable) return false;
    const ok = this.setLength(run, newLen);
    if (desc.writable === false) this.lengthWritable = false;
    return ok;
  }

  /** Sets the length, deleting elements from the end; false if a non-configurable one stays. */
  setLength(run: Run, newLen: number): boolean {
    if (!this.sparse) {
      const d = this.dense;
      if (newLen <= d.length) {
        d.length = newLen;
        return true;
      }
      if (newLen - d.length <= MAX_DENSE_GAP) {
        run.alloc((newLen - d.length) * BYTES_ELEMENT);
        while (d.length < newLen) d.push(HOLE);
        return true;
      }
      this.makeSparse();
    }
    if (newLen < this.len) {
      const indices = this.storageKeys()
        .filter((k) => isArrayIndex(k) && Number(k) >= newLen)
        .sort((a, b) => Number(b) - Number(a));
      for (const k of indices) {
        if (!super.delete(run, k)) {
          this.len = Number(k) + 1;
          return false;
        }
      }
    }
    this.len = newLen;
    return true;
  }

  override hasProperty(run: Run, key: Key): boolean {
    if (key === "length") return true;
    if (!this.sparse && isArrayIndex(key)) {
      const v = this.dense[Number(key)];
      if (v !== undefined ? v !== HOLE : Number(key) < this.dense.length) return true;
      const p = this.proto;
      return p === null ? false : p.hasProperty(run, key);
    }
    return super.hasProperty(run, key);
  }

  override get(run: Run, key: Key, receiver: Value): Value {
    if (key === "length") return this.length;
    if (!this.sparse && isArrayIndex(key)) {
      const i = Number(key);
      const d = this.dense;
      if (i < d.length) {
        const v = d[i];
        if (v !== HOLE) return v as Value;
      }
      const p = this.proto;
      return p === null ? undefined : p.get(run, key, receiver);
    }
    return super.get(run, key, receiver);
  }

  /** Element read for compiled `a[i]` with a non-negative integer i. */
  getIndex(run: Run, i: number, receiver: Value): Value {
    if (!this.sparse) {
      const d = this.dense;
      if (i < d.length) {
        const v = d[i];
        if (v !== HOLE) return v as Value;
      }
      const p = this.proto;
      return p === null ? undefined : p.get(run, String(i), receiver);
    }
    return this.get(run, String(i), receiver);
  }

  override set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    if (receiver === this && !this.sparse && isArrayIndex(key)) {
      const i = Number(key);
      const d = this.dense;
      if (i < d.length && d[i] !== HOLE) {
        d[i] = v;
        return true;
      }
    }
    if (key === "length" || isArrayIndex(key)) {
      return ordinarySetWithOwnDescriptor(run, this, key, v, receiver);
    }
    return super.set(run, key, v, receiver);
  }

  override delete(run: Run, key: Key): boolean {
    if (key === "length") return false;
    if (!this.sparse && isArrayIndex(key)) {
      const i = Number(key);
      if (i < this.dense.length) this.dense[i] = HOLE;
      return true;
    }
    return super.delete(run, key);
  }

  override ownKeys(_run: Run): Key[] {
    const out: Key[] = [];
    if (!this.sparse) {
      const d = this.dense;
      for (let i = 0; i < d.length; i++) if (d[i] !== HOLE) out.push(String(i));
      out.push("length");
      for (const k of orderKeys(this.storageKeys())) out.push(k);
      return out;
    }
    const keys = orderKeys(this.storageKeys());
    let i = 0;
    while (i < keys.length && isArrayIndex(keys[i] as Key)) out.push(keys[i++] as Key);
    out.push("length");
    while (i < keys.length) out.push(keys[i++] as Key);
    return out;
  }
}

/**
 * OrdinarySet through [[GetOwnProperty]] (https://tc39.es/ecma262/#sec-ordinarysetwithowndescriptor),
 * for exotic objects whose own properties are not all in ordinary storage.
 */
export function ordinarySetWithOwnDescriptor(
  run: Run,
  o: JSObject,
  key: Key,
  v: Value,
  receiver: Value,
): boolean {
  let own = o.getOwnProperty(run, key);
  if (own === undefined) {
    const parent = o.getPrototypeOf(run);
    if (parent !== null) return parent.set(run, key, v, receiver);
    own = { value: undefined, writable: true, enumerable: true, configurable: true };
  }
  if (isAccessorDescriptor(own)) {
    const s = own.set;
    if (s === undefined) return false;
    s.call(run, receiver, [v]);
    return true;
  }
  if (own.writable !== true) return false;
  if (!(receiver instanceof JSObject)) return false;
  const existing = receiver.getOwnProperty(run, key);
  if (existing !== undefined) {
    if (isAccessorDescriptor(existing) || existing.writable !== true) return false;
    return receiver.defineOwnProperty(run, key, { value: v });
  }
  return receiver.defineOwnProperty(run, key, {
    value: v,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
