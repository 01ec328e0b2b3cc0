import { ResourceExhaustedError, type ResourceName } from "../errors.js";

/** Cumulative limits of a sandbox (`limits.total`); absent means unlimited. */
export interface TotalLimits {
  fuel?: number;
  cpuTimeMs?: number;
  allocationBytes?: number;
  evaluations?: number;
  hostCalls?: number;
  heapBytes?: number;
}

/**
 * What a sandbox has used over its life. Runs add to it as they go (at meter checkpoints and
 * when they end), so concurrent runs cannot together overdraw a cumulative budget by more than
 * one checkpoint interval each.
 */
export class Account {
  fuel = 0;
  cpuTimeMs = 0;
  allocationBytes = 0;
  evaluations = 0;
  hostCalls = 0;
  peakRunFuel = 0;
  peakRunMemory = 0;
  peakCallDepth = 0;
  /** A cumulative budget that ran out: sticky, the sandbox can do no more of that work. */
  exhausted: { resource: ResourceName; scope: "run" | "total" } | undefined;
  /** The budget that ended the most recent run that ran out (not sticky). */
  lastRunExhausted: { resource: ResourceName; scope: "run" | "total" } | undefined;

  constructor(readonly limits: TotalLimits) {}

  check(key: keyof TotalLimits, resource: ResourceName, used: number): void {
    const limit = this.limits[key];
    if (limit !== undefined && used > limit) {
      this.exhausted = { resource, scope: "total" };
      throw new ResourceExhaustedError(resource, used, limit, "total");
    }
  }
}
