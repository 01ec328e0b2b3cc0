/**
 * Arguments objects (https://tc39.es/ecma262/#sec-arguments-exotic-objects). Sloppy functions
 * with simple parameter lists get a mapped object whose indices alias the parameter slots.
 */
import { arrayIndexOf } from "../values/keys.js";
import { JSObject } from "../values/object.js";
import { type Descriptor, isAccessorDescriptor, WC, WEC } from "../values/property.js";
import type { Key, Value } from "../values/value.js";
import { BYTES_ELEMENT, BYTES_OBJECT } from "./costs.js";
import type { Env, Frame } from "./frame.js";
import type { Run } from "./run.js";

export class ArgumentsObject extends JSObject {
  /** Index → parameter slot while the index is still mapped (mapped arguments only). */
  map: (number | undefined)[] | undefined;
  env: Env | undefined;

  override get kind(): string {
    return "Arguments";
  }

  private slotOf(key: Key): number | undefined {
    const m = this.map;
    if (m === undefined) return undefined;
    const i = arrayIndexOf(key);
    return i < 0 ? undefined : m[i];
  }

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    const d = super.getOwnProperty(run, key);
    if (d === undefined) return undefined;
    const slot = this.slotOf(key);
    if (slot !== undefined) d.value = (this.env as Env).v[slot] as Value;
    return d;
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    const slot = this.slotOf(key);
    let d = desc;
    if (
      slot !== undefined &&
      !isAccessorDescriptor(desc) &&
      !("value" in desc) &&
      desc.writable === false
    ) {
      d = { ...desc, value: (this.env as Env).v[slot] as Value };
    }
    if (!this.ordinaryDefineOwnProperty(run, key, d)) return false;
    if (slot !== undefined) {
      if (isAccessorDescriptor(desc)) this.unmap(key);
      else {
        if ("value" in desc) (this.env as Env).v[slot] = desc.value;
        if (desc.writable === false) this.unmap(key);
      }
    }
    return true;
  }

  override get(run: Run, key: Key, receiver: Value): Value {
    const slot = this.slotOf(key);
    if (slot !== undefined) return (this.env as Env).v[slot] as Value;
    return super.get(run, key, receiver);
  }

  override set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    const slot = receiver === this ? this.slotOf(key) : undefined;
    if (slot !== undefined) (this.env as Env).v[slot] = v;
    return super.set(run, key, v, receiver);
  }

  override delete(run: Run, key: Key): boolean {
    const ok = super.delete(run, key);
    if (ok && this.slotOf(key) !== undefined) this.unmap(key);
    return ok;
  }

  private unmap(key: Key): void {
    (this.map as (number | undefined)[])[arrayIndexOf(key)] = undefined;
  }
}

/**
 * CreateMappedArgumentsObject / CreateUnmappedArgumentsObject. `paramSlots` (mapped only) are
 * the frame slots of the formal parameters, by position.
 */
export function createArguments(
  f: Frame,
  paramSlots: readonly number[] | undefined,
): ArgumentsObject {
  const run = f.run;
  const realm = run.realm;
  const args = f.args;
  run.alloc(BYTES_OBJECT + args.length * BYTES_ELEMENT);
  const o = new ArgumentsObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  for (let i = 0; i < args.length; i++) o.storageAdd(String(i), args[i], WEC);
  o.storageAdd("length", args.length, WC);
  const values = realm.intrinsics.ArrayPrototype?.storageGet("values");
  o.storageAdd(Symbol.iterator, typeof values === "object" ? (values as JSObject) : undefined, WC);
  if (paramSlots !== undefined) {
    const map: (number | undefined)[] = [];
    const n = Math.min(paramSlots.length, args.length);
    for (let i = 0; i < n; i++) {
      const slot = paramSlots[i] as number;
      // With duplicate parameter names only the last occurrence is mapped.
      if (paramSlots.lastIndexOf(slot) === i) map[i] = slot;
    }
    o.map = map;
    o.env = f;
    o.storageAdd("callee", f.fn as JSObject, WC);
  } else {
    const thrower = realm.intrinsics.ThrowTypeError;
    o.defineAccessor("callee", thrower, thrower, 0);
  }
  return o;
}
