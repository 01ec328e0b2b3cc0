/**
 * DataView objects (https://tc39.es/ecma262/#sec-dataview-objects): ordinary objects with
 * [[DataView]], [[ViewedArrayBuffer]], [[ByteLength]] and [[ByteOffset]] slots.
 */
import type { ArrayBufferObject } from "./array-buffer.js";
import { JSObject } from "./object.js";
import type { Shape } from "./shape.js";

export class DataViewObject extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject | null,
    readonly buffer: ArrayBufferObject,
    readonly byteOffset: number,
    readonly byteLength: number,
  ) {
    super(shape, proto);
  }

  override get kind(): string {
    return "DataView";
  }
}
