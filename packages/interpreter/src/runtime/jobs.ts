/**
 * The job queue of a sandbox (https://tc39.es/ecma262/#sec-jobs): promise reaction jobs and
 * thenable jobs, run FIFO when no guest code is on the stack. Each job is charged to the run
 * that queued it (HostEnqueuePromiseJob records it), so work a run queues is metered against
 * that run's budget and cannot outlive it (DESIGN §2.1 invariant 4). A job queued by a run that
 * has since finished (a host promise settling later, see the membrane) runs under a run the
 * sandbox supplies.
 *
 * Unhandled rejections follow HostPromiseRejectionTracker: "reject" remembers a promise rejected
 * with no handler, "handle" forgets it; promises still unhandled when a drain ends are reported
 * once to `realm.hooks.onUnhandledRejection`.
 */
import type { Realm } from "../realm/realm.js";
import type { JSObject } from "../values/object.js";
import type { PromiseObject } from "../values/promise-object.js";
import type { Run } from "./run.js";
import { ThrowSignal } from "./throw.js";

/** A queued job: its work, and the run it is charged to. */
export interface Job {
  readonly run: Run;
  /** The job's steps, executed under `run` (or the fallback run when `run` has finished). */
  readonly job: (run: Run) => void;
}

/** Queued jobs compact once this many have run. */
const COMPACT_AT = 1024;

/** A realm's job queue and rejection tracker. */
export class JobQueue {
  private items: Job[] = [];
  /** Index of the next job to run; the items before it have run. */
  private head = 0;
  /** Set while a drain is running, so a nested drain request is a no-op. */
  draining = false;
  /** Rejected promises without a handler yet (HostPromiseRejectionTracker's list). */
  readonly rejected = new Set<PromiseObject>();

  get size(): number {
    return this.items.length - this.head;
  }

  push(job: Job): void {
    this.items.push(job);
  }

  shift(): Job | undefined {
    if (this.head >= this.items.length) {
      if (this.head > 0) this.items = [];
      this.head = 0;
      return undefined;
    }
    const job = this.items[this.head++];
    if (this.head >= COMPACT_AT && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return job;
  }

  /** Removes the queued jobs `drop` selects; returns how many. */
  remove(drop: (job: Job) => boolean): number {
    const before = this.size;
    this.items = this.items.slice(this.head).filter((j) => !drop(j));
    this.head = 0;
    return before - this.items.length;
  }
}

/**
 * HostEnqueuePromiseJob (https://tc39.es/ecma262/#sec-hostenqueuepromisejob): appends `job` to
 * the queue of the run's realm, charged to `run`.
 */
export function enqueueJob(run: Run, job: (run: Run) => void): void {
  run.realm.jobs.push({ run, job });
}

/**
 * Runs queued jobs in order until the queue is empty, then reports the rejections still
 * unhandled. Each job runs under the run it was charged to, or under `fallbackRun()` when that
 * run has finished; jobs of a run that died (its budget ran out) are dropped unrun. Each job
 * costs 1 fuel. A guest exception cannot escape a job (reaction jobs catch them); a host error
 * (budget exhaustion, abort) marks its run dead, stops the drain and propagates, leaving the
 * rest queued: the caller discards the dead run's jobs (discardJobs) and may drain again.
 * A drain requested while one is running (guest → host → sandbox) does nothing: jobs run only
 * when no guest code is on the stack.
 */
export function drainJobs(realm: Realm, fallbackRun: () => Run): void {
  const q = realm.jobs;
  if (q.draining) return;
  q.draining = true;
  let last: Run | undefined;
  try {
    for (let job = q.shift(); job !== undefined; job = q.shift()) {
      if (job.run.dead !== null) continue;
      const run = job.run.active ? job.run : fallbackRun();
      if (run.dead !== null) continue;
      last = run;
      try {
        run.charge(1);
        run.startClock();
        try {
          job.job(run);
        } finally {
          run.stopClock();
        }
      } catch (e) {
        if (e instanceof ThrowSignal) continue;
        run.dead ??= e instanceof Error ? e : new Error(String(e));
        throw e;
      }
    }
  } finally {
    q.draining = false;
  }
  reportUnhandledRejections(realm, () => last ?? fallbackRun());
}

/** Removes the jobs charged to `run` (a run that ended: its queued work goes with it). */
export function discardJobs(realm: Realm, run: Run): number {
  return realm.jobs.remove((j) => j.run === run);
}

/** Removes the jobs charged to runs that have finished (see drainJobs' fallback run). */
export function discardOrphanJobs(realm: Realm): number {
  return realm.jobs.remove((j) => !j.run.active);
}

/**
 * HostPromiseRejectionTracker (https://tc39.es/ecma262/#sec-host-promise-rejection-tracker).
 */
export function trackRejection(
  run: Run,
  promise: PromiseObject,
  operation: "reject" | "handle",
): void {
  const rejected = run.realm.jobs.rejected;
  if (operation === "reject") rejected.add(promise);
  else rejected.delete(promise);
}

/** Reports (once) each tracked promise that is still rejected and unhandled. */
function reportUnhandledRejections(realm: Realm, fallbackRun: () => Run): void {
  const rejected = realm.jobs.rejected;
  if (rejected.size === 0) return;
  const list = [...rejected];
  rejected.clear();
  const report = realm.hooks.onUnhandledRejection;
  if (report === undefined) return;
  for (const p of list) {
    if (p.isHandled || p.state !== "rejected") continue;
    report(p.result, p as JSObject, fallbackRun());
  }
}
