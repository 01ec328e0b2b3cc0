/**
 * FinalizationRegistry (https://tc39.es/ecma262/#sec-finalization-registry-objects). Cells are
 * kept per registry; the sandbox never calls cleanup callbacks (the spec lets an implementation
 * never report collection, and running guest code at host garbage-collection time would make
 * the host's collector observable and bypass the run that owns the work).
 */
import { defineGlobal, defineMethods, makeConstructor } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { isCallable, sameValue } from "../runtime/conversions.js";
import { BYTES_OBJECT, BYTES_PROPERTY } from "../runtime/costs.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import { canBeHeldWeakly } from "./WeakMap.js";

interface Cell {
  target: WeakRef<JSObject> | symbol;
  held: Value;
  token: WeakRef<JSObject> | symbol | undefined;
}

export class FinalizationRegistryObject extends JSObject {
  cleanup: JSObject | undefined;
  readonly cells: Cell[] = [];

  override get kind(): string {
    return "FinalizationRegistry";
  }
}

function weak(v: JSObject | symbol): WeakRef<JSObject> | symbol {
  return typeof v === "symbol" ? v : new WeakRef(v);
}

function deref(r: WeakRef<JSObject> | symbol | undefined): Value {
  return r === undefined || typeof r === "symbol" ? r : r.deref();
}

function thisRegistry(run: Run, v: Value, name: string): FinalizationRegistryObject {
  if (v instanceof FinalizationRegistryObject) return v;
  return throwTypeError(
    run,
    `FinalizationRegistry.prototype.${name} called on incompatible receiver`,
  );
}

export function installFinalizationRegistry(realm: Realm): void {
  const i = realm.intrinsics;
  const proto = new JSObject(realm.emptyShape, i.ObjectPrototype);
  const ctor = makeConstructor(
    realm,
    "FinalizationRegistry",
    (run, _this, args, newTarget) => {
      if (newTarget === undefined)
        return throwTypeError(run, "Constructor FinalizationRegistry requires 'new'");
      const cleanup = args[0];
      if (!isCallable(cleanup))
        return throwTypeError(run, "FinalizationRegistry: cleanup must be callable");
      const p = getPrototypeFromConstructor(run, newTarget, "FinalizationRegistryPrototype");
      run.alloc(BYTES_OBJECT);
      const r = new FinalizationRegistryObject(realm.emptyShape, p);
      r.cleanup = cleanup;
      return r;
    },
    1,
    proto,
  );
  defineMethods(realm, proto, [
    [
      "register",
      (run, thisArg, args) => {
        const r = thisRegistry(run, thisArg, "register");
        const [target, held, token] = args;
        if (!canBeHeldWeakly(run, target))
          return throwTypeError(run, "FinalizationRegistry.prototype.register: invalid target");
        if (sameValue(target, held))
          return throwTypeError(
            run,
            "FinalizationRegistry.prototype.register: target and holdings must not be the same",
          );
        if (token !== undefined && !canBeHeldWeakly(run, token)) {
          return throwTypeError(
            run,
            "FinalizationRegistry.prototype.register: invalid unregister token",
          );
        }
        run.alloc(BYTES_PROPERTY * 3);
        r.cells.push({
          target: weak(target as JSObject | symbol),
          held,
          token: token === undefined ? undefined : weak(token as JSObject | symbol),
        });
        return undefined;
      },
      2,
    ],
    [
      "unregister",
      (run, thisArg, args) => {
        const r = thisRegistry(run, thisArg, "unregister");
        const token = args[0];
        if (!canBeHeldWeakly(run, token))
          return throwTypeError(
            run,
            "FinalizationRegistry.prototype.unregister: invalid unregister token",
          );
        let removed = false;
        for (let k = r.cells.length - 1; k >= 0; k--) {
          run.charge(1);
          const cell = r.cells[k] as Cell;
          if (cell.token !== undefined && sameValue(deref(cell.token), token)) {
            r.cells.splice(k, 1);
            removed = true;
          }
        }
        return removed;
      },
      1,
    ],
  ]);
  proto.defineData(Symbol.toStringTag, "FinalizationRegistry", 4);
  i.FinalizationRegistry = ctor;
  i.FinalizationRegistryPrototype = proto;
  defineGlobal(realm, "FinalizationRegistry", ctor);
}
