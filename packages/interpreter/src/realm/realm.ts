/**
 * A realm: one sandbox's intrinsics, global object and global lexical environment
 * (https://tc39.es/ecma262/#sec-code-realms). Nothing in it is shared with the host or with other
 * sandboxes: every intrinsic is an object of the interpreter's model created for this realm.
 */
import { JobQueue } from "../runtime/jobs.js";
import type { JSArray } from "../values/array.js";
import type { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { Shape } from "../values/shape.js";
import type { Slot } from "../values/value.js";

/** The well-known intrinsics (https://tc39.es/ecma262/#sec-well-known-intrinsic-objects). */
export interface Intrinsics {
  [name: string]: JSObject;
  ObjectPrototype: JSObject;
  Object: JSObject;
  FunctionPrototype: JSObject;
  Function: JSObject;
  ArrayPrototype: JSObject;
  Array: JSObject;
  StringPrototype: JSObject;
  NumberPrototype: JSObject;
  BooleanPrototype: JSObject;
  SymbolPrototype: JSObject;
  BigIntPrototype: JSObject;
  ErrorPrototype: JSObject;
  IteratorPrototype: JSObject;
  ArrayIteratorPrototype: JSObject;
  ThrowTypeError: JSObject;
}

export interface RealmHooks {
  /** CreateDynamicFunction for `Function(...)` and friends; absent when the policy forbids it. */
  createDynamicFunction?: (
    run: import("../runtime/run.js").Run,
    kind: "normal" | "generator" | "async" | "asyncGenerator",
    args: import("../values/value.js").Value[],
    newTarget: JSObject | undefined,
  ) => JSObject;
  /** `import(specifier)`: loads and evaluates asynchronously, then calls `done` in a job of `run`. */
  importModule?: (
    run: import("../runtime/run.js").Run,
    specifier: string,
    referrer: string,
    done: (
      ok: boolean,
      value: import("../values/value.js").Value,
      run: import("../runtime/run.js").Run,
    ) => void,
  ) => void;
  /** Called after a drain of the job queue for each promise rejected and still unhandled. */
  onUnhandledRejection?: (
    reason: import("../values/value.js").Value,
    promise: JSObject,
    run: import("../runtime/run.js").Run,
  ) => void;
}

/** A global lexical binding (script-level let/const/class). */
export class GlobalCell {
  constructor(
    public v: Slot,
    readonly mutable: boolean,
  ) {}
}

export class Realm {
  readonly emptyShape = Shape.root();
  /** The shape of a function with just `length` then `name` (SetFunctionLength, SetFunctionName). */
  readonly functionShape = this.emptyShape.add("length", CONFIGURABLE).add("name", CONFIGURABLE);
  /** The intrinsics; in a lazy realm, groups not yet needed are accessors (lazy-intrinsics.ts). */
  readonly intrinsics = {} as Intrinsics;
  /** Per lazy group, whether it is materialized; undefined in an eager realm. */
  lazyDone: boolean[] | undefined = undefined;
  /** True while a lazy group's installer runs. */
  materializing = false;
  global!: JSObject;
  /** Script-level lexical declarations, shared by all scripts of the realm. */
  readonly globalLex = new Map<string, GlobalCell>();
  /** Bumped whenever a global lexical binding is added, invalidating global-reference caches. */
  globalEpoch = 0;
  /** Symbol.for registry of this sandbox. */
  readonly symbolRegistry = new Map<string, symbol>();
  /** Template objects per tagged-template site (https://tc39.es/ecma262/#sec-gettemplateobject). */
  readonly templates = new WeakMap<object, JSArray>();
  /** Compiled scripts by file name and source text (see compile/evaluate.ts). */
  readonly compileCache = new Map<string, unknown>();
  /** Promise jobs waiting to run, and rejections not yet handled (runtime/jobs.ts). */
  readonly jobs = new JobQueue();
  /** Host hooks a sandbox installs (dynamic code when its policy allows it). */
  hooks: RealmHooks = {};
}
