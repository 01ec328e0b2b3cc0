/**
 * How a plugin's budgets map onto its sandbox's limits, and how an exhausted interpreter
 * resource is named in unload reasons and reports.
 */

import type { ResourceName, RunLimits, TotalLimits } from "@cove/interpreter";
import type { FullBudget } from "../policy/host-policy.js";

/** The per-run limits of one event delivery, command or request. */
export function perEventLimits(budget: FullBudget): Partial<RunLimits> {
  return {
    fuel: budget.fuel,
    memoryBytes: budget.allocationBytes,
    timeMs: budget.cpuMs,
    hostCalls: budget.hostCalls,
  };
}

/** The sandbox's cumulative limits; `errors` and `cpuMs` are also checked by the host. */
export function cumulativeLimits(budget: FullBudget): TotalLimits {
  const limits: TotalLimits = {};
  if (Number.isFinite(budget.fuel)) limits.fuel = budget.fuel;
  if (Number.isFinite(budget.cpuMs)) limits.cpuTimeMs = budget.cpuMs;
  if (Number.isFinite(budget.allocationBytes)) limits.allocationBytes = budget.allocationBytes;
  if (Number.isFinite(budget.hostCalls)) limits.hostCalls = budget.hostCalls;
  if (Number.isFinite(budget.heapBytes)) limits.heapBytes = budget.heapBytes;
  return limits;
}

const REASONS: Record<ResourceName, string> = {
  fuel: "budget:fuel",
  memory: "budget:allocation",
  callDepth: "budget:callDepth",
  time: "budget:cpu",
  cpuTime: "budget:cpu",
  hostCalls: "budget:hostCalls",
  evaluations: "budget:evaluations",
  heap: "budget:heap",
};

/** `budget:fuel`, `budget:cpu`, … for an exhausted interpreter resource. */
export function budgetReason(resource: ResourceName): string {
  return REASONS[resource] ?? `budget:${resource}`;
}
