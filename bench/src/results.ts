/** The shape of a benchmark report (also its JSON file). Missing figures are null. */

export type CellStatus = "ok" | "wrong" | "fail" | "n/a";

/** One engine on one workload. */
export interface Cell {
  status: CellStatus;
  /** Median of the timed runs, for an "ok" cell. */
  medianMs: number | null;
  timesMs: number[];
  /** The wrong checksum, for a "wrong" cell. */
  value?: unknown;
  /** Why the cell failed or is not applicable. */
  message?: string;
}

export interface WorkloadResult {
  name: string;
  file: string;
  /** One of the shared (public) workloads, which the public geometric mean is taken over. */
  shared: boolean;
  hostCalls: number | null;
  /** The native checksum. */
  expected: unknown;
  cells: Record<string, Cell>;
}

export interface ExtrasResult {
  /** Median time to create an empty sandbox. */
  creationMs: number | null;
  /** Memory retained per idle sandbox. */
  idleBytes: number | null;
  message?: string;
}

export interface EngineMeta {
  id: string;
  label: string;
  version: string | null;
  peer: boolean;
}

export interface EngineSummary {
  id: string;
  /** Geometric mean over completed workloads of (engine median / native median). */
  geomean: number | null;
  completed: number;
  total: number;
  /** The same over the shared (public) workloads only, comparable between repositories. */
  publicGeomean: number | null;
  publicCompleted: number;
  publicTotal: number;
  /** Geometric mean of (engine / other) over the workloads both completed, per other engine. */
  versus: Record<string, number | null>;
  /** (engine median − native median) / host calls on the host-bridge workload, in µs. */
  hostCallUs: number | null;
  creationMs: number | null;
  idleBytes: number | null;
}

export interface BenchReport {
  meta: {
    date: string;
    command: string;
    node: string;
    platform: string;
    cpu: string;
    cores: number;
    /** One-minute load average when the run started. */
    loadAverage: number;
    commit: string | null;
    dirty: boolean;
    warmup: number;
    runs: number;
    coveLimits: Record<string, number>;
    creations: number | null;
    idle: number | null;
  };
  engines: EngineMeta[];
  workloads: WorkloadResult[];
  extras: Record<string, ExtrasResult>;
  summary: EngineSummary[];
}
