import type { JSObject } from "./object.js";

/** A primitive guest value. Primitives are host primitives: they carry no host capability. */
export type Primitive = undefined | null | boolean | number | string | bigint | symbol;

/** Every value guest code can hold: a primitive or an object of the interpreter's own model. */
export type Value = Primitive | JSObject;

/** A property key after ToPropertyKey: canonical strings (array indices included) and symbols. */
export type Key = string | symbol;

/**
 * Marks an uninitialised lexical binding (TDZ) or `this` before `super()`. Never escapes: every
 * read of a slot that can hold it checks for it first.
 */
export const UNINIT: unique symbol = Symbol("uninitialized");

/** Marks a hole in an array's dense element storage. Never escapes: element reads check for it. */
export const HOLE: unique symbol = Symbol("hole");

export type Slot = Value | typeof UNINIT;
