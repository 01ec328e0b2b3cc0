/**
 * A host function as guest code sees it: a guest function object whose [[Call]] exports the
 * arguments, calls the host function and imports the result. Host exceptions become guest
 * errors according to the error policy; they never reach guest code as host objects.
 */

import { CoveError, GuestError, SandboxError } from "../errors.js";
import type { Realm } from "../realm/realm.js";
import type { Run } from "../runtime/run.js";
import { makeError, type NativeErrorName, ThrowSignal } from "../runtime/throw.js";
import { defineNameAndLength, JSFunction } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import { WC } from "../values/property.js";
import type { Value } from "../values/value.js";
import type { Membrane } from "./membrane.js";

const GUEST_ERROR_NAMES = new Set([
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
  "URIError",
  "EvalError",
]);

export class HostFunction extends JSFunction {
  constructor(
    readonly realm: Realm,
    private readonly membrane: Membrane,
    private readonly fn: (...args: unknown[]) => unknown,
    name: string,
  ) {
    super(realm.emptyShape, realm.intrinsics.FunctionPrototype);
    defineNameAndLength(this, name, Math.min(fn.length, 16));
  }

  get sourceText(): string {
    const name = this.storageGet("name");
    return `function ${typeof name === "string" ? name : ""}() { [native code] }`;
  }

  override call(run: Run, _thisArg: Value, args: Value[]): Value {
    run.charge(1);
    run.countHostCall();
    const m = this.membrane;
    const n = args.length;
    let hostArgs: unknown[];
    if (n === 0) hostArgs = [];
    else {
      hostArgs = new Array(n);
      for (let i = 0; i < n; i++) {
        const a = args[i];
        hostArgs[i] = typeof a === "object" && a !== null ? m.exportValue(run, a) : a;
      }
    }
    let result: unknown;
    m.enterHost(run);
    try {
      result = this.fn(...hostArgs);
    } catch (e) {
      throw hostErrorToGuest(run, m, e);
    } finally {
      m.leaveHost();
    }
    if (typeof result !== "object" && typeof result !== "function") return result as Value;
    if (result === null) return null;
    return m.importValue(run.realm, result, run);
  }
}

/**
 * What guest code sees when a host function throws. Reading the host value runs host code only
 * (its getters, a host Proxy's traps); only strings are taken from it, and if reading it fails
 * the guest gets the generic error, so nothing of the thrown value ever crosses.
 */
export function hostErrorToGuest(run: Run, m: Membrane, e: unknown): unknown {
  try {
    return classifyHostError(run, m, e);
  } catch (inner) {
    // Near the host stack's end, classifying can itself overflow: that is still an overflow.
    if (inner instanceof RangeError) {
      return new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
    }
    return new ThrowSignal(makeError(run, "Error", "Host function failed"));
  }
}

/** A string read from a host value, or undefined for anything else. */
function hostString(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function classifyHostError(run: Run, m: Membrane, e: unknown): unknown {
  if (e instanceof ThrowSignal) return e;
  if (e instanceof SandboxError) {
    const original = m.originalThrow(e);
    if (original !== undefined) return new ThrowSignal(original);
  }
  if (
    e instanceof CoveError &&
    (e.code === "COVE_BUDGET_EXHAUSTED" || e.code === "COVE_RUN_ABORTED")
  )
    return e;
  if (e instanceof RangeError && hostString(e.message)?.includes("call stack")) {
    return new ThrowSignal(makeError(run, "RangeError", "Maximum call stack size exceeded"));
  }
  if (e instanceof GuestError) {
    const guestName = hostString(e.guestName) ?? "Error";
    const native = GUEST_ERROR_NAMES.has(guestName) || guestName === "Error";
    const message = hostString(e.message) ?? "";
    const guest = makeError(run, native ? (guestName as NativeErrorName) : "Error", message);
    if (!native) guest.defineData("name", guestName, WC);
    const code = hostString(e.guestCode);
    if (code !== undefined) guest.defineData("code", code, WC);
    return new ThrowSignal(guest);
  }
  const policy = run.policy.errors;
  let name: NativeErrorName = "Error";
  let message = "Host function failed";
  if (policy !== "safe") {
    if (e instanceof Error) {
      const n = hostString(e.name);
      if (n !== undefined && GUEST_ERROR_NAMES.has(n)) name = n as NativeErrorName;
      message = hostString(e.message) ?? "";
      const stack = policy === "full" ? hostString(e.stack) : undefined;
      if (stack) message = `${message}\n[host] ${stack}`;
    } else {
      message = hostString(e) ?? "Host function failed";
    }
    if (policy === "sanitize") message = stripHostPaths(message);
  }
  const guest: JSObject = makeError(run, name, message);
  return new ThrowSignal(guest);
}

/**
 * `sanitize` keeps a host error's message but not the host's file system: absolute paths and
 * file URLs in it become `<path>` (DESIGN §2.1: no host path in guest-visible text).
 */
export function stripHostPaths(message: string): string {
  return message
    .replace(/file:\/\/[^\s'"`)]+/g, "<path>")
    .replace(/(?:[A-Za-z]:)?(?:[\\/][^\s'"`:)\\/]+){2,}[\\/]?/g, "<path>");
}
