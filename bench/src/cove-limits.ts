import type { RunLimits } from "@cove/interpreter";

/**
 * Per-run limits of the Cove sandboxes. Metering stays on (fuel, memory, call depth, host calls
 * and wall time are charged and checked as in production); only the fuel, memory and time
 * budgets are raised so that no workload runs out. Call depth and host calls keep their defaults.
 */
export const BENCH_LIMITS: Partial<RunLimits> = {
  fuel: 1e10,
  memoryBytes: 4e9,
  timeMs: 600_000,
};
