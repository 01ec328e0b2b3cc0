/**
 * %GeneratorFunction%, %GeneratorFunction.prototype% and %GeneratorPrototype%
 * (https://tc39.es/ecma262/#sec-generatorfunction-objects), plus %AsyncFunction% and its prototype
 * (https://tc39.es/ecma262/#sec-async-function-objects).
 */
import { defineMethods, type MethodRow, makeConstructor } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { AsyncGeneratorObject } from "../runtime/async-generator.js";
import type { ResumeMode } from "../runtime/generator.js";
import { thisGenerator } from "../runtime/generator.js";
import { makeError, throwTypeError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { newPromise, rejectPromise } from "./promise-ops.js";

const generatorMethods: MethodRow[] = [
  ["next", (run, g, args) => thisGenerator(run, g, "next").resume(run, "next", args[0]), 1],
  ["return", (run, g, args) => thisGenerator(run, g, "return").resume(run, "return", args[0]), 1],
  ["throw", (run, g, args) => thisGenerator(run, g, "throw").resume(run, "throw", args[0]), 1],
];

function asyncGeneratorMethod(mode: ResumeMode): NativeImpl {
  return (run, g, args) => {
    if (!(g instanceof AsyncGeneratorObject)) {
      const p = newPromise(run, run.realm.intrinsics.PromisePrototype as JSObject);
      rejectPromise(
        run,
        p as never,
        makeError(
          run,
          "TypeError",
          `AsyncGenerator.prototype.${mode} called on an incompatible receiver`,
        ),
      );
      return p;
    }
    return g.enqueue(run, mode, args[0]);
  };
}

function dynamic(kind: "generator" | "async" | "asyncGenerator"): NativeImpl {
  return (run, _t, args, newTarget) => {
    const hook = run.realm.hooks.createDynamicFunction;
    if (hook === undefined)
      return throwTypeError(
        run,
        "Code generation from strings is disallowed by the sandbox policy",
      );
    return hook(run, kind, args, newTarget);
  };
}

export function installGenerator(realm: Realm): void {
  const i = realm.intrinsics;
  const shape = realm.emptyShape;

  const genProto = new JSObject(shape, i.IteratorPrototype);
  defineMethods(realm, genProto, generatorMethods);
  genProto.defineData(Symbol.toStringTag, "Generator", CONFIGURABLE);

  const genFnProto = new JSObject(shape, i.FunctionPrototype);
  genFnProto.defineData("prototype", genProto, CONFIGURABLE);
  genProto.defineData("constructor", genFnProto, CONFIGURABLE);
  genFnProto.defineData(Symbol.toStringTag, "GeneratorFunction", CONFIGURABLE);
  const genFn = makeConstructor(
    realm,
    "GeneratorFunction",
    dynamic("generator"),
    1,
    undefined,
    i.Function,
  );
  genFn.defineData("prototype", genFnProto, 0);
  genFnProto.defineData("constructor", genFn, CONFIGURABLE);
  i.GeneratorPrototype = genProto;
  i.GeneratorFunctionPrototype = genFnProto;
  i.GeneratorFunction = genFn;

  const asyncFnProto = new JSObject(shape, i.FunctionPrototype);
  asyncFnProto.defineData(Symbol.toStringTag, "AsyncFunction", CONFIGURABLE);
  const asyncFn = makeConstructor(
    realm,
    "AsyncFunction",
    dynamic("async"),
    1,
    undefined,
    i.Function,
  );
  asyncFn.defineData("prototype", asyncFnProto, 0);
  asyncFnProto.defineData("constructor", asyncFn, CONFIGURABLE);
  i.AsyncFunctionPrototype = asyncFnProto;
  i.AsyncFunction = asyncFn;

  const asyncIterProto = new JSObject(shape, i.ObjectPrototype);
  defineMethods(realm, asyncIterProto, [[Symbol.asyncIterator, (_run, thisArg) => thisArg, 0]]);
  i.AsyncIteratorPrototype = asyncIterProto;
  const agProto = new JSObject(shape, asyncIterProto);
  defineMethods(realm, agProto, [
    ["next", asyncGeneratorMethod("next"), 1],
    ["return", asyncGeneratorMethod("return"), 1],
    ["throw", asyncGeneratorMethod("throw"), 1],
  ]);
  agProto.defineData(Symbol.toStringTag, "AsyncGenerator", CONFIGURABLE);
  const agFnProto = new JSObject(shape, i.FunctionPrototype);
  agFnProto.defineData("prototype", agProto, CONFIGURABLE);
  agProto.defineData("constructor", agFnProto, CONFIGURABLE);
  agFnProto.defineData(Symbol.toStringTag, "AsyncGeneratorFunction", CONFIGURABLE);
  const agFn = makeConstructor(
    realm,
    "AsyncGeneratorFunction",
    dynamic("asyncGenerator"),
    1,
    undefined,
    i.Function,
  );
  agFn.defineData("prototype", agFnProto, 0);
  agFnProto.defineData("constructor", agFn, CONFIGURABLE);
  i.AsyncGeneratorPrototype = agProto;
  i.AsyncGeneratorFunctionPrototype = agFnProto;
  i.AsyncGeneratorFunction = agFn;
}
