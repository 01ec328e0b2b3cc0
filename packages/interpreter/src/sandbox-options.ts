/**
 * The options and reports of the public sandbox API (sandbox.ts): what a sandbox and a run accept,
 * the safe default limits, and what `resources()` reports.
 */

import type { ModuleResolver } from "./compile/module.js";
import type { FeaturePolicy, SourceValidator } from "./parse/feature-policy.js";
import type { TotalLimits } from "./runtime/account.js";
import type { ErrorPolicy, RunLimits } from "./runtime/run.js";

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
  /** Syntax this sandbox refuses (by node type or ECMAScript edition), checked before compiling. */
  features?: FeaturePolicy;
  /** Inspects every program before it is compiled; return false or a message to refuse it. */
  validator?: SourceValidator;
  /** How `import` and `import()` find modules when a run does not say (see runModule). */
  modules?: ModuleResolver;
  /**
   * Called with the (exported) reason of each guest promise rejected without a handler, once the
   * job queue has drained. Without it, they are only counted (`resources().unhandledRejections`).
   */
  onUnhandledRejection?: (reason: unknown) => void;
}

export interface RunOptions {
  /** File name used in stack traces and syntax errors. */
  filename?: string;
  /** Per-call globals, visible only to this run. */
  globals?: Record<string, unknown>;
  limits?: Partial<RunLimits>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A feature policy for this run, applied on top of the sandbox's. */
  features?: FeaturePolicy;
  /** A validator for this run, applied after the sandbox's. */
  validator?: SourceValidator;
  /** @internal set by runSync: a pending promise result is refused. */
  sync?: boolean;
}

/** What `resources({ heap: false })` reports: the sandbox's counters, read without walking its heap. */
export interface ResourceCounters {
  fuel: number;
  cpuTimeMs: number;
  allocationBytes: number;
  evaluations: number;
  hostCalls: number;
  peaks: { runFuel: number; runMemoryBytes: number; callDepth: number };
  limits: TotalLimits;
  /** A cumulative budget that ran out (sticky). */
  exhausted: { resource: string; scope: "run" | "total" } | undefined;
  /** The budget that ended the most recent exhausted run. */
  lastRunExhausted: { resource: string; scope: "run" | "total" } | undefined;
  /** Guest promises rejected with no handler when the job queue drained. */
  unhandledRejections: number;
}

export interface ResourceReport extends ResourceCounters {
  /** Live guest heap: approximate bytes reachable from the realm (globals, modules, closures), built-ins included. */
  heapBytes: number;
}

export interface ResourceOptions {
  /**
   * Whether to measure the live heap (`heapBytes`), which walks everything the realm reaches and
   * costs in proportion to it (3 to 5 ns per byte); the counters cost nothing. Default true.
   */
  heap?: boolean;
}
