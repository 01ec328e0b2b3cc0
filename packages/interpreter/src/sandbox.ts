/**
 * The public sandbox (DESIGN §2.6). A sandbox owns one realm and its cumulative account; each
 * call to run/runSync creates a Run record that owns everything per-run (limits, policy,
 * signal, per-call globals). Nothing per-run is stored on the sandbox.
 */

import { enableDynamicCode } from "./compile/eval.js";
import { CompileError, compileScript, runScript } from "./compile/evaluate.js";
import { ModuleLoader, type ModuleResolver } from "./compile/module.js";
import { messages, SandboxSyntaxError } from "./errors.js";
import { Membrane } from "./membrane/membrane.js";
import { createRealm } from "./realm/create-realm.js";
import type { Realm } from "./realm/realm.js";
import { Account, type TotalLimits } from "./runtime/account.js";
import { type ErrorPolicy, Run, type RunLimits, type RunPolicy } from "./runtime/run.js";
import { ThrowSignal } from "./runtime/throw.js";
import type { JSObject } from "./values/object.js";
import { WC } from "./values/property.js";
import type { Value } from "./values/value.js";

/** Safe defaults for every run; a sandbox or run may lower or raise them explicitly. */
export const DEFAULT_LIMITS: RunLimits = {
  fuel: 200_000_000,
  memoryBytes: 256 * 1024 * 1024,
  callDepth: 1000,
  timeMs: 10_000,
  hostCalls: 10_000_000,
};

export interface SandboxOptions {
  /** Host values installed as globals (crossing by the membrane rules). */
  globals?: Record<string, unknown>;
  limits?: { perRun?: Partial<RunLimits>; total?: TotalLimits };
  /** Shorthand for limits.perRun.timeMs. */
  timeoutMs?: number;
  policy?: { errors?: ErrorPolicy; eval?: boolean };
}

export interface RunOptions {
  /** File name used in stack traces and syntax errors. */
  filename?: string;
  /** Per-call globals, visible only to this run. */
  globals?: Record<string, unknown>;
  limits?: Partial<RunLimits>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ResourceReport {
  fuel: number;
  cpuTimeMs: number;
  allocationBytes: number;
  evaluations: number;
  hostCalls: number;
  peaks: { runFuel: number; runMemoryBytes: number; callDepth: number };
  limits: TotalLimits;
  exhausted: { resource: string; scope: "run" | "total" } | undefined;
}

export class Sandbox {
  private readonly realm: Realm;
  private readonly account: Account;
  private readonly membrane: Membrane;
  private readonly perRun: RunLimits;
  private readonly policy: RunPolicy;
  private disposed = false;
  private readonly modules: ModuleLoader;

  constructor(options: SandboxOptions = {}) {
    this.realm = createRealm();
    this.account = new Account(options.limits?.total ?? {});
    this.perRun = { ...DEFAULT_LIMITS, ...options.limits?.perRun };
    if (options.timeoutMs !== undefined) this.perRun.timeMs = options.timeoutMs;
    this.policy = { errors: options.policy?.errors ?? "safe", eval: options.policy?.eval === true };
    this.membrane = new Membrane({
      callGuest: (fn, thisArg, args) => this.callGuest(fn, thisArg, args),
    });
    if (this.policy.eval) enableDynamicCode(this.realm);
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
    return new Run(this.realm, this.account, limits, this.policy, opts.signal);
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
      return this.evaluate(run, code, opts);
    } finally {
      run.finish();
    }
  }

  /** Runs a script; resolves with its completion value. */
  async run(code: string, opts: RunOptions = {}): Promise<unknown> {
    return this.runSync(code, opts);
  }

  private evaluate(run: Run, code: string, opts: RunOptions): unknown {
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
    let overlay: Map<string, { v: Value }> | null = null;
    if (opts.globals) {
      overlay = new Map();
      for (const [name, value] of Object.entries(opts.globals)) {
        overlay.set(name, { v: this.membrane.importValue(this.realm, value, run, name) });
      }
    }
    try {
      const v = runScript(run, script, overlay);
      return this.membrane.exportValue(run, v);
    } catch (e) {
      if (e instanceof ThrowSignal) throw this.membrane.toSandboxError(run, e);
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
      const ns = this.modules.evaluate(run, source, path, opts.resolver ?? {});
      const out: Record<string, unknown> = {};
      for (const name of ns.names)
        out[name] = this.membrane.exportValue(run, ns.get(run, name, ns));
      return out;
    } catch (e) {
      if (e instanceof ThrowSignal) throw this.membrane.toSandboxError(run, e);
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

  /** Calls a guest function (exported earlier) from the host. */
  private callGuest(fn: JSObject, thisArg: unknown, args: unknown[]): unknown {
    this.check();
    const nested = this.membrane.currentRun;
    const run = nested ?? this.newRun({});
    try {
      const t = this.membrane.importValue(this.realm, thisArg, run);
      const a = args.map((x, i) =>
        this.membrane.importValue(this.realm, x, run, `arguments[${i}]`),
      );
      const v = fn.call(run, t, a);
      return this.membrane.exportValue(run, v);
    } catch (e) {
      if (e instanceof ThrowSignal) throw this.membrane.toSandboxError(run, e);
      throw e;
    } finally {
      if (nested === undefined) run.finish();
    }
  }

  /** Cumulative usage, peaks and limit status. */
  resources(): ResourceReport {
    const a = this.account;
    return {
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
    };
  }

  /** Releases the realm; any later use throws. */
  dispose(): void {
    this.disposed = true;
    this.realm.compileCache.clear();
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
