/**
 * %ArrayIteratorPrototype% (https://tc39.es/ecma262/#sec-%arrayiteratorprototype%-object) and
 * CreateArrayIterator, used by Array.prototype, typed arrays and arguments objects.
 */
import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { createIterResult } from "../runtime/iteration.js";
import { lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import { TypedArrayObject } from "../values/typed-array.js";
import { arrayFromList, getElement } from "./array-ops.js";

export type ArrayIterationKind = "key" | "value" | "key+value";

/** An Array Iterator: the state of the spec's CreateArrayIterator closure. */
export class ArrayIterator extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject,
    /** The array-like being iterated; undefined once the iterator is done. */
    public iterated: JSObject | undefined,
    readonly iterationKind: ArrayIterationKind,
  ) {
    super(shape, proto);
  }

  /** The next index to visit. */
  index = 0;
  /** [[GeneratorState]] is executing: reading the length or an element runs guest code. */
  running = false;
}

/** https://tc39.es/ecma262/#sec-createarrayiterator */
export function createArrayIterator(
  run: Run,
  array: JSObject,
  kind: ArrayIterationKind,
): ArrayIterator {
  run.alloc(BYTES_OBJECT);
  return new ArrayIterator(
    run.realm.emptyShape,
    run.realm.intrinsics.ArrayIteratorPrototype,
    array,
    kind,
  );
}

/** https://tc39.es/ecma262/#sec-%arrayiteratorprototype%.next */
const next: NativeImpl = (run, thisArg) => {
  if (!(thisArg instanceof ArrayIterator)) {
    return throwTypeError(run, "%ArrayIteratorPrototype%.next called on an incompatible receiver");
  }
  const a = thisArg.iterated;
  if (a === undefined) return createIterResult(run, undefined, true);
  // GeneratorValidate: a re-entrant call from a length or element getter is a TypeError.
  if (thisArg.running) return throwTypeError(run, "Generator is already running");
  thisArg.running = true;
  try {
    return step(run, thisArg, a);
  } catch (e) {
    // An abrupt completion ends the generator.
    thisArg.iterated = undefined;
    throw e;
  } finally {
    thisArg.running = false;
  }
};

/** One step of the CreateArrayIterator closure over `a`. */
function step(run: Run, it: ArrayIterator, a: JSObject): JSObject {
  const index = it.index;
  let len: number;
  if (a instanceof TypedArrayObject) {
    if (a.detached)
      return throwTypeError(run, "Cannot iterate a typed array whose buffer is detached");
    len = a.arrayLength;
  } else {
    len = lengthOfArrayLike(run, a);
  }
  if (index >= len) {
    it.iterated = undefined;
    return createIterResult(run, undefined, true);
  }
  it.index = index + 1;
  const kind = it.iterationKind;
  if (kind === "key") return createIterResult(run, index, false);
  const value = getElement(run, a, index);
  if (kind === "value") return createIterResult(run, value, false);
  return createIterResult(run, arrayFromList(run, [index, value]), false);
}

export function installArrayIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.IteratorPrototype);
  defineMethods(realm, proto, [["next", next, 0]]);
  proto.defineData(Symbol.toStringTag, "Array Iterator", CONFIGURABLE);
  realm.intrinsics.ArrayIteratorPrototype = proto;
}
