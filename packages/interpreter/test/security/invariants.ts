/**
 * Host-side invariant checks for the attack suite (DESIGN §2.1, §2.4, §2.5; issue 5).
 *
 * Every check here runs in the host and looks at the sandbox from outside: the object graph of
 * its realm (walked structurally through the interpreter's own data structures, so no guest code
 * runs and nothing crosses the membrane while looking), the host's own intrinsics, the text guest
 * code can read, and how fast a runaway run is stopped.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { types } from "node:util";
import { expect } from "vitest";
import {
  createSandbox,
  ResourceExhaustedError,
  RunAbortedError,
  type Sandbox,
  SandboxError,
} from "../../src/index.js";
import { HostFunction } from "../../src/membrane/host-function.js";
import type { Realm } from "../../src/realm/realm.js";
import { ClosureFunction } from "../../src/runtime/closure.js";
import { Env } from "../../src/runtime/frame.js";
import { BuiltinFunction } from "../../src/values/function.js";
import { JSObject } from "../../src/values/object.js";
import { Accessor, Entry } from "../../src/values/property.js";

// ---- reaching a sandbox's internals (test-only) --------------------------------------------

/** The realm of a sandbox (a private field; read here for the structural walk only). */
export function realmOf(sandbox: Sandbox): Realm {
  return (sandbox as unknown as { realm: Realm }).realm;
}

// ---- 1. no host object reachable -----------------------------------------------------------

/**
 * Fields of the interpreter's internal records that hold host machinery by design and are
 * never handed to guest code: compiled code, shapes, the realm and run records, the membrane,
 * the host function a HostFunction wraps, a built-in's implementation, a generator's suspended
 * host body, a RegExp's host matcher, an ArrayBuffer's bytes. The walk does not descend into
 * them (the realm itself is a root of the walk).
 */
const OPAQUE_FIELDS = new Set([
  "shape",
  "realm",
  "run",
  "code",
  "source",
  "membrane",
  "account",
  "limits",
  "policy",
  "signal",
  "impl",
  "matcher",
  "hooks",
  "compileCache",
  "templates",
  "symbolRegistry",
  "emptyShape",
  "liveBefore",
  "type",
]);

/**
 * Where a host function may be held: the function a HostFunction wraps, a class constructor's
 * field initialiser hook, a built-in iterator `next`'s result-free step, and the host continuations of internal records (promise reactions,
 * queued jobs) that guest code cannot reach. Anywhere else a host function is a leak.
 */
function hostCodeAllowed(owner: unknown, field: string): boolean {
  if (owner instanceof HostFunction) return field === "fn";
  if (owner instanceof ClosureFunction) return field === "init";
  if (owner instanceof BuiltinFunction) return field === "step";
  if (owner instanceof JSObject) return false;
  // Promise reactions and jobs, a module's resumable body and its export cells' readers.
  return ["handler", "job", "onHostSettled", "body", "rbody", "read"].includes(field);
}

/** Host containers the interpreter uses for its own storage; the walk looks inside them. */
function isContainer(x: object): boolean {
  const p = Object.getPrototypeOf(x);
  return (
    p === Object.prototype ||
    p === null ||
    Array.isArray(x) ||
    x instanceof Map ||
    x instanceof Set ||
    x instanceof Accessor ||
    x instanceof Entry ||
    x instanceof Env
  );
}

/** Classes of interpreter-internal records (not JSObjects) whose fields the walk follows. */
const INTERNAL_RECORD_CLASSES = new Set([
  "Storage",
  "OrderedTable",
  "Cursor",
  "GlobalCell",
  "JobQueue",
  "ImportCell",
  "ExportCell",
  "Suspend",
  "GeneratorReturn",
  "SourceModule",
  "SyntheticModule",
  "PrivateName",
  // A global not yet made by a lazy realm: holds only its group's index (realm/lazy-intrinsics.ts).
  "LazyRef",
]);

/** Host objects an interpreter record may hold as its private storage (never as a value). */
const HOST_STORAGE_FIELDS: Record<string, (x: object) => boolean> = {
  data: (x) => x instanceof Uint8Array || x instanceof WeakMap || x instanceof WeakSet,
  view: (x) => x instanceof DataView,
  body: (x) => types.isGeneratorObject(x),
  /** A private name's per-object values (guest values, but not enumerable from the host). */
  fields: (x) => x instanceof WeakMap,
};

/** Fields where a guest WeakRef or FinalizationRegistry keeps a host WeakRef to its target. */
const WEAK_REF_FIELDS = new Set(["ref", "target", "token"]);

export interface Violation {
  path: string;
  what: string;
}

/**
 * Walks everything a sandbox's realm retains — the global object, every intrinsic, script-level
 * lexical bindings, queued jobs and pending rejections — through object storage (shape slots and
 * dictionary entries), accessors, prototypes, closures' environments and frames, bound targets
 * and arguments, Map/Set storage, Proxy target and handler, promise results and reactions,
 * generator frames, iterators and arguments objects. Returns every reached value that is neither
 * a primitive nor an object of the interpreter's model.
 */
export function findHostObjects(
  sandbox: Sandbox,
  extraRoots: unknown[] = [],
  guestObjects?: Set<JSObject>,
): Violation[] {
  const realm = realmOf(sandbox);
  const violations: Violation[] = [];
  const seen = new Set<object>();
  // Breadth-first; a path is kept as (parent entry, label) and spelled out only for a violation.
  const values: unknown[] = [];
  const parents: number[] = [];
  const labels: string[] = [];
  const fields: string[] = [];
  const push = (x: unknown, parent: number, label: string, field: string) => {
    if (x === null || (typeof x !== "object" && typeof x !== "function")) return;
    values.push(x);
    parents.push(parent);
    labels.push(label);
    fields.push(field);
  };
  const pathOf = (i: number): string => {
    const parts: string[] = [];
    for (let j = i; j >= 0 && parts.length < 24; j = parents[j] as number)
      parts.push(labels[j] as string);
    return parts.reverse().join("");
  };

  push(realm.global, -1, "global", "");
  for (const [k, v] of Object.entries(realm.intrinsics)) push(v, -1, `%${k}%`, "");
  for (const [k, cell] of realm.globalLex) push(cell, -1, `lex:${k}`, "");
  push(realm.jobs, -1, "jobs", "");
  const modules = (sandbox as unknown as { modules?: { map?: unknown } }).modules;
  if (modules?.map !== undefined) push(modules.map, -1, "modules", "");
  for (const [i, r] of extraRoots.entries()) push(r, -1, `extra[${i}]`, "");

  const bad = (i: number, what: string) => violations.push({ path: pathOf(i), what });

  for (let qi = 0; qi < values.length; qi++) {
    const o = values[qi] as object;
    const field = fields[qi] as string;
    if (seen.has(o)) continue;
    seen.add(o);
    if (types.isProxy(o)) {
      bad(qi, "a host Proxy");
      continue;
    }
    if (typeof o === "function") {
      const owner = parents[qi] === -1 ? undefined : values[parents[qi] as number];
      if (!hostCodeAllowed(owner, field)) bad(qi, `a host function ${describe(o)}`);
      continue;
    }
    if (o instanceof Error) {
      bad(qi, `a host Error ${describe(o)}`);
      continue;
    }
    if (o instanceof Promise) {
      // A module record waits on its asynchronous evaluation with a host promise of its own.
      const owner = parents[qi] === -1 ? undefined : values[parents[qi] as number];
      if (!(field === "pending" && isInternalRecord(owner as object))) bad(qi, "a host Promise");
      continue;
    }
    if (o instanceof JSObject) guestObjects?.add(o);
    if (o instanceof JSObject || isContainer(o) || isInternalRecord(o)) {
      if (o instanceof Map) {
        let n = 0;
        for (const [k, v] of o) {
          push(k, qi, `<key ${n++}>`, field);
          push(v, qi, `<${keyName(k)}>`, field);
        }
        continue;
      }
      if (o instanceof Set) {
        let n = 0;
        for (const v of o) push(v, qi, `<item ${n++}>`, field);
        continue;
      }
      if (Array.isArray(o)) {
        for (let i = 0; i < o.length; i++) push(o[i], qi, `[${i}]`, field);
        continue;
      }
      if (o instanceof JSObject && o.shape !== null) {
        // Shape-mode slots first, under their property names, for readable paths.
        const keys = o.shape.keys();
        for (let i = 0; i < keys.length; i++) push(o.slots[i], qi, `.${keyName(keys[i])}`, "slot");
      }
      for (const k of Object.keys(o)) {
        if (OPAQUE_FIELDS.has(k)) continue;
        push((o as Record<string, unknown>)[k], qi, `.${k}`, k);
      }
      continue;
    }
    if (o instanceof WeakRef && WEAK_REF_FIELDS.has(field)) {
      // A guest WeakRef / FinalizationRegistry cell holds its target weakly through a host
      // WeakRef: internal storage, whose target must itself be a guest value.
      push(o.deref(), qi, ".deref()", "slot");
      continue;
    }
    if (HOST_STORAGE_FIELDS[field]?.(o)) continue;
    bad(qi, `a host object ${describe(o)}`);
  }
  walked.count = seen.size;
  return violations;
}

/** How many host objects the last walk visited (for the walker's own sanity test). */
export const walked = { count: 0 };

function isInternalRecord(o: object): boolean {
  const name = (o as { constructor?: { name?: string } }).constructor?.name;
  return name !== undefined && INTERNAL_RECORD_CLASSES.has(name);
}

function keyName(k: unknown): string {
  return typeof k === "symbol" ? `[${k.description}]` : String(k);
}

function describe(o: object): string {
  const name = (o as { constructor?: { name?: string } }).constructor?.name;
  const own = typeof o === "function" ? (o as { name?: string }).name : undefined;
  return `(${[name, own].filter(Boolean).join(" ")})`;
}

/**
 * Asserts that no object of one sandbox's realm is reachable from another's: sandboxes only
 * ever exchange copies.
 */
export function assertNoSharedObjects(a: Sandbox, b: Sandbox): void {
  const inA = new Set<JSObject>();
  const inB = new Set<JSObject>();
  findHostObjects(a, [], inA);
  findHostObjects(b, [], inB);
  expect(inA.size).toBeGreaterThan(100);
  const shared = [...inB].filter((o) => inA.has(o));
  expect(shared.length, "guest objects shared between two sandboxes").toBe(0);
}

/**
 * Asserts that nothing the sandbox's realm retains is a host object: every value reachable from
 * its global object and intrinsics is a primitive or an object of the interpreter's model.
 */
export function assertNoHostObjectReachable(sandbox: Sandbox, extraRoots: unknown[] = []): void {
  const v = findHostObjects(sandbox, extraRoots);
  expect(v.slice(0, 10), `host objects reachable from the guest realm (${v.length})`).toEqual([]);
}

// ---- 2. host intrinsics unchanged ----------------------------------------------------------

type DescriptorSnapshot = Map<PropertyKey, PropertyDescriptor>;
export type HostIntrinsicsSnapshot = Map<
  string,
  { target: object; proto: object | null; extensible: boolean; props: DescriptorSnapshot }
>;

function hostIntrinsics(): Record<string, object> {
  const g = globalThis as unknown as Record<string, object>;
  const out: Record<string, object> = {
    globalThis,
    Object,
    "Object.prototype": Object.prototype,
    Function,
    "Function.prototype": Function.prototype,
    Array,
    "Array.prototype": Array.prototype,
    String,
    "String.prototype": String.prototype,
    Number,
    "Number.prototype": Number.prototype,
    Boolean,
    "Boolean.prototype": Boolean.prototype,
    Symbol,
    "Symbol.prototype": Symbol.prototype,
    BigInt,
    "BigInt.prototype": BigInt.prototype,
    Error,
    "Error.prototype": Error.prototype,
    Promise,
    "Promise.prototype": Promise.prototype,
    Map,
    "Map.prototype": Map.prototype,
    Set,
    "Set.prototype": Set.prototype,
    WeakMap,
    "WeakMap.prototype": WeakMap.prototype,
    RegExp,
    "RegExp.prototype": RegExp.prototype,
    Date,
    "Date.prototype": Date.prototype,
    JSON,
    Math,
    Reflect,
    Proxy,
    ArrayBuffer,
    "ArrayBuffer.prototype": ArrayBuffer.prototype,
    "TypedArray.prototype": Object.getPrototypeOf(Uint8Array.prototype) as object,
    "Uint8Array.prototype": Uint8Array.prototype,
    "ArrayIterator.prototype": Object.getPrototypeOf([][Symbol.iterator]()) as object,
    "Iterator.prototype": Object.getPrototypeOf(
      Object.getPrototypeOf([][Symbol.iterator]()),
    ) as object,
    "GeneratorFunction.prototype": Object.getPrototypeOf(function* () {}) as object,
    "AsyncFunction.prototype": Object.getPrototypeOf(async () => {}) as object,
  };
  for (const n of [
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
  ]) {
    out[n] = g[n] as object;
    out[`${n}.prototype`] = (g[n] as { prototype: object }).prototype;
  }
  return out;
}

/** Own property descriptors, prototype and extensibility of the host's intrinsics. */
export function snapshotHostIntrinsics(): HostIntrinsicsSnapshot {
  const snap: HostIntrinsicsSnapshot = new Map();
  for (const [name, target] of Object.entries(hostIntrinsics())) {
    const props: DescriptorSnapshot = new Map();
    for (const k of Reflect.ownKeys(target)) {
      const d = Reflect.getOwnPropertyDescriptor(target, k);
      if (d !== undefined) props.set(k, d);
    }
    snap.set(name, {
      target,
      proto: Object.getPrototypeOf(target) as object | null,
      extensible: Object.isExtensible(target),
      props,
    });
  }
  return snap;
}

/** Host-global names that vitest or node may add while tests run (not a guest effect). */
const VOLATILE_GLOBALS = new Set<PropertyKey>(["__vitest_worker__", "__vitest_index__"]);

/** Asserts that no host intrinsic gained, lost or changed an own property or its prototype. */
export function assertHostIntrinsicsUnchanged(before: HostIntrinsicsSnapshot): void {
  const after = snapshotHostIntrinsics();
  const diffs: string[] = [];
  for (const [name, b] of before) {
    const a = after.get(name);
    if (a === undefined || a.target !== b.target) {
      diffs.push(`${name}: replaced`);
      continue;
    }
    if (a.proto !== b.proto) diffs.push(`${name}: prototype changed`);
    if (a.extensible !== b.extensible) diffs.push(`${name}: extensibility changed`);
    const keys = new Set([...b.props.keys(), ...a.props.keys()]);
    for (const k of keys) {
      if (name === "globalThis" && VOLATILE_GLOBALS.has(k)) continue;
      const db = b.props.get(k);
      const da = a.props.get(k);
      const label = `${name}.${String(k)}`;
      if (db === undefined) diffs.push(`${label}: added`);
      else if (da === undefined) diffs.push(`${label}: removed`);
      else if (!sameDescriptor(db, da)) diffs.push(`${label}: changed`);
    }
  }
  expect(diffs, `host intrinsics changed: ${diffs.join(", ")}`).toEqual([]);
  // Plain host objects created now inherit nothing new.
  const fresh = {} as Record<string, unknown>;
  const freshArray = [] as unknown as Record<string, unknown>;
  for (const probe of ["polluted", "isAdmin", "then", "x"]) {
    expect(fresh[probe], `({}).${probe}`).toBeUndefined();
    expect(freshArray[probe], `[].${probe}`).toBeUndefined();
  }
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

// ---- 3. no host path in guest-visible text -------------------------------------------------

const HOST_PATH_PATTERNS: RegExp[] = [
  /\/work\//,
  /node_modules/,
  /\.ts:\d/,
  /\.ts\)/,
  /\.m?js:\d+:\d+\)/, // a host frame `(file.js:1:2)` — guest frames name the guest file
  /file:\/\//,
  /node:internal/,
  /\/(home|usr|tmp|Users|private|var|opt|root)\//,
  /[A-Za-z]:\\/,
  /\[host\]/,
  /at (Object|Module|Function|new Promise|process)\./,
];

/** Asserts that `text` shows no host file path or host frame. */
export function assertNoHostPathInGuestText(text: unknown, guestFiles: string[] = []): void {
  if (typeof text !== "string") return;
  let t = text;
  // Guest frames `(script.js:1:2)` are fine: strip the guest's own file names first.
  for (const f of ["script.js", "main.js", ...guestFiles]) t = t.split(f).join("<guest>");
  const cwd = process.cwd();
  expect(t.includes(cwd), `host cwd in guest text: ${text}`).toBe(false);
  for (const p of HOST_PATH_PATTERNS) {
    expect(p.test(t), `host path ${p} in guest text: ${text}`).toBe(false);
  }
}

// ---- 4. denial of service ------------------------------------------------------------------

export interface StopExpectation {
  /** Which kind of stop is expected (default: a ResourceExhaustedError). */
  kind?: "exhausted" | "guest-range-error" | "aborted" | "exhausted-or-range-error";
  /** The exhausted resource, when known. */
  resource?: string;
  /** The sandbox to check for responsiveness afterwards. */
  sandbox?: Sandbox;
}

/**
 * Runs `fn`, which must throw within `ms` milliseconds of wall time the expected kind of stop,
 * and then checks the host is healthy: the same sandbox runs new code and a fresh sandbox
 * works. Returns the error.
 */
export function expectStopsWithin(
  fn: () => unknown,
  ms: number,
  expected: StopExpectation = {},
): unknown {
  const kind = expected.kind ?? "exhausted";
  const t0 = performance.now();
  let error: unknown;
  let threw = false;
  try {
    fn();
  } catch (e) {
    threw = true;
    error = e;
  }
  const elapsed = performance.now() - t0;
  expect(threw, "the run should have been stopped").toBe(true);
  expect(elapsed, `stopped after ${elapsed.toFixed(0)} ms`).toBeLessThan(ms);
  checkStop(error, kind, expected.resource);
  expectHealthy(expected.sandbox);
  return error;
}

/** Async variant of expectStopsWithin for `run()` and `runModule()`. */
export async function expectStopsWithinAsync(
  fn: () => Promise<unknown>,
  ms: number,
  expected: StopExpectation = {},
): Promise<unknown> {
  const kind = expected.kind ?? "exhausted";
  const t0 = performance.now();
  let error: unknown;
  let threw = false;
  try {
    await fn();
  } catch (e) {
    threw = true;
    error = e;
  }
  const elapsed = performance.now() - t0;
  expect(threw, "the run should have been stopped").toBe(true);
  expect(elapsed, `stopped after ${elapsed.toFixed(0)} ms`).toBeLessThan(ms);
  checkStop(error, kind, expected.resource);
  expectHealthy(expected.sandbox);
  return error;
}

function checkStop(error: unknown, kind: StopExpectation["kind"], resource?: string): void {
  const isExhausted = error instanceof ResourceExhaustedError;
  const isRange = error instanceof SandboxError && error.guestName === "RangeError";
  if (kind === "exhausted") {
    expect(error, String(error)).toBeInstanceOf(ResourceExhaustedError);
    if (resource !== undefined) expect((error as ResourceExhaustedError).resource).toBe(resource);
  } else if (kind === "guest-range-error") {
    expect(isRange, String(error)).toBe(true);
  } else if (kind === "aborted") {
    expect(error, String(error)).toBeInstanceOf(RunAbortedError);
  } else {
    expect(isExhausted || isRange, String(error)).toBe(true);
  }
  if (error instanceof SandboxError) assertNoHostPathInGuestText(error.guestStack);
}

/** The host is responsive: the sandbox (if given) runs new code, and a fresh sandbox works. */
export function expectHealthy(sandbox?: Sandbox): void {
  const t0 = performance.now();
  if (sandbox !== undefined)
    expect(sandbox.runSync("[1, 2, 3].map((x) => x * 2).join()")).toBe("2,4,6");
  expect(createSandbox().runSync("let s = 0; for (let i = 0; i < 100; i++) s += i; s")).toBe(4950);
  expect(performance.now() - t0).toBeLessThan(1000);
}

// ---- helpers shared by the fixtures --------------------------------------------------------

/** Runs `code` and returns what it threw (a SandboxError) or fails. */
export function guestThrows(sandbox: Sandbox, code: string): SandboxError {
  try {
    sandbox.runSync(code);
  } catch (e) {
    expect(e).toBeInstanceOf(SandboxError);
    return e as SandboxError;
  }
  throw new Error(`expected the guest code to throw: ${code}`);
}

/** Host values that must never be observable from a sandbox, by identity. */
export const HOST_SECRETS: readonly unknown[] = [
  globalThis,
  process,
  Function,
  Object,
  Object.prototype,
  Array.prototype,
  Function.prototype,
  Error,
  Promise,
  Reflect.get(globalThis, "eval"),
];

/** Asserts that an exported value (recursively) never is one of the host's own objects. */
export function assertNoHostIdentity(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return;
  if (seen.has(value)) return;
  seen.add(value);
  expect(HOST_SECRETS.includes(value), "a host intrinsic crossed out of the sandbox").toBe(false);
  if (typeof value === "function") return;
  for (const v of Object.values(value as object)) assertNoHostIdentity(v, seen);
}

/**
 * Guest code that reaches everything it can from globalThis: own property descriptors (values,
 * getters, setters), prototypes, `constructor` chains and the results of invoking each built-in
 * getter on its holder. It keeps what it reached on `globalThis.__reached` (so the host's
 * structural walk sees the same values) and evaluates to the source text of every function it
 * found, for the host-path check. `extraRoots` is a guest expression for more starting points.
 */
export function reachAllScript(extraRoots = "[]"): string {
  return `(() => {
    const seen = new Set();
    const queue = [globalThis, ...${extraRoots}];
    const texts = [];
    const fnToString = Function.prototype.toString;
    const getProto = Object.getPrototypeOf;
    const ownKeys = Reflect.ownKeys;
    const gopd = Object.getOwnPropertyDescriptor;
    for (let i = 0; i < queue.length; i++) {
      const o = queue[i];
      if ((typeof o !== "object" && typeof o !== "function") || o === null || seen.has(o)) continue;
      seen.add(o);
      if (o instanceof Error) {
        try { texts.push(String(o.stack)); } catch (e) { queue.push(e); }
      }
      if (typeof o === "function") {
        try { texts.push(fnToString.call(o)); } catch (e) { texts.push(String(e && e.message)); }
        try { queue.push(o.constructor); } catch (e) { queue.push(e); }
      }
      try { queue.push(getProto(o)); } catch (e) { queue.push(e); }
      let keys = [];
      try { keys = ownKeys(o); } catch (e) { queue.push(e); }
      for (const k of keys) {
        let d;
        try { d = gopd(o, k); } catch (e) { queue.push(e); continue; }
        if (d === undefined) continue;
        if ("value" in d) queue.push(d.value);
        if (d.get) {
          queue.push(d.get);
          try { queue.push(d.get.call(o)); } catch (e) { queue.push(e); }
        }
        if (d.set) queue.push(d.set);
      }
    }
    globalThis.__reached = [...seen];
    return texts;
  })()`;
}

// ---- running an attack that may hang the host, in a child process ---------------------------

export interface ChildOutcome {
  /** The child was killed at the deadline: the attack hung its host. */
  timedOut: boolean;
  /** What the body returned (JSON round-tripped), when it finished. */
  result?: unknown;
  /** The process ended with the body still waiting on a promise that never settled. */
  unsettled?: boolean;
  /** The process died (the host crashed), e.g. "out of memory". */
  crashed?: string;
  stderr: string;
}

const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Runs `body` — the text of an async function body with `cove` (the interpreter's public API)
 * in scope — in a separate Node process that loads the interpreter from source, and kills it
 * after `timeoutMs`. For attacks that would hang the host itself (a synchronous host call that
 * never returns, a microtask loop that starves timers), so the suite cannot hang with them.
 */
export function runInChild(
  body: string,
  timeoutMs: number,
  nodeArgs: string[] = [],
): Promise<ChildOutcome> {
  const script = `
    import { runnerImport } from "vite";
    const { module: cove } = await runnerImport(${JSON.stringify(`${PACKAGE_DIR}src/index.ts`)});
    process.stdout.write("@@READY@@\\n");
    const result = await (async (cove) => { ${body} })(cove);
    process.stdout.write("@@RESULT@@" + JSON.stringify(result ?? null) + "\\n");
    process.exit(0);
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, "--input-type=module", "-e", script], {
      cwd: PACKAGE_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    // Loading the interpreter from source takes a while; the deadline starts once it is loaded.
    const loadTimer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes("@@READY@@")) {
        clearTimeout(loadTimer);
        timer = setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, timeoutMs);
      }
    });
    child.stderr.on("data", (chunk: string) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(loadTimer);
      if (timer !== undefined) clearTimeout(timer);
      const marker = out.indexOf("@@RESULT@@");
      if (marker >= 0) {
        const line = out.slice(marker + "@@RESULT@@".length).split("\n")[0] as string;
        resolve({ timedOut: false, result: JSON.parse(line), stderr: err });
      } else if (timedOut) resolve({ timedOut: true, stderr: err });
      else if (/heap out of memory|Allocation failed/i.test(err)) {
        resolve({ timedOut: false, crashed: "out of memory", stderr: err });
      } else if (out.includes("@@READY@@") && (code === 0 || code === 13)) {
        // The body never finished but the process ended: its event loop ran dry while it
        // waited on a promise that never settled.
        resolve({ timedOut: false, unsettled: true, stderr: err });
      } else if (out.includes("@@READY@@")) {
        resolve({ timedOut: false, crashed: `exit code ${code}`, stderr: err });
      } else reject(new Error(`child process failed: ${err}`));
    });
  });
}
