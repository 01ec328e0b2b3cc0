/**
 * A fixed set of worker threads, each running one job at a time. A job that outlives the
 * wall-clock timeout has its worker terminated and replaced (the interpreter's own time limit
 * normally ends it first); a worker that dies takes only its current job with it.
 */
import { Worker } from "node:worker_threads";
import type { Observation } from "./outcome.js";
import type { Job, JobResult, WorkerConfig } from "./protocol.js";

export interface PoolOptions {
  workers: number;
  timeoutMs: number;
  workerUrl: URL;
  config: WorkerConfig;
}

export interface PoolResult {
  observation: Observation;
  /** Wall-clock time from dispatch to result, worker start-up included. */
  ms: number;
  /** Interpreter fuel the run used; undefined when the worker was stopped or died. */
  fuel: number | undefined;
}

/** The workers could not be started (the interpreter failed to load, for instance). */
export class PoolError extends Error {}

/** Workers dying this many times in a row before they are ready means they cannot start. */
const MAX_STARTUP_FAILURES = 3;

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  startedAt: number;
  /** Set once the worker has loaded the interpreter (its first message). */
  ready: boolean;
  /** Set while the runner itself is terminating the worker. */
  retiring: boolean;
}

/** Runs jobs 0 … count-1, built on demand by `makeJob` (sources are not all held at once). */
export function runPool(
  count: number,
  makeJob: (index: number) => Job,
  options: PoolOptions,
  onResult: (job: Job, result: PoolResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let pending = count;
    let startupFailures = 0;
    let stopped = false;
    const slots: Slot[] = [];
    /** Jobs whose worker died before it was ready: they never ran, so they run again. */
    const retry: Job[] = [];

    const stop = (error?: Error) => {
      if (stopped) return;
      stopped = true;
      for (const s of slots) {
        clearTimeout(s.timer);
        s.retiring = true;
        void s.worker.terminate();
      }
      if (error === undefined) resolve();
      else reject(error);
    };

    const finish = (slot: Slot, observation: Observation, fuel?: number) => {
      const job = slot.job;
      if (job === undefined) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      slot.timer = undefined;
      onResult(job, { observation, ms: Date.now() - slot.startedAt, fuel });
      pending--;
      if (pending === 0) stop();
    };

    const dispatch = (slot: Slot) => {
      if (stopped) return;
      let job = retry.pop();
      if (job === undefined) {
        if (next >= count) return;
        job = makeJob(next++);
      }
      slot.job = job;
      slot.startedAt = Date.now();
      slot.timer = setTimeout(() => {
        replace(slot, { kind: "timeout", ms: options.timeoutMs });
      }, options.timeoutMs);
      slot.worker.postMessage(job);
    };

    /**
     * Ends the slot's current job with `observation` (or queues it again when undefined) and
     * gives the slot a fresh worker.
     */
    const replace = (slot: Slot, observation: Observation | undefined) => {
      slot.retiring = true;
      void slot.worker.terminate();
      if (observation !== undefined) finish(slot, observation);
      else if (slot.job !== undefined) {
        clearTimeout(slot.timer);
        retry.push(slot.job);
        slot.job = undefined;
      }
      if (stopped) return;
      const fresh = spawn();
      slots[slots.indexOf(slot)] = fresh;
      dispatch(fresh);
    };

    const spawn = (): Slot => {
      const worker = new Worker(options.workerUrl, {
        workerData: options.config,
        resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: 8 },
      });
      const slot: Slot = {
        worker,
        job: undefined,
        timer: undefined,
        startedAt: 0,
        ready: false,
        retiring: false,
      };
      worker.on("message", (r: JobResult | "ready") => {
        if (r === "ready") {
          slot.ready = true;
          startupFailures = 0;
          return;
        }
        if (slot.job?.seq === r.seq) finish(slot, r.observation, r.fuel);
        dispatch(slot);
      });
      const died = (message: string) => {
        if (slot.retiring || stopped) return;
        if (slot.ready) {
          replace(slot, { kind: "crashed", message });
        } else if (++startupFailures >= MAX_STARTUP_FAILURES) {
          stop(new PoolError(`test262 workers keep failing: ${message}`));
        } else {
          replace(slot, undefined);
        }
      };
      worker.on("error", (e) => died(e.stack ?? e.message));
      worker.on("exit", (code) => died(`exited with code ${code}`));
      return slot;
    };

    if (count === 0) {
      resolve();
      return;
    }
    for (let i = 0; i < Math.max(1, Math.min(options.workers, count)); i++) {
      const slot = spawn();
      slots.push(slot);
      dispatch(slot);
    }
  });
}
