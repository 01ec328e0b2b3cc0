/**
 * The public sandbox (DESIGN §2.6). A sandbox owns one realm and its cumulative account; each
 * call to run/runSync creates a Run record that owns everything per-run (limits, policy,
 * signal, per-call globals). Nothing per-run is stored on the sandbox.
 */

import { enableDynamicCode } from "./compile/eval.js";
import { CompileError, compileScript, PolicyViolation, runScript } from "./compile/evaluate.js";
import { ModuleLoader, type ModuleResolver } from "./compile/module.js";
import { FeatureDisallowedError, messages, SandboxSyntaxError } from "./errors.js";
import { Membrane } from "./membrane/membrane.js";
import { findViolation } from "./parse/feature-policy.js";
import { createRealm } from "./realm/create-realm.js";
import type { Realm } from "./realm/realm.js";
import { Account } from "./runtime/account.js";
import { measureHeap } from "./runtime/heap.js";
import { discardJobs, discardOrphanJobs, drainJobs, enqueueJob } from "./runtime/jobs.js";
import { Run, type RunLimits, type RunPolicy } from "./runtime/run.js";
import { asGuestThrow, makeError, ThrowSignal } from "./runtime/throw.js";
import {
  DEFAULT_LIMITS,
  type ResourceCounters,
  type ResourceOptions,
  type ResourceReport,
  type RunOptions,
  type SandboxOptions,
} from "./sandbox-options.js";
import type { JSObject } from "./values/object.js";
import { PromiseObject } from "./values/promise-object.js";
import { WC } from "./values/property.js";
import type { Value } from "./values/value.js";

export type {
  ResourceCounters,
  ResourceOptions,
  ResourceReport,
  RunOptions,
  SandboxOptions,
} from "./sandbox-options.js";
export { DEFAULT_LIMITS } from "./sandbox-options.js";

const now: () => number =
  typeof performance !== "undefined" ? () => performance.now() : () => Date.now();

export class Sandbox {
  private readonly realm: Realm;
  private readonly account: Account;
  private readonly membrane: Membrane;
  private readonly perRun: RunLimits;
  private readonly policy: RunPolicy;
  private disposed = false;
  private readonly modules: ModuleLoader;
  private readonly defaultResolver: ModuleResolver;
  private unhandledRejections = 0;

  constructor(options: SandboxOptions = {}) {
    this.realm = createRealm();
    this.account = new Account(options.limits?.total ?? {});
    this.perRun = { ...DEFAULT_LIMITS, ...options.limits?.perRun };
    if (options.timeoutMs !== undefined) this.perRun.timeMs = options.timeoutMs;
    this.policy = {
      errors: options.policy?.errors ?? "safe",
      eval: options.policy?.eval === true,
      features: options.features ? [options.features] : [],
      validators: options.validator ? [options.validator] : [],
    };
    this.membrane = new Membrane({
      callGuest: (fn, thisArg, args) => this.callGuest(fn, thisArg, args),
      hostSettled: (run) => this.hostSettled(run),
    });
    const report = options.onUnhandledRejection;
    this.realm.hooks.onUnhandledRejection = (reason, _promise, run) => {
      this.unhandledRejections++;
      if (report === undefined) return;
      let exported: unknown;
      try {
        exported = this.membrane.exportValue(run, reason);
      } catch {
        exported = undefined;
      }
      try {
        report(exported);
      } catch {
        // The embedder's callback failing must not break the job queue.
      }
    };
    if (this.policy.eval) enableDynamicCode(this.realm);
    this.defaultResolver = options.modules ?? {};
    this.realm.hooks.importModule = (run, specifier, referrer, done) =>
      this.dynamicImport(run, specifier, referrer, done);
    this.modules = new ModuleLoader(this.realm, (run, v, path) =>
      this.membrane.importValue(this.realm, v, run, path),
    );
    if (options.globals) {
      const setup = this.newRun({});
      try {
        for (const [name, value] of Object.entries(options.globals)) {
          this.realm.global.defineData(
            name,
            this.membrane.importValue(this.realm, value, setup, name),
            WC,
          );
        }
      } finally {
        setup.finish();
      }
    }
  }

  private check(): void {
    if (this.disposed) throw messages.disposed();
  }

  private newRun(opts: RunOptions): Run {
    const limits: RunLimits = { ...this.perRun, ...opts.limits };
    if (opts.timeoutMs !== undefined) limits.timeMs = opts.timeoutMs;
    const policy: RunPolicy =
      opts.features === undefined && opts.validator === undefined
        ? this.policy
        : {
            ...this.policy,
            features: opts.features
              ? [...this.policy.features, opts.features]
              : this.policy.features,
            validators: opts.validator
              ? [...this.policy.validators, opts.validator]
              : this.policy.validators,
          };
    return new Run(this.realm, this.account, limits, policy, opts.signal);
  }

  /** Runs a script synchronously and returns its completion value, exported to the host. */
  runSync(code: string, opts: RunOptions = {}): unknown {
    this.check();
    const nested = this.membrane.currentRun;
    if (nested !== undefined) return this.evaluate(nested, code, opts);
    const run = this.newRun(opts);
    this.account.evaluations++;
    try {
      this.account.check("evaluations", "evaluations", this.account.evaluations);
      return this.evaluate(run, code, { ...opts, sync: true }, true);
    } finally {
      run.finish();
    }
  }

  /**
   * Runs a script; resolves with its completion value (a guest promise becomes a host promise)
   * once the jobs it queued have run and the host promises it imported have settled.
   */
  async run(code: string, opts: RunOptions = {}): Promise<unknown> {
    this.check();
    const nested = this.membrane.currentRun;
    if (nested !== undefined) return this.evaluate(nested, code, opts);
    const run = this.newRun(opts);
    this.account.evaluations++;
    try {
      this.account.check("evaluations", "evaluations", this.account.evaluations);
      const out = this.evaluate(run, code, opts, true);
      await this.settle(run);
      return out;
    } finally {
      run.finish();
    }
  }

  /**
   * Runs the queued promise jobs now that no guest code is on the stack (runtime/jobs.ts). Jobs
   * of finished runs run under one fresh run. A host error (budget, abort) of `owner`'s jobs
   * ends `owner`: its queued jobs are dropped and the error is thrown. One of another run's jobs
   * ends only that run (its own waiter reports it); the others' jobs go on.
   */
  private drain(owner: Run | undefined): void {
    let fallback: Run | undefined;
    const fallbackRun = () => {
      fallback ??= this.newRun({});
      return fallback;
    };
    try {
      for (;;) {
        try {
          drainJobs(this.realm, fallbackRun);
          return;
        } catch {
          if (owner?.dead) {
            discardJobs(this.realm, owner);
            throw owner.dead;
          }
          if (fallback?.dead) discardOrphanJobs(this.realm);
        }
      }
    } finally {
      fallback?.finish();
    }
  }

  /** A host promise imported by `run` settled: run the jobs, wake `run` if it is waiting. */
  private hostSettled(run: Run): void {
    if (this.disposed) return;
    try {
      this.drain(run.active ? run : undefined);
    } catch {
      // `run` is dead (run.dead); Sandbox.run() waiting on it reports the error.
    }
    run.onHostSettled?.();
  }

  /** Waits until the host promises `run` imported have settled, within its time and signal. */
  private async settle(run: Run): Promise<void> {
    while (run.pendingHost > 0 && run.dead === null) {
      // Past the deadline or aborted: checkpoint() marks the run dead and throws.
      run.checkpoint();
      await new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const wake = (): void => {
          if (timer !== undefined) clearTimeout(timer);
          run.signal?.removeEventListener("abort", wake);
          run.onHostSettled = null;
          resolve();
        };
        run.onHostSettled = wake;
        const left = run.limits.timeMs - (now() - run.startedAt);
        if (left !== Infinity) timer = setTimeout(wake, Math.max(0, left) + 1);
        run.signal?.addEventListener("abort", wake, { once: true });
      });
    }
    if (run.dead !== null) throw run.dead;
  }

  private evaluate(run: Run, code: string, opts: RunOptions, outermost = false): unknown {
    run.startClock();
    try {
      return this.evaluateTimed(run, code, opts, outermost);
    } finally {
      run.stopClock();
    }
  }

  private evaluateTimed(run: Run, code: string, opts: RunOptions, outermost: boolean): unknown {
    const filename = opts.filename ?? "script.js";
    if (opts.signal?.aborted) run.checkpoint();
    let script: ReturnType<typeof compileScript>;
    try {
      script = compileScript(this.realm, code, filename);
    } catch (e) {
      if (e instanceof CompileError) {
        const { line, column } = e.source.position(e.pos);
        throw new SandboxSyntaxError(e.message, filename, line, column, e.source.codeFrame(e.pos));
      }
      throw e;
    }
    const refused = findViolation(
      script.program,
      filename,
      run.policy.features,
      run.policy.validators,
    );
    if (refused !== undefined) {
      const { line, column } = script.source.position(refused.pos);
      throw new FeatureDisallowedError(refused.message, filename, line, column);
    }
    let overlay: Map<string, { v: Value }> | null = null;
    if (opts.globals) {
      overlay = new Map();
      for (const [name, value] of Object.entries(opts.globals)) {
        overlay.set(name, { v: this.membrane.importValue(this.realm, value, run, name) });
      }
    }
    try {
      const v = runScript(run, script, overlay);
      const out = this.membrane.exportValue(run, v);
      if (outermost) this.drain(run);
      // runSync cannot wait: a result that is still a pending promise while host promises the
      // run imported are outstanding needs run(), which waits for them.
      if (
        outermost &&
        opts.sync === true &&
        v instanceof PromiseObject &&
        v.state === "pending" &&
        run.pendingHost > 0
      ) {
        throw messages.syncAwait();
      }
      return out;
    } catch (thrown) {
      const e = asGuestThrow(run, thrown) ?? thrown;
      if (e instanceof ThrowSignal) {
        const err = this.membrane.toSandboxError(run, e);
        // Jobs queued before the throw still run, as after an uncaught error in a script.
        if (outermost) this.drain(run);
        throw err;
      }
      if (outermost) discardJobs(this.realm, run);
      throw e;
    }
  }

  /**
   * Evaluates `source` as an ES module at `path` (imports resolved through `resolver`) and
   * resolves with its namespace, exported to the host (functions become host-callable).
   * Modules are cached per sandbox by path.
   */
  async runModule(
    source: string,
    opts: RunOptions & { path?: string; resolver?: ModuleResolver } = {},
  ): Promise<unknown> {
    this.check();
    const path = opts.path ?? opts.filename ?? "main.js";
    const run = this.newRun(opts);
    this.account.evaluations++;
    try {
      const evaluation = this.timed(run, () =>
        this.modules.evaluateAsync(run, source, path, opts.resolver ?? this.defaultResolver, () =>
          this.drain(run),
        ),
      );
      let settled = false;
      evaluation.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      this.drain(run);
      for (;;) {
        // Let the evaluation's own promise chain (microtasks only) finish; no macrotask runs in
        // between, so host timers cannot fire before a failed load is reported.
        for (let i = 0; i < 1000 && !settled && run.dead === null; i++) await Promise.resolve();
        if (settled || run.dead !== null) break;
        if (run.pendingHost === 0) throw messages.unsettledModule(path);
        await this.settle(run);
      }
      if (run.dead !== null) throw run.dead;
      const ns = await evaluation;
      // A null-prototype copy; a `then` export is left out, because the host's `await` would
      // adopt a namespace that has one and call guest code outside any run.
      const out: Record<string, unknown> = Object.create(null);
      for (const name of ns.names) {
        if (name === "then") continue;
        out[name] = this.membrane.exportValue(run, ns.get(run, name, ns));
      }
      this.drain(run);
      await this.settle(run);
      return out;
    } catch (thrown) {
      const e = asGuestThrow(run, thrown) ?? thrown;
      if (e instanceof ThrowSignal) {
        const err = this.membrane.toSandboxError(run, e);
        this.drain(run);
        throw err;
      }
      discardJobs(this.realm, run);
      if (e instanceof PolicyViolation) {
        const { line, column } = e.source.position(e.pos);
        throw new FeatureDisallowedError(e.message, e.source.name, line, column);
      }
      if (e instanceof CompileError) {
        const { line, column } = e.source.position(e.pos);
        throw new SandboxSyntaxError(
          e.message,
          e.source.name,
          line,
          column,
          e.source.codeFrame(e.pos),
        );
      }
      throw e;
    } finally {
      run.finish();
    }
  }

  /**
   * Calls a guest function that crossed to the host earlier (a function value returned by a run
   * or a module export) under this call's own limits, signal and per-call options. Returns its
   * result exported; promise jobs it queued run before it returns.
   */
  callSync(
    fn: unknown,
    args: unknown[] = [],
    opts: RunOptions & { thisArg?: unknown } = {},
  ): unknown {
    this.check();
    const guest = this.membrane.guestFunctionOf(fn);
    if (guest === undefined)
      throw messages.refuseHostValue("a function that did not come from this sandbox", "fn");
    return this.callGuest(guest, opts.thisArg, args, opts);
  }

  /** Like callSync, resolving once the jobs and host promises the call waits on have settled. */
  async call(
    fn: unknown,
    args: unknown[] = [],
    opts: RunOptions & { thisArg?: unknown } = {},
  ): Promise<unknown> {
    this.check();
    const guest = this.membrane.guestFunctionOf(fn);
    if (guest === undefined)
      throw messages.refuseHostValue("a function that did not come from this sandbox", "fn");
    const run = this.newRun(opts);
    try {
      let out: unknown;
      try {
        out = this.invoke(run, guest, opts.thisArg, args);
      } catch (e) {
        {
          const g = asGuestThrow(run, e);
          if (g !== undefined) throw this.membrane.toSandboxError(run, g);
        }
        throw e;
      }
      this.drain(run);
      await this.settle(run);
      return out;
    } catch (e) {
      discardJobs(this.realm, run);
      throw e;
    } finally {
      run.finish();
    }
  }

  /** Imports `this` and the arguments, calls `fn` as guest work of `run`, exports the result. */
  private invoke(run: Run, fn: JSObject, thisArg: unknown, args: unknown[]): unknown {
    const t = this.membrane.importValue(this.realm, thisArg, run);
    const a = args.map((x, i) => this.membrane.importValue(this.realm, x, run, `arguments[${i}]`));
    return this.membrane.exportValue(
      run,
      this.timed(run, () => fn.call(run, t, a)),
    );
  }

  /**
   * Calls a guest function from the host: inside the current run when called re-entrantly from
   * a host function, otherwise as a run of its own (with `opts`' limits and signal).
   */
  private callGuest(
    fn: JSObject,
    thisArg: unknown,
    args: unknown[],
    opts: RunOptions = {},
  ): unknown {
    this.check();
    const nested = this.membrane.currentRun;
    const run = nested ?? this.newRun(opts);
    try {
      const out = this.invoke(run, fn, thisArg, args);
      if (nested === undefined) this.drain(run);
      return out;
    } catch (thrown) {
      const e = asGuestThrow(run, thrown) ?? thrown;
      if (e instanceof ThrowSignal) {
        const err = this.membrane.toSandboxError(run, e);
        if (nested === undefined) this.drain(run);
        throw err;
      }
      if (nested === undefined) discardJobs(this.realm, run);
      throw e;
    } finally {
      if (nested === undefined) run.finish();
    }
  }

  /**
   * `import(specifier)` from guest code: loads and evaluates the module asynchronously (the
   * importing module's resolver, or the sandbox's), then settles the guest promise in a job of
   * the importing run. The run counts it as pending host work, so `run()` waits for it.
   */
  private dynamicImport(
    run: Run,
    specifier: string,
    referrer: string,
    done: (ok: boolean, v: Value, r: Run) => void,
  ): void {
    const resolver = this.modules.resolverOf(referrer) ?? this.defaultResolver;
    run.pendingHost++;
    const finish = (ok: boolean, v: (r: Run) => Value): void => {
      run.pendingHost--;
      enqueueJob(run, (r) => done(ok, v(r), r));
      this.hostSettled(run);
    };
    this.modules
      .evaluateAsync(
        run,
        undefined,
        specifier,
        resolver,
        () => this.drain(run.active ? run : undefined),
        referrer,
      )
      .then(
        (ns) => finish(true, () => ns),
        (e: unknown) =>
          finish(false, (r) => {
            if (e instanceof ThrowSignal) return e.value;
            const message =
              e instanceof CompileError ? e.message : e instanceof Error ? e.message : String(e);
            return makeError(r, e instanceof CompileError ? "SyntaxError" : "Error", message);
          }),
      );
  }

  /** Runs `f` as guest work of `run` for CPU-time accounting. */
  private timed<T>(run: Run, f: () => T): T {
    run.startClock();
    try {
      return f();
    } finally {
      run.stopClock();
    }
  }

  /**
   * The sandbox's cumulative usage, peaks and limit status, and its live heap — unless
   * `{ heap: false }`: then only the counters, without the walk `heapBytes` needs.
   */
  resources(options?: ResourceOptions & { heap?: true }): ResourceReport;
  resources(options: ResourceOptions & { heap: false }): ResourceCounters;
  resources(options?: ResourceOptions): ResourceCounters | ResourceReport;
  resources(options: ResourceOptions = {}): ResourceCounters | ResourceReport {
    const a = this.account;
    const counters: ResourceCounters = {
      fuel: a.fuel,
      cpuTimeMs: a.cpuTimeMs,
      allocationBytes: a.allocationBytes,
      evaluations: a.evaluations,
      hostCalls: a.hostCalls,
      peaks: {
        runFuel: a.peakRunFuel,
        runMemoryBytes: a.peakRunMemory,
        callDepth: a.peakCallDepth,
      },
      limits: a.limits,
      exhausted: a.exhausted,
      lastRunExhausted: a.lastRunExhausted,
      unhandledRejections: this.unhandledRejections,
    };
    if (options.heap === false) return counters;
    const roots = [...this.modules.roots(), ...this.membrane.liveExportedFunctions()];
    return { ...counters, heapBytes: measureHeap(this.realm, roots).bytes };
  }

  /** Releases the realm; any later use throws. */
  dispose(): void {
    this.disposed = true;
    this.realm.compileCache.clear();
    this.realm.jobs.remove(() => true);
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
