/**
 * Typed arrays: the Integer-Indexed exotic object
 * (https://tc39.es/ecma262/#sec-integer-indexed-exotic-objects, ES2023) and the element types
 * of Table 71 (https://tc39.es/ecma262/#table-the-typedarray-constructors).
 *
 * Elements live in the viewed ArrayBuffer's byte block. Reading and writing an element converts
 * between a number (or bigint) and raw bytes with a host DataView: pure work on primitives
 * (NumericToRawBytes / RawBytesToNumeric). Typed arrays use the host platform's byte order (the
 * spec leaves it to the implementation), so a host typed array laid over the same bytes sees the
 * same elements: bulk operations on elements (sort without a comparator, fill, reverse, search)
 * run on such a view, never on a guest object.
 */
import { stringToBigInt, toNumber, toPrimitive } from "../runtime/conversions.js";
import { BYTES_ELEMENT, charFuel } from "../runtime/costs.js";
import { describe } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwSyntaxError, throwTypeError } from "../runtime/throw.js";
import { ordinarySetWithOwnDescriptor } from "./array.js";
import type { ArrayBufferObject } from "./array-buffer.js";
import { orderKeys } from "./keys.js";
import { JSObject } from "./object.js";
import { type Descriptor, isAccessorDescriptor } from "./property.js";
import type { Shape } from "./shape.js";
import type { Key, Value } from "./value.js";

/** [[LittleEndian]] of typed arrays: the host platform's byte order. */
export const PLATFORM_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A host typed array laid over a typed array's bytes, for bulk work on primitives. Values are
 * typed `never` because each view accepts only its own kind of number.
 */
export interface HostView {
  readonly length: number;
  sort(): unknown;
  fill(v: never, start?: number, end?: number): unknown;
  reverse(): unknown;
  indexOf(v: never, from?: number): number;
  lastIndexOf(v: never, from?: number): number;
  includes(v: never, from?: number): boolean;
  set(src: never, offset?: number): void;
}

type HostViewCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => HostView;

/** An element type ([[TypedArrayName]], element size, [[ContentType]] and its byte codec). */
export interface ElementType {
  /** The element type's name in the spec's tables: "Int8", ..., "BigUint64". */
  readonly name: string;
  /** The constructor's name: "Int8Array", ... */
  readonly ctorName: string;
  readonly size: number;
  /** [[ContentType]] is BigInt. */
  readonly bigint: boolean;
  /** RawBytesToNumeric over `view` at `byteIndex`. */
  read(view: DataView, byteIndex: number, littleEndian: boolean): number | bigint;
  /** NumericToRawBytes into `view` at `byteIndex`; `v` is already a Number (or a BigInt). */
  write(view: DataView, byteIndex: number, v: number | bigint, littleEndian: boolean): void;
  /** The host typed array constructor with the same element encoding. */
  readonly host: HostViewCtor;
}

/** https://tc39.es/ecma262/#sec-touint8clamp */
export function toUint8Clamp(n: number): number {
  if (Number.isNaN(n) || n <= 0) return 0;
  if (n >= 255) return 255;
  const f = Math.floor(n);
  if (f + 0.5 < n) return f + 1;
  if (n < f + 0.5) return f;
  return f % 2 === 1 ? f + 1 : f;
}

function numberType(
  name: string,
  size: number,
  host: unknown,
  read: (v: DataView, i: number, le: boolean) => number,
  write: (v: DataView, i: number, x: number, le: boolean) => void,
): ElementType {
  const w = write as ElementType["write"];
  return {
    name,
    ctorName: `${name}Array`,
    size,
    bigint: false,
    read,
    write: w,
    host: host as HostViewCtor,
  };
}

function bigintType(
  name: string,
  host: unknown,
  read: (v: DataView, i: number, le: boolean) => bigint,
  write: (v: DataView, i: number, x: bigint, le: boolean) => void,
): ElementType {
  const w = write as ElementType["write"];
  return {
    name,
    ctorName: `${name}Array`,
    size: 8,
    bigint: true,
    read,
    write: w,
    host: host as HostViewCtor,
  };
}

/** The element types, in the order of Table 71. */
export const ELEMENT_TYPES: readonly ElementType[] = [
  numberType(
    "Int8",
    1,
    Int8Array,
    (v, i) => v.getInt8(i),
    (v, i, x) => v.setInt8(i, x),
  ),
  numberType(
    "Uint8",
    1,
    Uint8Array,
    (v, i) => v.getUint8(i),
    (v, i, x) => v.setUint8(i, x),
  ),
  numberType(
    "Uint8Clamped",
    1,
    Uint8ClampedArray,
    (v, i) => v.getUint8(i),
    (v, i, x) => v.setUint8(i, toUint8Clamp(x)),
  ),
  numberType(
    "Int16",
    2,
    Int16Array,
    (v, i, le) => v.getInt16(i, le),
    (v, i, x, le) => v.setInt16(i, x, le),
  ),
  numberType(
    "Uint16",
    2,
    Uint16Array,
    (v, i, le) => v.getUint16(i, le),
    (v, i, x, le) => v.setUint16(i, x, le),
  ),
  numberType(
    "Int32",
    4,
    Int32Array,
    (v, i, le) => v.getInt32(i, le),
    (v, i, x, le) => v.setInt32(i, x, le),
  ),
  numberType(
    "Uint32",
    4,
    Uint32Array,
    (v, i, le) => v.getUint32(i, le),
    (v, i, x, le) => v.setUint32(i, x, le),
  ),
  numberType(
    "Float32",
    4,
    Float32Array,
    (v, i, le) => v.getFloat32(i, le),
    (v, i, x, le) => v.setFloat32(i, Number.isNaN(x) ? NaN : x, le),
  ),
  numberType(
    "Float64",
    8,
    Float64Array,
    (v, i, le) => v.getFloat64(i, le),
    (v, i, x, le) => v.setFloat64(i, Number.isNaN(x) ? NaN : x, le),
  ),
  bigintType(
    "BigInt64",
    BigInt64Array,
    (v, i, le) => v.getBigInt64(i, le),
    (v, i, x, le) => v.setBigInt64(i, x, le),
  ),
  bigintType(
    "BigUint64",
    BigUint64Array,
    (v, i, le) => v.getBigUint64(i, le),
    (v, i, x, le) => v.setBigUint64(i, x, le),
  ),
];

/** https://tc39.es/ecma262/#sec-tobigint */
export function toBigInt(run: Run, v: Value): bigint {
  const prim = toPrimitive(run, v, "number");
  switch (typeof prim) {
    case "bigint":
      return prim;
    case "boolean":
      return prim ? 1n : 0n;
    case "string": {
      run.charge(charFuel(prim.length));
      const n = stringToBigInt(prim);
      if (n === undefined) throwSyntaxError(run, `Cannot convert ${describe(prim)} to a BigInt`);
      return n;
    }
    default:
      return throwTypeError(run, `Cannot convert ${describe(prim)} to a BigInt`);
  }
}

/** ToBigInt or ToNumber, as the element type's [[ContentType]] asks. */
export function toElementValue(run: Run, type: ElementType, v: Value): number | bigint {
  if (type.bigint) return toBigInt(run, v);
  const n = typeof v === "number" ? v : toNumber(run, v);
  // Every NaN is written with one encoding (NumericToRawBytes: one per distinguishable NaN).
  return Number.isNaN(n) ? NaN : n;
}

/**
 * CanonicalNumericIndexString for a property key (https://tc39.es/ecma262/#sec-canonicalnumericindexstring):
 * the numeric index a string key denotes, or undefined. Most keys are rejected on their first
 * character (a canonical numeric string starts with a digit, "-", "I"nfinity or "N"aN).
 */
export function numericIndex(key: Key): number | undefined {
  if (typeof key !== "string" || key.length === 0) return undefined;
  const c = key.charCodeAt(0);
  if ((c < 48 || c > 57) && c !== 45 && c !== 73 && c !== 78) return undefined;
  if (key === "-0") return -0;
  const n = Number(key);
  return String(n) === key ? n : undefined;
}

export class TypedArrayObject extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject | null,
    /** [[TypedArrayName]] and [[ContentType]]. */
    readonly type: ElementType,
    /** [[ViewedArrayBuffer]] */
    readonly buffer: ArrayBufferObject,
    /** [[ByteOffset]] */
    readonly byteOffset: number,
    /** [[ArrayLength]]; kept after the buffer is detached, as the spec's slot is. */
    readonly arrayLength: number,
  ) {
    super(shape, proto);
  }

  override get kind(): string {
    return this.type.ctorName;
  }

  /** [[ByteLength]] */
  get byteLength(): number {
    return this.arrayLength * this.type.size;
  }

  get detached(): boolean {
    return this.buffer.detached;
  }

  /** https://tc39.es/ecma262/#sec-isvalidintegerindex */
  isValidIndex(index: number): boolean {
    if (this.buffer.detached) return false;
    if (!Number.isInteger(index)) return false;
    if (index === 0 && 1 / index < 0) return false;
    return index >= 0 && index < this.arrayLength;
  }

  /** Reads element `index`, which must be a valid integer index. */
  read(index: number): number | bigint {
    const t = this.type;
    return t.read(this.buffer.view, this.byteOffset + index * t.size, PLATFORM_LITTLE_ENDIAN);
  }

  /** Writes an already converted value to element `index`, which must be valid. */
  write(index: number, v: number | bigint): void {
    const t = this.type;
    t.write(this.buffer.view, this.byteOffset + index * t.size, v, PLATFORM_LITTLE_ENDIAN);
  }

  /**
   * A host typed array of the same type holding a copy of the elements (empty once detached):
   * what the membrane hands out for a guest typed array. The guest's bytes stay private.
   */
  copyToHost(): ArrayBufferView {
    const Host = this.type.host;
    if (this.buffer.detached)
      return new Host(new ArrayBuffer(0), 0, 0) as unknown as ArrayBufferView;
    const start = this.buffer.data.byteOffset + this.byteOffset;
    const bytes = this.buffer.data.buffer.slice(start, start + this.byteLength);
    return new Host(bytes, 0, this.arrayLength) as unknown as ArrayBufferView;
  }

  /** A host typed array over this array's elements (the buffer must not be detached). */
  hostView(): HostView {
    const data = this.buffer.data;
    return new this.type.host(data.buffer, data.byteOffset + this.byteOffset, this.arrayLength);
  }

  /** https://tc39.es/ecma262/#sec-integerindexedelementget */
  elementGet(index: number): number | bigint | undefined {
    return this.isValidIndex(index) ? this.read(index) : undefined;
  }

  /** https://tc39.es/ecma262/#sec-integerindexedelementset: converts first, then writes if valid. */
  elementSet(run: Run, index: number, v: Value): void {
    const num = toElementValue(run, this.type, v);
    if (this.isValidIndex(index)) this.write(index, num);
  }

  // ---- internal methods (https://tc39.es/ecma262/#sec-integer-indexed-exotic-objects) -------

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    const index = numericIndex(key);
    if (index === undefined) return super.getOwnProperty(run, key);
    const value = this.elementGet(index);
    if (value === undefined) return undefined;
    return { value, writable: true, enumerable: true, configurable: true };
  }

  override hasProperty(run: Run, key: Key): boolean {
    const index = numericIndex(key);
    if (index === undefined) return super.hasProperty(run, key);
    return this.isValidIndex(index);
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    const index = numericIndex(key);
    if (index === undefined) return this.ordinaryDefineOwnProperty(run, key, desc);
    if (!this.isValidIndex(index)) return false;
    if (desc.configurable === false || desc.enumerable === false) return false;
    if (isAccessorDescriptor(desc) || desc.writable === false) return false;
    if ("value" in desc) this.elementSet(run, index, desc.value);
    return true;
  }

  override get(run: Run, key: Key, receiver: Value): Value {
    const index = numericIndex(key);
    if (index === undefined) return super.get(run, key, receiver);
    return this.elementGet(index);
  }

  override set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    const index = numericIndex(key);
    if (index === undefined) return super.set(run, key, v, receiver);
    if (receiver === this) {
      this.elementSet(run, index, v);
      return true;
    }
    if (!this.isValidIndex(index)) return true;
    return ordinarySetWithOwnDescriptor(run, this, key, v, receiver);
  }

  override delete(run: Run, key: Key): boolean {
    const index = numericIndex(key);
    if (index === undefined) return super.delete(run, key);
    return !this.isValidIndex(index);
  }

  override ownKeys(run: Run): Key[] {
    const out: Key[] = [];
    if (!this.buffer.detached) {
      const len = this.arrayLength;
      run.charge(len);
      run.alloc(len * BYTES_ELEMENT);
      for (let i = 0; i < len; i++) out.push(String(i));
    }
    for (const k of orderKeys(this.storageKeys())) out.push(k);
    return out;
  }
}
