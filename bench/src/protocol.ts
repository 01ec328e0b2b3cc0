/** Messages between the harness and an engine process (one request in flight at a time). */

/** A workload as the engine process loads it. */
export interface WorkloadRef {
  name: string;
  file: string;
  /** `<name>.host.mjs` next to the workload, exporting `globals()`; absent when none. */
  hostFile: string | undefined;
}

export type Request =
  | { type: "run"; workload: WorkloadRef }
  | { type: "extras"; creations: number; idle: number };

/** One run of a workload: its time and completion value, or why it did not complete. */
export type RunOutcome =
  | { ok: true; ms: number; value: unknown }
  | { ok: false; unsupported: boolean; message: string };

export interface ExtrasOutcome {
  /** Time of each empty-sandbox creation, in ms. */
  creationMs: number[];
  /** Memory retained per idle sandbox, in bytes. */
  idleBytes: number;
}

export type Reply =
  | { type: "run"; outcome: RunOutcome }
  | { type: "extras"; outcome: ExtrasOutcome }
  | { type: "error"; message: string };
