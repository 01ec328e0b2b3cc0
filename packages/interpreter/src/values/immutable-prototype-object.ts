import type { Run } from "../runtime/run.js";
import { JSObject } from "./object.js";

/**
 * An immutable prototype exotic object
 * (https://tc39.es/ecma262/#sec-immutable-prototype-exotic-objects): an ordinary object whose
 * [[SetPrototypeOf]] only succeeds when the prototype does not change. %Object.prototype% is one.
 */
export class ImmutablePrototypeObject extends JSObject {
  /** https://tc39.es/ecma262/#sec-set-immutable-prototype */
  override setPrototypeOf(run: Run, v: JSObject | null): boolean {
    return v === this.getPrototypeOf(run);
  }
}
