/**
 * %RegExpStringIteratorPrototype% (https://tc39.es/ecma262/#sec-%regexpstringiteratorprototype%-object)
 * and the iterators `String.prototype.matchAll` / `RegExp.prototype[Symbol.matchAll]` return.
 */

import { defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toString } from "../runtime/conversions.js";
import { BYTES_OBJECT } from "../runtime/costs.js";
import { createIterResult } from "../runtime/iteration.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";
import { regExpExec } from "./RegExp.js";
import { advanceAfterEmptyMatch } from "./RegExpPrototype.js";

class RegExpStringIterator extends JSObject {
  done = false;

  constructor(
    shape: Shape,
    proto: JSObject | null,
    readonly matcher: JSObject,
    readonly s: string,
    readonly global: boolean,
    readonly fullUnicode: boolean,
  ) {
    super(shape, proto);
  }
}

/** https://tc39.es/ecma262/#sec-createregexpstringiterator */
export function createRegExpStringIterator(
  run: Run,
  matcher: JSObject,
  s: string,
  global: boolean,
  fullUnicode: boolean,
): JSObject {
  run.alloc(BYTES_OBJECT);
  const proto = run.realm.intrinsics.RegExpStringIteratorPrototype as JSObject;
  return new RegExpStringIterator(run.realm.emptyShape, proto, matcher, s, global, fullUnicode);
}

/** https://tc39.es/ecma262/#sec-%regexpstringiteratorprototype%.next */
function next(run: Run, thisArg: Value): Value {
  if (!(thisArg instanceof JSObject)) {
    return throwTypeError(run, "RegExp String Iterator next called on non-object");
  }
  if (!(thisArg instanceof RegExpStringIterator)) {
    return throwTypeError(
      run,
      "next method called on an object that is not a RegExp String Iterator",
    );
  }
  if (thisArg.done) return createIterResult(run, undefined, true);
  const { matcher, s } = thisArg;
  const match = regExpExec(run, matcher, s);
  if (match === null) {
    thisArg.done = true;
    return createIterResult(run, undefined, true);
  }
  if (!thisArg.global) {
    thisArg.done = true;
    return createIterResult(run, match, false);
  }
  const matchStr = toString(run, match.get(run, "0", match));
  if (matchStr === "") advanceAfterEmptyMatch(run, matcher, s, thisArg.fullUnicode);
  return createIterResult(run, match, false);
}

export function installRegExpStringIteratorPrototype(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.IteratorPrototype);
  defineMethods(realm, proto, [["next", next, 0]]);
  proto.defineData(Symbol.toStringTag, "RegExp String Iterator", CONFIGURABLE);
  realm.intrinsics.RegExpStringIteratorPrototype = proto;
}
