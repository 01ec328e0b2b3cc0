/**
 * WeakMap and WeakSet objects (https://tc39.es/ecma262/#sec-weakmap-objects,
 * https://tc39.es/ecma262/#sec-weakset-objects). Their [[WeakMapData]] / [[WeakSetData]] is a
 * host WeakMap / WeakSet keyed by the guest key itself (a guest object, or a symbol that is not
 * in the sandbox's Symbol.for registry): host-side storage that guest code never sees, and
 * that lets the host collect entries whose key is unreachable, as the spec allows.
 */
import { JSObject } from "./object.js";
import type { Shape } from "./shape.js";
import type { Value } from "./value.js";

/** A value for which CanBeHeldWeakly is true. */
export type GuestWeakKey = JSObject | symbol;

export class WeakMapObject extends JSObject {
  /** [[WeakMapData]] */
  readonly data = new WeakMap<GuestWeakKey, Value>();

  constructor(shape: Shape, proto: JSObject | null) {
    super(shape, proto);
  }

  override get kind(): string {
    return "WeakMap";
  }
}

export class WeakSetObject extends JSObject {
  /** [[WeakSetData]] */
  readonly data = new WeakSet<GuestWeakKey>();

  constructor(shape: Shape, proto: JSObject | null) {
    super(shape, proto);
  }

  override get kind(): string {
    return "WeakSet";
  }
}
