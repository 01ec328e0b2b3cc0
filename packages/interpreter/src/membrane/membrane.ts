/**
 * The membrane: the one chokepoint where values cross between host and guest (DESIGN §2.4).
 *
 * Into the sandbox: primitives as they are; plain data (objects, arrays, Date, Map, Set, typed
 * arrays) copied into guest objects of the realm, recursively; host functions wrapped as
 * HostFunction. Anything else is refused. Out of the sandbox: primitives as they are; guest data
 * copied out as plain host data, reading data properties only — no getter, Proxy trap, toJSON
 * or `then` runs during a conversion; guest functions become host-callable wrappers. Guest
 * promises cross as host promises, and so do guest thenables (objects with an own callable
 * `then`), which the guest resolves by its own rules as jobs of the run that exported them.
 */
import { messages, SandboxError } from "../errors.js";
import { ENTRY_BYTES } from "../intrinsics/MapPrototype.js";
import {
  newPromise,
  performPromiseThen,
  rejectPromise,
  resolvePromise,
} from "../intrinsics/promise-ops.js";
import type { Realm } from "../realm/realm.js";
import { BYTES_ELEMENT, BYTES_OBJECT } from "../runtime/costs.js";
import { enqueueJob, trackRejection } from "../runtime/jobs.js";
import type { Run } from "../runtime/run.js";
import { ThrowSignal } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import { ErrorObject, formatFrames } from "../values/error-object.js";
import type { MapObject, SetObject } from "../values/map-object.js";
import { JSObject } from "../values/object.js";
import { PromiseObject } from "../values/promise-object.js";
import { ACCESSOR, ENUMERABLE, WEC } from "../values/property.js";
import { TypedArrayObject } from "../values/typed-array.js";
import { HOLE, type Value } from "../values/value.js";
import { HostFunction, hostErrorToGuest } from "./host-function.js";

const MAX_DEPTH = 64;

/** The host's %TypedArray%.prototype[@@toStringTag] getter: a typed array's own type name. */
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype),
  Symbol.toStringTag,
)?.get as (this: unknown) => unknown;

export interface MembraneHost {
  /** Calls a guest function from the host, in the current run or a new one. */
  callGuest(fn: JSObject, thisArg: unknown, args: unknown[]): unknown;
  /**
   * A host promise imported by `run` has settled and queued the job that settles its guest
   * promise: run the queued jobs (and wake `run` if it is waiting for its host promises).
   */
  hostSettled(run: Run): void;
}

export class Membrane {
  /** Runs currently inside a host function (the host-side call stack), innermost last. */
  private readonly hostStack: Run[] = [];
  private readonly thrown = new WeakMap<SandboxError, Value>();
  private readonly exportedFns = new WeakMap<JSObject, (...args: unknown[]) => unknown>();
  private readonly exportedFnsReverse = new WeakMap<(...args: unknown[]) => unknown, JSObject>();
  /** Host callables handed out, held weakly (see liveExportedFunctions). */
  private readonly exportedWrappers = new Set<WeakRef<(...args: unknown[]) => unknown>>();
  private pruneAt = 64;
  /** Host promises made for guest promises, and the way back (a round trip gives the original). */
  private readonly exportedPromises = new WeakMap<JSObject, Promise<unknown>>();
  private readonly promiseOrigins = new WeakMap<Promise<unknown>, JSObject>();

  constructor(private readonly host: MembraneHost) {}

  enterHost(run: Run): void {
    this.hostStack.push(run);
  }

  leaveHost(): void {
    this.hostStack.pop();
  }

  /** The run whose host function is executing right now, for re-entrant calls. */
  get currentRun(): Run | undefined {
    return this.hostStack[this.hostStack.length - 1];
  }

  originalThrow(e: SandboxError): Value | undefined {
    return this.thrown.get(e);
  }

  // ---- host → guest ------------------------------------------------------------------------

  importValue(
    realm: Realm,
    v: unknown,
    run?: Run,
    path = "",
    depth = 0,
    seen = new Map<object, JSObject>(),
  ): Value {
    switch (typeof v) {
      case "undefined":
      case "boolean":
      case "number":
      case "string":
      case "bigint":
      case "symbol":
        return v as Value;
      case "function": {
        const f = v as (...args: unknown[]) => unknown;
        return new HostFunction(realm, this, f, f.name);
      }
      default:
        break;
    }
    if (v === null) return null;
    if (depth > MAX_DEPTH) throw messages.tooDeep(path);
    const o = v as object;
    const prior = seen.get(o);
    if (prior !== undefined) return prior;
    if (Array.isArray(o)) {
      run?.alloc(BYTES_OBJECT + o.length * BYTES_ELEMENT);
      const list: Value[] = [];
      const arr = new JSArray(realm.emptyShape, realm.intrinsics.ArrayPrototype, list);
      seen.set(o, arr);
      for (let i = 0; i < o.length; i++)
        list.push(this.importValue(realm, o[i], run, `${path}[${i}]`, depth + 1, seen));
      return arr;
    }
    if (o instanceof Promise) return this.importPromise(realm, o, run, path);
    const proto = Object.getPrototypeOf(o);
    if (proto === Object.prototype || proto === null) {
      run?.alloc(BYTES_OBJECT);
      const out = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
      seen.set(o, out);
      for (const key of Object.keys(o)) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if (d === undefined || !("value" in d)) {
          throw messages.refuseHostValue("an accessor property", path ? `${path}.${key}` : key);
        }
        out.defineData(
          key,
          this.importValue(realm, d.value, run, path ? `${path}.${key}` : key, depth + 1, seen),
        );
      }
      return out;
    }
    if (o instanceof Date) return this.construct(realm, "Date", [o.getTime()], run);
    // Maps, sets and typed arrays are filled through their internal slots, never through
    // `set`/`add`/iteration that guest code may have patched.
    if (o instanceof Map) {
      const m = this.construct(realm, "Map", [], run) as MapObject;
      seen.set(o, m);
      for (const [k, val] of o) {
        const key = this.importValue(realm, k, run, `${path}<key>`, depth + 1, seen);
        const value = this.importValue(realm, val, run, `${path}<value>`, depth + 1, seen);
        if (m.data.lookup(key) < 0) run?.alloc(ENTRY_BYTES);
        m.data.set(key, value);
      }
      return m;
    }
    if (o instanceof Set) {
      const s = this.construct(realm, "Set", [], run) as SetObject;
      seen.set(o, s);
      for (const x of o) {
        const item = this.importValue(realm, x, run, `${path}<item>`, depth + 1, seen);
        if (s.data.lookup(item) < 0) {
          run?.alloc(ENTRY_BYTES);
          s.data.append(item, undefined);
        }
      }
      return s;
    }
    if (ArrayBuffer.isView(o) && !(o instanceof DataView)) {
      // The host's own [[TypedArrayName]], not `constructor.name` (a subclass may rename it).
      const name = typedArrayTag.call(o) as string | undefined;
      const view = o as unknown as {
        length: number;
        buffer: ArrayBufferLike;
        byteOffset: number;
        byteLength: number;
      };
      const ta = this.construct(realm, name ?? "", [view.length], run);
      if (!(ta instanceof TypedArrayObject)) throw messages.refuseHostValue("a typed array", path);
      ta.buffer.data.set(
        new Uint8Array(view.buffer, view.byteOffset, view.byteLength),
        ta.byteOffset,
      );
      return ta;
    }
    const what = proto?.constructor?.name
      ? `an instance of ${proto.constructor.name}`
      : "a host object";
    throw messages.refuseHostValue(what, path);
  }

  /**
   * A guest promise that settles when the host promise does. The settlement is a job charged to
   * the importing run (or, once that run has finished, to the run the sandbox supplies); until
   * then the run counts it as pending host work, which `Sandbox.run()` waits for.
   */
  private importPromise(realm: Realm, p: Promise<unknown>, run: Run | undefined, path: string) {
    const origin = this.promiseOrigins.get(p);
    if (origin !== undefined) return origin;
    if (run === undefined) throw messages.refuseHostValue("a Promise", path);
    const promise = newPromise(run, realm.intrinsics.PromisePrototype);
    run.pendingHost++;
    const settle = (fulfilled: boolean, v: unknown): void => {
      run.pendingHost--;
      enqueueJob(run, (r) => {
        let value: Value;
        let ok = fulfilled;
        if (ok) {
          try {
            value = this.importValue(realm, v, r, path);
          } catch (e) {
            ok = false;
            value = guestReason(r, this, e);
          }
        } else value = guestReason(r, this, v);
        if (ok) resolvePromise(r, promise, value);
        else rejectPromise(r, promise, value);
      });
      this.host.hostSettled(run);
    };
    p.then(
      (v) => settle(true, v),
      (e) => settle(false, e),
    );
    return promise;
  }

  private construct(realm: Realm, name: string, args: Value[], run?: Run): JSObject {
    const c = realm.intrinsics[name];
    if (c === undefined || run === undefined) throw messages.refuseHostValue(`a ${name}`, "");
    return c.construct(run, args, c);
  }

  // ---- guest → host ------------------------------------------------------------------------

  exportValue(
    run: Run,
    v: Value,
    path = "",
    depth = 0,
    seen = new Map<JSObject, unknown>(),
  ): unknown {
    if (!(v instanceof JSObject)) return v;
    if (depth > MAX_DEPTH) throw messages.tooDeep(path);
    const prior = seen.get(v);
    if (prior !== undefined) return prior;
    if (v.isCallable()) return this.exportFunction(v);
    if (v instanceof PromiseObject) return this.exportPromise(run, v);
    if (v instanceof JSArray) {
      const out: unknown[] = [];
      seen.set(v, out);
      const n = v.length;
      if (!v.sparse) {
        const d = v.dense;
        for (let i = 0; i < n; i++) {
          const x = d[i];
          out.push(
            x === HOLE
              ? undefined
              : this.exportValue(run, x as Value, `${path}[${i}]`, depth + 1, seen),
          );
        }
      } else {
        for (let i = 0; i < Math.min(n, 1 << 20); i++) {
          const x = v.storageGet(String(i));
          out.push(
            typeof x === "symbol" || (x instanceof Object && !(x instanceof JSObject))
              ? undefined
              : this.exportValue(run, x as Value, `${path}[${i}]`, depth + 1, seen),
          );
        }
      }
      return out;
    }
    if (v instanceof ErrorObject) {
      const name = dataProperty(v, "name");
      const message = dataProperty(v, "message");
      const out = {
        name: typeof name === "string" ? name : "Error",
        message: typeof message === "string" ? message : "",
        stack: formatFrames(v.frames),
      };
      seen.set(v, out);
      return out;
    }
    const kind = v.kind;
    if (kind === "Date") {
      const t =
        (v as unknown as { time?: number; value?: number }).time ??
        (v as unknown as { value?: number }).value;
      return new Date(typeof t === "number" ? t : Number.NaN);
    }
    if (isOwnThenable(v)) {
      // A copy with a callable `then` would be adopted by the host's promise machinery, calling
      // the guest's `then` outside any run (and, resolving with itself, forever on the host's
      // microtask queue). It crosses as a promise instead, resolved by the guest's rules as a
      // job of this run, under its budget; nothing runs during the conversion.
      const p = newPromise(run);
      resolvePromise(run, p, v);
      const host = this.exportPromise(run, p);
      seen.set(v, host);
      return host;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const k of v.storageKeys()) {
      if (typeof k !== "string") continue;
      const attrs = v.storageAttrs(k);
      if (attrs & ACCESSOR || !(attrs & ENUMERABLE)) continue;
      const x = this.exportValue(
        run,
        v.storageGet(k) as Value,
        path ? `${path}.${k}` : k,
        depth + 1,
        seen,
      );
      // An own `__proto__` key stays data: assigning it would set the copy's prototype.
      if (k === "__proto__") {
        Object.defineProperty(out, k, {
          value: x,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else out[k] = x;
    }
    return out;
  }

  /** The guest function behind a host callable this membrane exported, if it is one. */
  guestFunctionOf(f: unknown): JSObject | undefined {
    return typeof f === "function"
      ? this.exportedFnsReverse.get(f as (...args: unknown[]) => unknown)
      : undefined;
  }

  private exportFunction(fn: JSObject): (...args: unknown[]) => unknown {
    let w = this.exportedFns.get(fn);
    if (w === undefined) {
      const host = this.host;
      w = (...args: unknown[]) => host.callGuest(fn, undefined, args);
      this.exportedFns.set(fn, w);
      this.exportedFnsReverse.set(w, fn);
      this.exportedWrappers.add(new WeakRef(w));
      if (this.exportedWrappers.size > this.pruneAt) this.liveExportedFunctions();
    }
    return w;
  }

  /**
   * The guest functions whose host callables are still alive: what guest memory the host keeps
   * reachable from outside the realm (an event handler registered with the host, a callback
   * held by the application), so the live-heap walk counts it. Drops dead entries.
   */
  liveExportedFunctions(): JSObject[] {
    const live: JSObject[] = [];
    for (const ref of this.exportedWrappers) {
      const w = ref.deref();
      const fn = w === undefined ? undefined : this.exportedFnsReverse.get(w);
      if (fn === undefined) this.exportedWrappers.delete(ref);
      else live.push(fn);
    }
    this.pruneAt = Math.max(64, 2 * this.exportedWrappers.size);
    return live;
  }

  /**
   * A host promise that settles like the guest promise: with its value exported, or rejected
   * with the SandboxError for its reason. The host now owns the outcome, so the guest promise
   * counts as handled, and a host promise nobody awaits never becomes an unhandled host
   * rejection (that would crash a Node host).
   */
  private exportPromise(run: Run, p: PromiseObject): Promise<unknown> {
    let out = this.exportedPromises.get(p);
    if (out !== undefined) return out;
    out = new Promise<unknown>((resolve, reject) => {
      const settle = (r: Run, fulfilled: boolean, v: Value): void => {
        try {
          if (fulfilled) resolve(this.exportValue(r, v));
          else reject(this.toSandboxError(r, new ThrowSignal(v)));
        } catch (e) {
          reject(e);
        }
      };
      if (p.state === "pending") {
        performPromiseThen(
          run,
          p,
          (r, v) => {
            settle(r, true, v);
            return undefined;
          },
          (r, e) => {
            settle(r, false, e);
            return undefined;
          },
        );
        return;
      }
      if (p.state === "rejected" && !p.isHandled) trackRejection(run, p, "handle");
      p.isHandled = true;
      settle(run, p.state === "fulfilled", p.result);
    });
    out.catch(() => undefined);
    this.exportedPromises.set(p, out);
    this.promiseOrigins.set(out, p);
    return out;
  }

  /** A host error for a guest exception: guest name, message, guest-only stack, exported value. */
  toSandboxError(run: Run, signal: ThrowSignal): SandboxError {
    const v = signal.value;
    let name = "";
    let message: string;
    let stack: string;
    if (v instanceof JSObject) {
      const n = dataProperty(v, "name");
      const m = dataProperty(v, "message");
      name = typeof n === "string" ? n : "Error";
      message = typeof m === "string" ? m : "";
      const frames = v instanceof ErrorObject ? formatFrames(v.frames) : "";
      stack = `${message ? `${name}: ${message}` : name}${frames ? `\n${frames}` : ""}`;
    } else {
      message = typeof v === "symbol" ? v.toString() : String(v);
      name = "";
      stack = `Uncaught ${message}`;
    }
    let exported: unknown;
    try {
      exported = this.exportValue(run, v);
    } catch {
      exported = undefined;
    }
    const err = new SandboxError(name, message, stack, exported);
    this.thrown.set(err, v);
    return err;
  }
}

/** The guest value a host rejection reason becomes (by the error policy, like a host throw). */
function guestReason(run: Run, m: Membrane, e: unknown): Value {
  const g = hostErrorToGuest(run, m, e);
  if (g instanceof ThrowSignal) return g.value;
  throw g;
}

/** Whether `o` has an own enumerable data property `then` holding a function (no code runs). */
function isOwnThenable(o: JSObject): boolean {
  const attrs = o.storageAttrs("then");
  if (attrs < 0 || attrs & ACCESSOR || !(attrs & ENUMERABLE)) return false;
  const then = o.storageGet("then");
  return then instanceof JSObject && then.isCallable();
}

/** A data property found along the prototype chain without running guest code. */
function dataProperty(o: JSObject, key: string): Value {
  for (let p: JSObject | null = o; p !== null; p = p.proto) {
    const a = p.storageAttrs(key);
    if (a < 0) continue;
    if (a & ACCESSOR) return undefined;
    return p.storageGet(key) as Value;
  }
  return undefined;
}

export { WEC };
