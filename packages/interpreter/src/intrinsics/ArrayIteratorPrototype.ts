/**
 * %ArrayIteratorPrototype% (https://tc39.es/ecma262/#sec-%arrayiteratorprototype%-object) and
 * CreateArrayIterator, used by Array.prototype, typed arrays and arguments objects.
 */
import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { createIterResult, DONE } from "../runtime/iteration.js";
import { lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import type { BuiltinFunction, IteratorStep, NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import { TypedArrayObject } from "../values/typed-array.js";
import type { Value } from "../values/value.js";
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

/** https://tc39.es/ecma262/#sec-%arrayiteratorprototype%.next, without the result object. */
const nextValue: IteratorStep = (run, thisArg) => {
  if (!(thisArg instanceof ArrayIterator)) {
    return throwTypeError(run, "%ArrayIteratorPrototype%.next called on an incompatible receiver");
  }
  const a = thisArg.iterated;
  if (a === undefined) return DONE;
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

/** https://tc39.es/ecma262/#sec-%arrayiteratorprototype%.next */
const next: NativeImpl = (run, thisArg) => {
  const v = nextValue(run, thisArg);
  return v === DONE ? createIterResult(run, undefined, true) : createIterResult(run, v, false);
};

/** One step of the CreateArrayIterator closure over `a`. */
function step(run: Run, it: ArrayIterator, a: JSObject): Value | typeof DONE {
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
    return DONE;
  }
  it.index = index + 1;
  const kind = it.iterationKind;
  if (kind === "key") return index;
  const value = getElement(run, a, index);
  if (kind === "value") return value;
  return arrayFromList(run, [index, value]);
}

export function installArrayIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.IteratorPrototype);
  defineMethods(realm, proto, [["next", next, 0]]);
  (proto.storageGet("next") as BuiltinFunction).step = nextValue;
  proto.defineData(Symbol.toStringTag, "Array Iterator", CONFIGURABLE);
  realm.intrinsics.ArrayIteratorPrototype = proto;
}
