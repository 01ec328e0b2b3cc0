/** Messages between the runner (main thread) and its worker threads. */
import type { Negative } from "./frontmatter.js";
import type { Observation } from "./outcome.js";
import type { Variant } from "./variants.js";

/** One run of one test, everything the worker needs to evaluate it. */
export interface Job {
  seq: number;
  path: string;
  variant: Variant;
  /** The test's source as evaluated (strict variants already prefixed). */
  source: string;
  /** Harness files to evaluate first, by name under `harness/`. */
  harness: string[];
  negative: Negative | undefined;
  async: boolean;
}

export interface WorkerConfig {
  /** The unpacked test262 tree (harness files are read from `<root>/harness`). */
  root: string;
  /** Interpreter limits per test, below the runner's wall-clock timeout. */
  limits: {
    fuel: number;
    memoryBytes: number;
    callDepth: number;
    timeMs: number;
    hostCalls: number;
  };
}

export interface JobResult {
  seq: number;
  observation: Observation;
  /** Fuel the run used (harness included). */
  fuel: number;
}
