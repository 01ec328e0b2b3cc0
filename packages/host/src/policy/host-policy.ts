/**
 * The host's policy: what plugins may be granted, how much they may use, what happens when a
 * queue fills or a plugin fails. Every field is optional; `resolvePolicy` fills the defaults,
 * which are safe: budgets are bounded, queues are bounded, errors reach plugins sanitized.
 */

import type { Budget, Capability } from "@cove/plugin-sdk";

export type OverflowPolicy = "drop-oldest" | "drop-newest" | "unload";

/** A budget with every limit set; `Infinity` where unlimited. */
export type FullBudget = Required<Budget>;

export interface BudgetPolicy {
  /** Used for limits the manifest does not state. */
  readonly default?: Budget;
  /** The most a manifest may ask for; larger requests are clamped to it. */
  readonly max?: Budget;
}

export interface RestartPolicy {
  /** Restarts allowed over the plugin's life on this host. */
  readonly maxRestarts: number;
  /** Delay before the first restart; doubled (times `factor`) for each later one. */
  readonly backoffMs: number;
  readonly factor?: number;
  /** Unload reasons that lead to a restart. Defaults to `["errors"]`. */
  readonly on?: readonly string[];
}

export interface HostPolicy {
  /**
   * Whether a capability a plugin asks for is granted. A list names the capabilities granted to
   * any plugin that asks; a function decides per plugin. Default: grant what is asked.
   */
  readonly capabilities?:
    | readonly string[]
    | ((pluginId: string, capability: Capability) => boolean);
  /** Catalogue globals plugins may have. Default: the whole catalogue. */
  readonly globals?: readonly string[];
  readonly budgets?: { readonly perEvent?: BudgetPolicy; readonly cumulative?: BudgetPolicy };
  /** Each plugin's event queue. */
  readonly queue?: { readonly capacity?: number; readonly overflow?: OverflowPolicy };
  /** How much of a host error a plugin sees (see @cove/interpreter's error policy). */
  readonly errors?: "safe" | "sanitize" | "full";
  /** Restart a plugin unloaded for some reasons, with backoff. Off by default. */
  readonly restart?: RestartPolicy;
  /** The budget `deactivate()` runs under when a plugin is unloaded. */
  readonly deactivateBudget?: { readonly fuel?: number; readonly cpuMs?: number };
  /** Each plugin's storage quota in bytes (the JSON size of its values and keys). */
  readonly storageQuotaBytes?: number;
  /** How long `host.request` and `host.executeCommand` wait by default. */
  readonly requestTimeoutMs?: number;
  /** Lines kept in each plugin's log record. */
  readonly logLines?: number;
}

export interface ResolvedPolicy {
  readonly grants: (pluginId: string, capability: Capability) => boolean;
  readonly globals: ReadonlySet<string> | undefined;
  readonly perEvent: { readonly default: FullBudget; readonly max: FullBudget };
  readonly cumulative: { readonly default: FullBudget; readonly max: FullBudget };
  readonly queueCapacity: number;
  readonly overflow: OverflowPolicy;
  readonly errors: "safe" | "sanitize" | "full";
  readonly restart: Required<RestartPolicy> | undefined;
  readonly deactivateBudget: { readonly fuel: number; readonly cpuMs: number };
  readonly storageQuotaBytes: number;
  readonly requestTimeoutMs: number;
  readonly logLines: number;
}

export const DEFAULT_PER_EVENT: FullBudget = {
  fuel: 10_000_000,
  cpuMs: 1_000,
  allocationBytes: 64 * 1024 * 1024,
  heapBytes: 64 * 1024 * 1024,
  hostCalls: 10_000,
  errors: 1,
};

export const DEFAULT_CUMULATIVE: FullBudget = {
  fuel: 10_000_000_000,
  cpuMs: 10 * 60 * 1000,
  allocationBytes: 16 * 1024 * 1024 * 1024,
  heapBytes: 256 * 1024 * 1024,
  hostCalls: 10_000_000,
  errors: 50,
};

const UNLIMITED: FullBudget = {
  fuel: Number.POSITIVE_INFINITY,
  cpuMs: Number.POSITIVE_INFINITY,
  allocationBytes: Number.POSITIVE_INFINITY,
  heapBytes: Number.POSITIVE_INFINITY,
  hostCalls: Number.POSITIVE_INFINITY,
  errors: Number.POSITIVE_INFINITY,
};

export function resolvePolicy(policy: HostPolicy = {}): ResolvedPolicy {
  const capabilities = policy.capabilities;
  const grants =
    capabilities === undefined
      ? () => true
      : typeof capabilities === "function"
        ? capabilities
        : (_: string, capability: Capability) => capabilities.includes(capability.name);
  const restart = policy.restart;
  return {
    grants,
    globals: policy.globals === undefined ? undefined : new Set(policy.globals),
    perEvent: {
      default: { ...DEFAULT_PER_EVENT, ...policy.budgets?.perEvent?.default },
      max: { ...UNLIMITED, ...policy.budgets?.perEvent?.max },
    },
    cumulative: {
      default: { ...DEFAULT_CUMULATIVE, ...policy.budgets?.cumulative?.default },
      max: { ...UNLIMITED, ...policy.budgets?.cumulative?.max },
    },
    queueCapacity: policy.queue?.capacity ?? 1000,
    overflow: policy.queue?.overflow ?? "drop-oldest",
    errors: policy.errors ?? "sanitize",
    restart: restart === undefined ? undefined : { factor: 2, on: ["errors"], ...restart },
    deactivateBudget: { fuel: 1_000_000, cpuMs: 100, ...policy.deactivateBudget },
    storageQuotaBytes: policy.storageQuotaBytes ?? 1024 * 1024,
    requestTimeoutMs: policy.requestTimeoutMs ?? 5_000,
    logLines: policy.logLines ?? 200,
  };
}

/** The plugin's budget: what it asked for (or the default), clamped to the policy's maximum. */
export function clampBudget(
  requested: Budget | undefined,
  limits: { readonly default: FullBudget; readonly max: FullBudget },
): FullBudget {
  const out = { ...limits.default };
  for (const key of Object.keys(out) as (keyof FullBudget)[]) {
    out[key] = Math.min(requested?.[key] ?? limits.default[key], limits.max[key]);
  }
  return out;
}
