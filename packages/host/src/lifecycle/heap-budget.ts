/**
 * The live-heap budgets (DESIGN §3.4), and when the host measures the live heap to check them.
 *
 * The interpreter measures a sandbox's live heap (`resources().heapBytes`: every byte guest code
 * can still reach from its realm — globals, module bindings, closures — built-ins included) by
 * walking it, at 3 to 5 ns per byte: about 0.7 ms for a small plugin, 80 ms at 15 MB. Two limits
 * apply to it:
 *
 * - the cumulative `heapBytes`: the most the plugin may retain. Over it, the run fails with a
 *   cumulative `heap` exhaustion and the plugin is unloaded with the reason `budget:heap`: memory
 *   a plugin retains is only given back by discarding its sandbox.
 * - the per-event `heapBytes`: the most one run may add to the live heap. Over it, that run fails
 *   and counts as an error, like any per-event budget; what it retained stays retained.
 *
 * When: not after every run. After a run the host reads the sandbox's counters without the walk
 * (`resources({ heap: false })`) and walks only when a budget could have been broken. The heap
 * only grows by what the plugin allocates and by what the host hands it, so after a walk that
 * measured H, the heap is at most H + `allowance` since then, where the allowance is
 *
 *   HEAP_SLACK × bytes allocated + bytes of host values copied in (`hostValueBytes`).
 *
 * HEAP_SLACK covers the walk counting more than the meter charged for the same objects (their
 * internal lists: up to about 4× for `arguments` objects, 1.3–2.7× for most; `heap-bound.test.ts`
 * checks it); the host counts values copied in itself because the interpreter charges them
 * little (strings not at all). So a run is followed by a walk when
 *
 * - `total`: H + allowance exceeds the cumulative budget (the plugin may be over it);
 * - `run`: the run's own allowance exceeds the per-event budget (it may have grown the heap by
 *   more); the growth then checked is the heap after the run less the bound on the heap before
 *   it, so a run is never blamed for what earlier ones retained — and one that only refills what
 *   earlier ones freed, unmeasured, can pass;
 * - `interval`: the plugin allocated (and was handed) max(1 MiB, budget / 8) since the last walk,
 *   so the peak reported stays near the truth;
 * - `runs`: WALK_EVERY_RUNS runs went by since the last walk. This catches, late, what the bound
 *   does not see: values from an application's own `catalogue` globals (not counted in) and the
 *   walk counting every reference to one string in full. (Memory retained only by a guest
 *   function the host holds, such as a registered handler's closure, is walked: the sandbox
 *   counts the guest functions behind live host callables as roots.)
 *
 * Near its budget, a plugin is walked after every run that allocates; a plugin far under it,
 * every WALK_EVERY_RUNS runs or so. A walk also happens at load (a `main` over budget is refused)
 * and for `host.usage({ measureHeap: true })`. The usage report's peak is the largest walk so
 * far, with when the last walk was and how many there were.
 */

import { ResourceExhaustedError } from "@cove/interpreter";
import type { FullBudget } from "../policy/host-policy.js";
import type { PluginRecord } from "./plugin-record.js";
import type { PluginRuntime } from "./plugin-runtime.js";

/** How many times what the meter charged for guest objects the walk may count them at. */
export const HEAP_SLACK = 8;
/** The most runs between two walks. */
export const WALK_EVERY_RUNS = 64;
const MIN_INTERVAL = 1024 * 1024;
const MAX_INTERVAL = 32 * 1024 * 1024;

/** A plugin's live heap between walks: the last measurement and what could have grown it since. */
export interface HeapWatch {
  /** The heap the last walk measured, and the allowance and raw growth (bytes) at that walk. */
  measured: number;
  allowanceAt: number;
  rawAt: number;
  runsSinceWalk: number;
  /** Bytes of host values copied into the sandbox so far (`hostValueBytes`). */
  inflowBytes: number;
  /** A bound on the heap when the next run starts, and the allowance then. */
  startBound: number;
  startAllowance: number;
}

export type WalkReason = "total" | "run" | "interval" | "runs";

export function newHeapWatch(): HeapWatch {
  return {
    measured: 0,
    allowanceAt: 0,
    rawAt: 0,
    runsSinceWalk: 0,
    inflowBytes: 0,
    startBound: 0,
    startAllowance: 0,
  };
}

function allowance(watch: HeapWatch, allocationBytes: number): number {
  return HEAP_SLACK * allocationBytes + watch.inflowBytes;
}

/** The most the heap can be now, given the sandbox's cumulative allocation. */
export function heapBound(watch: HeapWatch, allocationBytes: number): number {
  return watch.measured + allowance(watch, allocationBytes) - watch.allowanceAt;
}

/** Why the heap has to be walked after a run that ended at `allocationBytes`, if it does. */
export function walkReason(
  watch: HeapWatch,
  budgets: { readonly perEvent: FullBudget; readonly cumulative: FullBudget },
  allocationBytes: number,
): WalkReason | undefined {
  if (heapBound(watch, allocationBytes) > budgets.cumulative.heapBytes) return "total";
  if (allowance(watch, allocationBytes) - watch.startAllowance > budgets.perEvent.heapBytes) {
    return "run";
  }
  const interval = Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, budgets.cumulative.heapBytes / 8));
  if (allocationBytes + watch.inflowBytes - watch.rawAt >= interval) return "interval";
  if (watch.runsSinceWalk >= WALK_EVERY_RUNS) return "runs";
  return undefined;
}

/** Walks the plugin's heap now: the measurement becomes the bound's base and may be a new peak. */
export function walkHeap(record: PluginRecord, runtime: PluginRuntime): number {
  const report = runtime.sandbox.resources();
  const watch = runtime.heap;
  watch.measured = report.heapBytes;
  watch.allowanceAt = allowance(watch, report.allocationBytes);
  watch.rawAt = report.allocationBytes + watch.inflowBytes;
  watch.runsSinceWalk = 0;
  const usage = record.usage;
  usage.peakHeapBytes = Math.max(usage.peakHeapBytes, report.heapBytes);
  usage.heapWalks++;
  usage.heapMeasuredAt = Date.now();
  return report.heapBytes;
}

/** Sets what the next run's growth is judged from: the bound on the heap now. */
export function closeRun(watch: HeapWatch, allocationBytes: number): void {
  watch.startBound = heapBound(watch, allocationBytes);
  watch.startAllowance = allowance(watch, allocationBytes);
}

/**
 * Checks the heap budgets after a run that ended at `allocationBytes`, walking only if one
 * could have been broken; returns the one broken, if any.
 */
export function checkHeapAfterRun(
  record: PluginRecord,
  runtime: PluginRuntime,
  allocationBytes: number,
): ResourceExhaustedError | undefined {
  const watch = runtime.heap;
  watch.runsSinceWalk++;
  const before = watch.startBound;
  const walk = walkReason(watch, record, allocationBytes) !== undefined;
  const after = walk ? walkHeap(record, runtime) : undefined;
  closeRun(watch, allocationBytes);
  return after === undefined ? undefined : heapOverBudget(record, before, after);
}

/**
 * The heap budget a run broke, judged from a bound on the live heap before it and the heap
 * measured after it: a cumulative exhaustion first (it unloads), else a per-event one, else
 * `undefined`.
 */
export function heapOverBudget(
  budgets: { readonly perEvent: FullBudget; readonly cumulative: FullBudget },
  before: number,
  after: number,
): ResourceExhaustedError | undefined {
  if (after > budgets.cumulative.heapBytes) {
    return new ResourceExhaustedError("heap", after, budgets.cumulative.heapBytes, "total");
  }
  const growth = after - before;
  if (growth > budgets.perEvent.heapBytes) {
    return new ResourceExhaustedError("heap", growth, budgets.perEvent.heapBytes, "run");
  }
  return undefined;
}
