/**
 * The DataView constructor and DataView.prototype
 * (https://tc39.es/ecma262/#sec-dataview-objects, ES2023: fixed-length buffers).
 */
import {
  type AccessorRow,
  defineAccessors,
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toBoolean, toIndex } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwRangeError, throwTypeError } from "../runtime/throw.js";
import { ArrayBufferObject } from "../values/array-buffer.js";
import { DataViewObject } from "../values/data-view.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { ELEMENT_TYPES, type ElementType, toElementValue } from "../values/typed-array.js";
import type { Value } from "../values/value.js";

function thisView(run: Run, v: Value, name: string): DataViewObject {
  if (v instanceof DataViewObject) return v;
  return throwTypeError(run, `DataView.prototype.${name} called on an incompatible receiver`);
}

/** https://tc39.es/ecma262/#sec-dataview-buffer-byteoffset-bytelength */
function DataViewConstructor(
  run: Run,
  _this: Value,
  args: Value[],
  newTarget: JSObject | undefined,
): Value {
  if (newTarget === undefined) return throwTypeError(run, "Constructor DataView requires 'new'");
  const buffer = args[0];
  if (!(buffer instanceof ArrayBufferObject)) {
    return throwTypeError(run, "First argument to DataView constructor must be an ArrayBuffer");
  }
  const offset = toIndex(run, args[1]);
  if (buffer.detached)
    return throwTypeError(run, "Cannot construct a DataView on a detached ArrayBuffer");
  const bufferByteLength = buffer.byteLength;
  if (offset > bufferByteLength) {
    return throwRangeError(run, `Start offset ${offset} is outside the bounds of the buffer`);
  }
  const byteLength = args[2];
  let viewByteLength: number;
  if (byteLength === undefined) {
    viewByteLength = bufferByteLength - offset;
  } else {
    viewByteLength = toIndex(run, byteLength);
    if (offset + viewByteLength > bufferByteLength) {
      return throwRangeError(run, `Invalid DataView length ${viewByteLength}`);
    }
  }
  const proto = getPrototypeFromConstructor(run, newTarget, "DataViewPrototype");
  if (buffer.detached)
    return throwTypeError(run, "Cannot construct a DataView on a detached ArrayBuffer");
  run.alloc(BYTES_OBJECT);
  return new DataViewObject(run.realm.emptyShape, proto, buffer, offset, viewByteLength);
}

/** https://tc39.es/ecma262/#sec-get-dataview.prototype.buffer */
function getBuffer(run: Run, thisArg: Value): Value {
  return thisView(run, thisArg, "buffer").buffer;
}

/** https://tc39.es/ecma262/#sec-get-dataview.prototype.bytelength */
function getByteLength(run: Run, thisArg: Value): Value {
  const view = thisView(run, thisArg, "byteLength");
  if (view.buffer.detached) return throwTypeError(run, "DataView's buffer is detached");
  return view.byteLength;
}

/** https://tc39.es/ecma262/#sec-get-dataview.prototype.byteoffset */
function getByteOffset(run: Run, thisArg: Value): Value {
  const view = thisView(run, thisArg, "byteOffset");
  if (view.buffer.detached) return throwTypeError(run, "DataView's buffer is detached");
  return view.byteOffset;
}

/** https://tc39.es/ecma262/#sec-getviewvalue */
function getViewValue(
  run: Run,
  v: Value,
  requestIndex: Value,
  littleEndian: Value,
  type: ElementType,
): Value {
  const view = thisView(run, v, `get${type.name}`);
  const getIndex = toIndex(run, requestIndex);
  const isLittleEndian = toBoolean(littleEndian);
  const buffer = view.buffer;
  if (buffer.detached) return throwTypeError(run, "DataView's buffer is detached");
  if (getIndex + type.size > view.byteLength)
    return throwRangeError(run, "Offset is outside the bounds of the DataView");
  return type.read(buffer.view, getIndex + view.byteOffset, isLittleEndian);
}

/** https://tc39.es/ecma262/#sec-setviewvalue */
function setViewValue(
  run: Run,
  v: Value,
  requestIndex: Value,
  littleEndian: Value,
  type: ElementType,
  value: Value,
): Value {
  const view = thisView(run, v, `set${type.name}`);
  const getIndex = toIndex(run, requestIndex);
  const numberValue = toElementValue(run, type, value);
  const isLittleEndian = toBoolean(littleEndian);
  const buffer = view.buffer;
  if (buffer.detached) return throwTypeError(run, "DataView's buffer is detached");
  if (getIndex + type.size > view.byteLength)
    return throwRangeError(run, "Offset is outside the bounds of the DataView");
  type.write(buffer.view, getIndex + view.byteOffset, numberValue, isLittleEndian);
  return undefined;
}

function getter(type: ElementType): NativeImpl {
  return (run, thisArg, args) => getViewValue(run, thisArg, args[0], args[1], type);
}

function setter(type: ElementType): NativeImpl {
  return (run, thisArg, args) => setViewValue(run, thisArg, args[0], args[2], type, args[1]);
}

/** The DataView element types, in the order the spec lists the get/set methods. */
const VIEW_TYPES = [
  "BigInt64",
  "BigUint64",
  "Float32",
  "Float64",
  "Int8",
  "Int16",
  "Int32",
  "Uint8",
  "Uint16",
  "Uint32",
].map((name) => ELEMENT_TYPES.find((t) => t.name === name) as ElementType);

const methods: MethodRow[] = [
  ...VIEW_TYPES.map((t): MethodRow => [`get${t.name}`, getter(t), 1]),
  ...VIEW_TYPES.map((t): MethodRow => [`set${t.name}`, setter(t), 2]),
];

const accessors: AccessorRow[] = [
  ["buffer", getBuffer],
  ["byteLength", getByteLength],
  ["byteOffset", getByteOffset],
];

export function installDataView(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  const ctor = makeConstructor(realm, "DataView", DataViewConstructor, 1, proto);
  defineAccessors(realm, proto, accessors);
  defineMethods(realm, proto, methods);
  proto.defineData(Symbol.toStringTag, "DataView", CONFIGURABLE);
  i.DataView = ctor;
  i.DataViewPrototype = proto;
  defineGlobal(realm, "DataView", ctor);
}
