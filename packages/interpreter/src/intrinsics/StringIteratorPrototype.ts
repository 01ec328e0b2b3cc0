/**
 * %StringIteratorPrototype% (https://tc39.es/ecma262/#sec-%stringiteratorprototype%-object) and
 * the String Iterator objects CreateStringIterator makes (`"abc"[Symbol.iterator]()`). The spec
 * writes the iterator as a generator closure over the string; its observable behaviour is a
 * position that advances by one code point per `next`.
 */

import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { createIterResult } from "../runtime/iteration.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";
import { codePointAt } from "./string-ops.js";

class StringIterator extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject | null,
    /** The iterated string; undefined once the iterator is exhausted. */
    public s: string | undefined,
    public position = 0,
  ) {
    super(shape, proto);
  }
}

/** https://tc39.es/ecma262/#sec-createstringiterator */
export function createStringIterator(run: Run, s: string): JSObject {
  run.alloc(BYTES_OBJECT);
  const proto = run.realm.intrinsics.StringIteratorPrototype as JSObject;
  return new StringIterator(run.realm.emptyShape, proto, s);
}

/** https://tc39.es/ecma262/#sec-%stringiteratorprototype%.next */
function next(run: Run, thisArg: Value): Value {
  if (!(thisArg instanceof StringIterator)) {
    return throwTypeError(run, "next method called on an object that is not a String Iterator");
  }
  const s = thisArg.s;
  if (s === undefined) return createIterResult(run, undefined, true);
  const position = thisArg.position;
  if (position >= s.length) {
    thisArg.s = undefined;
    return createIterResult(run, undefined, true);
  }
  const units = codePointAt(s, position).units;
  thisArg.position = position + units;
  return createIterResult(run, s.slice(position, position + units), false);
}

export function installStringIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.IteratorPrototype);
  defineMethods(realm, proto, [["next", next, 0]]);
  proto.defineData(Symbol.toStringTag, "String Iterator", CONFIGURABLE);
  realm.intrinsics.StringIteratorPrototype = proto;
}
