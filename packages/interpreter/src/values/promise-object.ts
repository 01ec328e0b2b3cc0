/**
 * Promise objects (https://tc39.es/ecma262/#sec-properties-of-promise-instances): ordinary
 * objects with the [[PromiseState]], [[PromiseResult]], reaction lists and [[PromiseIsHandled]]
 * slots. The brand check is `instanceof PromiseObject`. The algorithms that change these slots
 * live in intrinsics/Promise.ts; nothing here runs guest code.
 */
import type { Run } from "../runtime/run.js";
import { JSObject } from "./object.js";
import type { Shape } from "./shape.js";
import type { Value } from "./value.js";

export type PromiseState = "pending" | "fulfilled" | "rejected";

/**
 * A handler of a reaction: a guest function (the spec's JobCallback), or a host continuation
 * used internally (Await, the membrane). A host continuation stands for a built-in closure that
 * guest code can never reach, so using it directly instead of allocating a function object is
 * not observable. It returns the handler's result; a guest exception is thrown as a ThrowSignal.
 */
export type ReactionHandler = JSObject | ((run: Run, argument: Value) => Value);

/**
 * https://tc39.es/ecma262/#sec-promisecapability-records. `resolve`/`reject` are null for a
 * capability of %Promise% made internally, whose resolving functions guest code could never see:
 * the reaction job then resolves the promise directly (see intrinsics/Promise.ts).
 */
export interface PromiseCapability {
  readonly promise: JSObject;
  readonly resolve: Value;
  readonly reject: Value;
  /** True when resolve/reject were never created (an internal %Promise% capability). */
  readonly internal?: boolean;
}

/** https://tc39.es/ecma262/#sec-promisereaction-records */
export interface PromiseReaction {
  readonly capability: PromiseCapability | undefined;
  readonly type: "fulfill" | "reject";
  readonly handler: ReactionHandler | undefined;
}

export class PromiseObject extends JSObject {
  /** [[PromiseState]] */
  state: PromiseState = "pending";
  /** [[PromiseResult]] (undefined while pending) */
  result: Value = undefined;
  /** [[PromiseFulfillReactions]]; null once settled. */
  fulfillReactions: PromiseReaction[] | null = [];
  /** [[PromiseRejectReactions]]; null once settled. */
  rejectReactions: PromiseReaction[] | null = [];
  /** [[PromiseIsHandled]] */
  isHandled = false;

  constructor(shape: Shape, proto: JSObject | null) {
    super(shape, proto);
  }

  override get kind(): string {
    return "Promise";
  }
}
