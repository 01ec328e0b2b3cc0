/**
 * ArrayBuffer objects (https://tc39.es/ecma262/#sec-arraybuffer-objects): an ordinary object with
 * an [[ArrayBufferData]] byte block. The block is a host Uint8Array that never leaves this class
 * unwrapped: guest code reaches the bytes only through typed arrays and DataViews, which read and
 * write numbers (pure work on primitives). Detaching drops the block for good.
 */
import { JSObject } from "./object.js";
import type { Shape } from "./shape.js";

const EMPTY = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);

/** Largest byte length this implementation will allocate (CreateByteDataBlock throws above it). */
export const MAX_BYTE_LENGTH = 2 ** 32;

/** Bytes a built-in copies, fills or converts per unit of fuel. */
const BYTES_PER_FUEL = 64;

/** Fuel for touching `bytes` bytes of a data block. */
export function byteFuel(bytes: number): number {
  return 1 + Math.floor(bytes / BYTES_PER_FUEL);
}

export class ArrayBufferObject extends JSObject {
  /** [[ArrayBufferData]]; empty once detached. */
  data: Uint8Array;
  /** A host DataView over `data`, for reading and writing element values. */
  view: DataView;
  /** [[ArrayBufferDetachKey]] is always undefined here; detaching is driven by the host. */
  detached = false;

  constructor(shape: Shape, proto: JSObject | null, data: Uint8Array) {
    super(shape, proto);
    this.data = data;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  override get kind(): string {
    return "ArrayBuffer";
  }

  /** [[ArrayBufferByteLength]]; 0 once detached. */
  get byteLength(): number {
    return this.data.byteLength;
  }

  /** https://tc39.es/ecma262/#sec-detacharraybuffer (used by `$262.detachArrayBuffer`). */
  detach(): void {
    this.data = EMPTY;
    this.view = EMPTY_VIEW;
    this.detached = true;
  }
}
