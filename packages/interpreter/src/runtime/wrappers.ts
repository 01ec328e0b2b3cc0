/**
 * Primitive wrapper objects: Boolean, Number, BigInt and Symbol objects (ordinary objects with an
 * internal [[XData]] slot) and the String exotic object
 * (https://tc39.es/ecma262/#sec-string-exotic-objects).
 */
import type { Realm } from "../realm/realm.js";
import { isArrayIndex, orderKeys } from "../values/keys.js";
import { JSObject } from "../values/object.js";
import type { Descriptor } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import type { Key, Primitive, Value } from "../values/value.js";
import type { Run } from "./run.js";

export class PrimitiveObject extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject | null,
    readonly primitive: boolean | number | bigint | symbol,
  ) {
    super(shape, proto);
  }

  override get kind(): string {
    switch (typeof this.primitive) {
      case "boolean":
        return "Boolean";
      case "number":
        return "Number";
      case "bigint":
        return "BigInt";
      default:
        return "Symbol";
    }
  }
}

export class StringObject extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject | null,
    readonly primitive: string,
  ) {
    super(shape, proto);
    this.defineData("length", primitive.length, 0);
  }

  override get kind(): string {
    return "String";
  }

  private charAt(key: Key): string | undefined {
    if (!isArrayIndex(key)) return undefined;
    const i = Number(key);
    return i < this.primitive.length ? (this.primitive[i] as string) : undefined;
  }

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    const c = this.charAt(key);
    if (c !== undefined)
      return { value: c, writable: false, enumerable: true, configurable: false };
    return super.getOwnProperty(run, key);
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    const c = this.charAt(key);
    if (c !== undefined) {
      if (desc.configurable === true || desc.enumerable === false || desc.writable === true)
        return false;
      if ("get" in desc || "set" in desc) return false;
      return !("value" in desc) || Object.is(desc.value, c);
    }
    return super.defineOwnProperty(run, key, desc);
  }

  override hasProperty(run: Run, key: Key): boolean {
    return this.charAt(key) !== undefined || super.hasProperty(run, key);
  }

  override get(run: Run, key: Key, receiver: Value): Value {
    const c = this.charAt(key);
    return c !== undefined ? c : super.get(run, key, receiver);
  }

  override set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    if (this.charAt(key) !== undefined) return false;
    return super.set(run, key, v, receiver);
  }

  override delete(run: Run, key: Key): boolean {
    if (this.charAt(key) !== undefined) return false;
    return super.delete(run, key);
  }

  override ownKeys(run: Run): Key[] {
    const out: Key[] = [];
    for (let i = 0; i < this.primitive.length; i++) out.push(String(i));
    const rest = orderKeys(super.ownKeys(run));
    for (const k of rest) out.push(k);
    return out;
  }
}

/** Wraps a non-null primitive in its realm's wrapper object (ToObject). */
export function wrapPrimitive(realm: Realm, v: Primitive): JSObject {
  const i = realm.intrinsics;
  switch (typeof v) {
    case "string":
      return new StringObject(realm.emptyShape, i.StringPrototype, v);
    case "number":
      return new PrimitiveObject(realm.emptyShape, i.NumberPrototype, v);
    case "boolean":
      return new PrimitiveObject(realm.emptyShape, i.BooleanPrototype, v);
    case "bigint":
      return new PrimitiveObject(realm.emptyShape, i.BigIntPrototype, v);
    case "symbol":
      return new PrimitiveObject(realm.emptyShape, i.SymbolPrototype, v);
    default:
      throw new Error("internal: wrapPrimitive of null or undefined");
  }
}

/** The prototype a primitive's properties are looked up on. */
export function primitiveProto(realm: Realm, v: Primitive): JSObject {
  const i = realm.intrinsics;
  switch (typeof v) {
    case "string":
      return i.StringPrototype;
    case "number":
      return i.NumberPrototype;
    case "boolean":
      return i.BooleanPrototype;
    case "bigint":
      return i.BigIntPrototype;
    default:
      return i.SymbolPrototype;
  }
}
