/**
 * What every engine adapter provides. An adapter runs inside its own engine process
 * (engine-process.ts); the harness never loads engines itself.
 */

/** Host values a workload expects as globals (from its `*.host.mjs` module). */
export type HostGlobals = Record<string, unknown>;

/** A sandbox made for one workload: created once per engine process, then run many times. */
export interface WorkloadSandbox {
  /** Parses and runs `source`; returns its completion value (the checksum), or a promise of it. */
  run(source: string, filename: string): unknown;
  dispose?(): void;
}

/** An empty sandbox, created for the creation-time and idle-memory figures. */
export interface IdleSandbox {
  /** The engine's object(s), kept reachable while the harness measures retained memory. */
  held?: unknown;
  dispose?(): void;
  /**
   * Bytes the sandbox holds outside the V8 heap, for engines whose memory V8 does not see
   * (a WebAssembly heap). Without it the harness counts V8 heap and external memory.
   */
  offHeapBytes?(): number;
}

export interface Engine {
  /**
   * Rewrites a workload once, before any timed run, for engines that cannot return a
   * script's completion value (see completion.ts). The engine still parses the result on
   * every run.
   */
  prepareSource?(source: string): string;
  createSandbox(globals: HostGlobals): WorkloadSandbox;
  createIdle(): IdleSandbox;
}

/** Thrown by an adapter for a workload the engine cannot run by design (reported as "n/a"). */
export class UnsupportedError extends Error {
  override name = "UnsupportedError";
}
