import type { JSObject } from "./object.js";
import type { Value } from "./value.js";

/** Property attribute bits, stored per slot in a shape or per dictionary entry. */
export const WRITABLE = 1;
export const ENUMERABLE = 2;
export const CONFIGURABLE = 4;
export const ACCESSOR = 8;
/** writable | enumerable | configurable: what ordinary assignment creates. */
export const WEC = 7;
/** writable | configurable: built-in methods and most intrinsic data properties. */
export const WC = 5;

/** The storage of an accessor property: never a guest value, never handed to guest code. */
export class Accessor {
  constructor(
    public get: JSObject | undefined,
    public set: JSObject | undefined,
  ) {}
}

/** What a slot or dictionary entry holds: a data value or, with the ACCESSOR bit, an Accessor. */
export type Stored = Value | Accessor;

/**
 * A Property Descriptor (https://tc39.es/ecma262/#sec-property-descriptor-specification-type).
 * Absent fields are absent (`"value" in d` is false), not undefined.
 */
export interface Descriptor {
  value?: Value;
  writable?: boolean;
  get?: JSObject | undefined;
  set?: JSObject | undefined;
  enumerable?: boolean;
  configurable?: boolean;
}

export function isAccessorDescriptor(d: Descriptor): boolean {
  return "get" in d || "set" in d;
}

export function isDataDescriptor(d: Descriptor): boolean {
  return "value" in d || "writable" in d;
}

/** Builds the complete descriptor of a stored property. */
export function toDescriptor(stored: Stored, attrs: number): Descriptor {
  if (attrs & ACCESSOR) {
    const a = stored as Accessor;
    return {
      get: a.get,
      set: a.set,
      enumerable: (attrs & ENUMERABLE) !== 0,
      configurable: (attrs & CONFIGURABLE) !== 0,
    };
  }
  return {
    value: stored as Value,
    writable: (attrs & WRITABLE) !== 0,
    enumerable: (attrs & ENUMERABLE) !== 0,
    configurable: (attrs & CONFIGURABLE) !== 0,
  };
}

/** A dictionary-mode property. `attrs` < 0 marks an entry that was deleted (for global caches). */
export class Entry {
  constructor(
    public v: Stored,
    public attrs: number,
  ) {}
}
