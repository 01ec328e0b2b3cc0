/**
 * The host's internal state and the operations every part shares: the plugins' records and
 * runtimes, the event bus, the audit log, state transitions, running guest code with its
 * accounting, and unloading (DESIGN §3.2, §3.4). The public `Host` is a facade over this.
 */

import {
  ResourceExhaustedError,
  type ResourceName,
  RunAbortedError,
  SandboxError,
} from "@cove/interpreter";
import { EventEmitter } from "eventemitter3";
import type { CompiledApi } from "../api/compile-api.js";
import { type AuditLog, createAuditLog } from "../bridge/audit-log.js";
import { hostValueBytes } from "../bridge/host-value-bytes.js";
import { HostError, messages } from "../errors.js";
import type { HostEvents } from "../events/host-events.js";
import { type Task, yieldTurn } from "../events/plugin-queue.js";
import type { ResolvedPolicy } from "../policy/host-policy.js";
import type { GlobalCatalogue } from "../sandbox/global-catalogue.js";
import { guestStackOf, invokeGuest } from "../sandbox/invoke-guest.js";
import type { StorageAdapter } from "../storage/storage-adapter.js";
import { budgetReason, perEventLimits } from "./budget-limits.js";
import { checkHeapAfterRun } from "./heap-budget.js";
import {
  appendLog,
  FUEL_SAMPLES,
  increment,
  type LogLine,
  type PluginRecord,
  type PluginState,
} from "./plugin-record.js";
import type { GuestFunction, PluginRuntime } from "./plugin-runtime.js";
import { unloadPlugin } from "./unload-plugin.js";

export interface HostLogger {
  log(entry: { pluginId: string; level: LogLine["level"]; text: string }): void;
}

export interface CoreOptions {
  readonly version: string;
  readonly api: CompiledApi;
  readonly policy: ResolvedPolicy;
  readonly storage: StorageAdapter | undefined;
  readonly logger: HostLogger | undefined;
  readonly catalogue: GlobalCatalogue;
  /** The application's values for plugins' contributed settings. */
  readonly settings:
    | ((pluginId: string) => Readonly<Record<string, unknown>> | undefined)
    | undefined;
}

export interface RunOptions {
  readonly droppable: boolean;
  readonly signal?: AbortSignal;
  /** Wall-time limit of the run, when shorter than the per-event CPU budget. */
  readonly timeMs?: number;
  /** Counts as an event delivery in the usage report (fuel per event). */
  readonly isEvent?: boolean;
  /** For a request from other plugins: who asked, oldest first (see `RunContext.chain`). */
  readonly chain?: readonly string[];
}

/** The error a task settles with when its plugin unloads before it runs or while it runs. */
export function unloadedError(pluginId: string, task = "the task"): HostError {
  return new HostError(
    "COVE_PLUGIN_STATE",
    messages.state(pluginId, "unloaded", `run ${task}`),
    pluginId,
  );
}

export class HostCore {
  readonly records = new Map<string, PluginRecord>();
  readonly runtimes = new Map<string, PluginRuntime>();
  readonly bus = new EventEmitter<HostEvents>();
  readonly audit: AuditLog;
  /** Pending restarts, cleared by `dispose`. */
  readonly restartTimers = new Set<ReturnType<typeof setTimeout>>();
  /** Errors counted towards the `errors` budget since the plugin's current load. */
  readonly errorsThisLoad = new Map<string, number>();
  /** Host work under way that can queue plugin tasks: loads, deliveries, calls, unloads. */
  private readonly inflight = new Set<Promise<unknown>>();
  /** Set by the facade: loads a plugin again from its record (restart, reload). */
  reloadRecord: (record: PluginRecord, reason: string) => Promise<void> = async () => {};

  constructor(readonly options: CoreOptions) {
    this.audit = createAuditLog(10_000, (entry) => this.bus.emit("audit:denied", entry));
  }

  /** Counts `work` as under way until it settles (see `idle`); returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    const done = () => void this.inflight.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * Resolves once every plugin's queue is drained, no run is in progress and no host work that
   * could queue more (a load, a delivery, a call, an unload) is under way — checked again after
   * a turn of the event loop, for work that what just ended scheduled. Timers not yet due (a
   * plugin's, a restart's backoff) are not work under way.
   */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.runtimes.values()].filter((runtime) => !runtime.queue.isIdle);
      if (busy.length === 0 && this.inflight.size === 0) {
        await new Promise<void>((resolve) => yieldTurn(resolve));
        if (this.inflight.size === 0 && [...this.runtimes.values()].every((r) => r.queue.isIdle)) {
          return;
        }
        continue;
      }
      await Promise.allSettled([...this.inflight, ...busy.map((runtime) => runtime.queue.idle())]);
    }
  }

  transition(record: PluginRecord, to: PluginState, note?: string): void {
    const from = record.state;
    record.state = to;
    const text = `${from} → ${to}${note === undefined ? "" : ` (${note})`}`;
    record.transitions.push({ time: Date.now(), level: "transition", text });
    if (record.transitions.length > 1000)
      record.transitions.splice(0, record.transitions.length - 1000);
    this.bus.emit("plugin:state", {
      pluginId: record.id,
      from,
      to,
      ...(note === undefined ? {} : { note }),
    });
  }

  log(record: PluginRecord, level: LogLine["level"], text: string): void {
    appendLog(record, { time: Date.now(), level, text }, this.options.policy.logLines);
    this.options.logger?.log({ pluginId: record.id, level, text });
    this.bus.emit("plugin:log", { pluginId: record.id, level, text });
  }

  /** Queues `fn(...args)` on the plugin's queue; resolves with its result. */
  enqueue(
    record: PluginRecord,
    runtime: PluginRuntime,
    label: string,
    fn: GuestFunction,
    args: readonly unknown[],
    options: RunOptions,
  ): { promise: Promise<unknown>; task: Task } {
    return this.enqueueTask(runtime, label, options.droppable, () =>
      this.runGuest(record, runtime, label, fn, args, options),
    );
  }

  /** Queues any work on the plugin's queue; resolves with its result. */
  enqueueTask(
    runtime: PluginRuntime,
    label: string,
    droppable: boolean,
    run: () => Promise<unknown>,
  ): { promise: Promise<unknown>; task: Task } {
    let settle!: Task["settle"];
    const promise = new Promise<unknown>((resolve, reject) => {
      settle = (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error));
    });
    const task: Task = { label, droppable, run, settle };
    runtime.queue.push(task);
    return { promise, task };
  }

  /**
   * Runs guest code now, under the per-event budget, and accounts for it: a read of the
   * sandbox's counters after the run gives its fuel, the CPU time so far and its allocation,
   * from which the heap budgets are checked — walking the heap only when one could have been
   * broken (see `heap-budget.ts`).
   */
  async runGuest(
    record: PluginRecord,
    runtime: PluginRuntime,
    label: string,
    fn: GuestFunction,
    args: readonly unknown[],
    options: Omit<RunOptions, "droppable">,
  ): Promise<unknown> {
    if (!runtime.alive) throw unloadedError(record.id);
    const limits = perEventLimits(record.perEvent);
    if (options.timeMs !== undefined)
      limits.timeMs = Math.min(limits.timeMs ?? Infinity, options.timeMs);
    // One signal for the run: the caller's, the plugin's lifetime, and the run's own end (which
    // cancels requests the run made and no longer waits for).
    const ended = new AbortController();
    const signals = [ended.signal, runtime.lifetime.signal];
    if (options.signal !== undefined) signals.push(options.signal);
    const signal = AbortSignal.any(signals);
    const outer = runtime.current;
    runtime.current = { signal, chain: options.chain ?? [] };
    runtime.heap.inflowBytes += hostValueBytes(args);
    let value: unknown;
    let failure: { error: unknown } | undefined;
    try {
      value = await invokeGuest(runtime.sandbox, fn, args, { limits, signal });
    } catch (error) {
      failure = { error };
    } finally {
      runtime.current = outer;
      ended.abort(new Error(`${label} ended`));
    }
    if (runtime.alive) {
      const heapError = this.account(record, runtime, options.isEvent === true);
      // A cumulative heap exhaustion outranks the run's own failure: it unloads the plugin.
      if (heapError !== undefined && (failure === undefined || heapError.scope === "total")) {
        failure = { error: heapError };
      }
    }
    if (failure === undefined) return value;
    this.guestFailed(record, runtime, label, failure.error);
    throw unwrapAbort(failure.error);
  }

  /**
   * Reads the sandbox's counters once after a run: fuel per event, the cumulative CPU time and
   * the allocation the heap check starts from. Returns the heap budget the run broke, if any.
   */
  private account(
    record: PluginRecord,
    runtime: PluginRuntime,
    isEvent: boolean,
  ): ResourceExhaustedError | undefined {
    const after = runtime.sandbox.resources({ heap: false });
    const usage = record.usage;
    if (isEvent) {
      usage.fuelPerEvent.push(after.fuel - runtime.measured.fuel);
      if (usage.fuelPerEvent.length > FUEL_SAMPLES) usage.fuelPerEvent.shift();
    }
    runtime.measured = { fuel: after.fuel };
    if (after.cpuTimeMs > record.cumulative.cpuMs) this.requestUnload(record, "budget:cpu");
    return checkHeapAfterRun(record, runtime, after.allocationBytes);
  }

  private guestFailed(
    record: PluginRecord,
    runtime: PluginRuntime,
    label: string,
    error: unknown,
  ): void {
    if (error instanceof RunAbortedError || !runtime.alive) return;
    if (error instanceof ResourceExhaustedError && error.scope === "total") {
      this.log(record, "error", `${label}: ${error.message}`);
      this.requestUnload(record, budgetReason(error.resource as ResourceName));
      return;
    }
    const usage = record.usage;
    usage.errors++;
    let text: string;
    if (error instanceof ResourceExhaustedError) {
      increment(usage.perEventExhausted, error.resource);
      text = `${label}: per-event ${error.resource} budget exhausted (used ${error.used} of ${error.limit})`;
    } else if (error instanceof SandboxError) {
      text = `${label}: ${guestStackOf(error.guestStack) || error.message}`;
    } else {
      text = `${label}: ${error instanceof Error ? error.message : String(error)}`;
    }
    usage.lastError = text;
    this.log(record, "error", text);
    this.bus.emit("plugin:error", {
      pluginId: record.id,
      during: label,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    const count = (this.errorsThisLoad.get(record.id) ?? 0) + 1;
    this.errorsThisLoad.set(record.id, count);
    if (count >= record.cumulative.errors) this.requestUnload(record, "errors");
  }

  /** Unloads the plugin soon, outside the run that found the reason. */
  requestUnload(record: PluginRecord, reason: string): void {
    const runtime = this.runtimes.get(record.id);
    if (runtime === undefined || !runtime.alive || runtime.unloadRequested !== undefined) return;
    runtime.unloadRequested = reason;
    this.track(
      Promise.resolve().then(() =>
        this.unload(record.id, reason).catch((error: unknown) => {
          this.log(record, "error", `unload failed: ${String(error)}`);
        }),
      ),
    );
  }

  /** Unloads a plugin (DESIGN §3.4); see `unload-plugin.ts`. */
  unload(pluginId: string, reason: string): Promise<void> {
    return this.track(unloadPlugin(this, pluginId, reason));
  }
}

/** A run stopped by an abort whose reason is a host error (an unload, a timeout) fails with it. */
function unwrapAbort(error: unknown): unknown {
  return error instanceof RunAbortedError && error.reason instanceof HostError
    ? error.reason
    : error;
}
