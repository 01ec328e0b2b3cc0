/**
 * The host-defined bindings test262 expects (INTERPRETING.md, "Host-Defined Functions"): `print`
 * and `$262`, built as guest objects of the test's realm from interpreter internals. Each
 * `$262.createRealm()` makes a realm of its own with its own `$262`; objects pass between realms
 * as themselves, so cross-realm identity holds. Not provided: `IsHTMLDDA` and `agent` (the
 * profile excludes the features that need them) and `AbstractModuleSource`.
 */
import { CompileError } from "../src/compile/evaluate.js";
import { defineMethods, makeFunction } from "../src/realm/bootstrap.js";
import type { Realm } from "../src/realm/realm.js";
import { toString as toJSString } from "../src/runtime/conversions.js";
import type { Run } from "../src/runtime/run.js";
import { type NativeErrorName, ThrowSignal } from "../src/runtime/throw.js";
import { ArrayBufferObject } from "../src/values/array-buffer.js";
import { captureStack, ErrorObject } from "../src/values/error-object.js";
import { JSObject } from "../src/values/object.js";
import { WC } from "../src/values/property.js";
import type { Value } from "../src/values/value.js";

/** Evaluates `sourceText` as a script of `realm` within `run` (ScriptEvaluation). */
export type EvaluateScript = (
  run: Run,
  realm: Realm,
  sourceText: string,
  filename: string,
) => Value;

export interface HostContext {
  /** Creates the realm of a test or of `$262.createRealm()` (intrinsics, eval enabled). */
  newRealm: () => Realm;
  evaluate: EvaluateScript;
  /** Whether a compile error is syntax the interpreter does not support yet (not a SyntaxError). */
  isUnsupported: (e: CompileError) => boolean;
  /** Everything guest code passed to `print`, in order, across all realms of the test. */
  printed: string[];
}

/** Defines `print` and `$262` on the realm's global object and returns the `$262` object. */
export function install262(realm: Realm, host: HostContext): JSObject {
  const $262 = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  defineMethods(realm, $262, [
    ["createRealm", () => install262(host.newRealm(), host), 0],
    ["detachArrayBuffer", (run, _this, args) => detachArrayBuffer(run, realm, args[0]), 1],
    ["evalScript", (run, _this, args) => evalScript(run, realm, host, args[0]), 1],
    [
      "gc",
      (run) => throwIn(run, realm, "TypeError", "$262.gc: this host cannot collect garbage"),
      0,
    ],
  ]);
  $262.defineData("global", realm.global, WC);
  const print = makeFunction(
    realm,
    (run, _this, args) => {
      host.printed.push(toJSString(run, args[0]));
      return undefined;
    },
    "print",
    1,
  );
  realm.global.defineData("print", print, WC);
  realm.global.defineData("$262", $262, WC);
  return $262;
}

/**
 * `$262.evalScript`: ParseScript then ScriptEvaluation in the realm `$262` belongs to; a parse
 * error becomes a SyntaxError of that realm, thrown to the caller. Unsupported syntax stays a host
 * error, so the test fails as "unsupported" rather than passing an assert.throws(SyntaxError).
 */
function evalScript(run: Run, realm: Realm, host: HostContext, source: Value): Value {
  const text = toJSString(run, source);
  try {
    return host.evaluate(run, realm, text, "evalScript.js");
  } catch (e) {
    if (e instanceof CompileError && !host.isUnsupported(e)) {
      return throwIn(run, realm, "SyntaxError", e.message);
    }
    throw e;
  }
}

/** https://tc39.es/ecma262/#sec-detacharraybuffer */
function detachArrayBuffer(run: Run, realm: Realm, buffer: Value): Value {
  if (!(buffer instanceof ArrayBufferObject)) {
    return throwIn(run, realm, "TypeError", "$262.detachArrayBuffer: not an ArrayBuffer");
  }
  buffer.detach();
  return null;
}

/** Throws a new error of `realm` (not necessarily the run's realm). */
function throwIn(run: Run, realm: Realm, name: NativeErrorName, message: string): never {
  const proto = realm.intrinsics[`${name}Prototype`] ?? null;
  const e = new ErrorObject(realm.emptyShape, proto, captureStack(run));
  e.defineData("message", message, WC);
  throw new ThrowSignal(e);
}
