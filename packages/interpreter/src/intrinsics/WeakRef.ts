/**
 * WeakRef (https://tc39.es/ecma262/#sec-weak-ref-objects). The target is held through a host
 * WeakRef, so a WeakRef does not keep guest objects alive; when the host collects a target,
 * `deref()` returns undefined. The host reference is internal and never reaches guest code.
 */
import { defineGlobal, defineMethods, makeConstructor } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";
import { canBeHeldWeakly } from "./WeakMap.js";

export class WeakRefObject extends JSObject {
  private readonly ref: WeakRef<JSObject> | symbol;

  constructor(shape: Shape, proto: JSObject | null, target: JSObject | symbol) {
    super(shape, proto);
    this.ref = typeof target === "symbol" ? target : new WeakRef(target);
  }

  override get kind(): string {
    return "WeakRef";
  }

  deref(): Value {
    return typeof this.ref === "symbol" ? this.ref : this.ref.deref();
  }
}

function thisWeakRef(run: Run, v: Value): WeakRefObject {
  if (v instanceof WeakRefObject) return v;
  return throwTypeError(run, "WeakRef.prototype.deref called on incompatible receiver");
}

export function installWeakRef(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  const ctor = makeConstructor(
    realm,
    "WeakRef",
    (run, _this, args, newTarget) => {
      if (newTarget === undefined) return throwTypeError(run, "Constructor WeakRef requires 'new'");
      const target = args[0];
      if (!canBeHeldWeakly(run, target)) return throwTypeError(run, "WeakRef: invalid target");
      const p = getPrototypeFromConstructor(run, newTarget, "WeakRefPrototype");
      run.alloc(BYTES_OBJECT);
      return new WeakRefObject(realm.emptyShape, p, target as JSObject | symbol);
    },
    1,
    proto,
  );
  defineMethods(realm, proto, [["deref", (run, thisArg) => thisWeakRef(run, thisArg).deref(), 0]]);
  proto.defineData(Symbol.toStringTag, "WeakRef", 4);
  i.WeakRef = ctor;
  i.WeakRefPrototype = proto;
  defineGlobal(realm, "WeakRef", ctor);
}
