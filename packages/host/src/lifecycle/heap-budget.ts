/**
 * The live-heap budgets (DESIGN §3.4). The interpreter measures a sandbox's live heap
 * (`resources().heapBytes`: every byte guest code can still reach from its realm — globals,
 * module bindings, closures — built-ins included) by walking it. The host compares it, at the end
 * of every run, with two limits:
 *
 * - the cumulative `heapBytes`: the most the plugin may retain. Over it, the run fails with a
 *   cumulative `heap` exhaustion and the plugin is unloaded with the reason `budget:heap`: memory
 *   a plugin retains is only given back by discarding its sandbox.
 * - the per-event `heapBytes`: the most one run may add to the live heap. Over it, that run fails
 *   and counts as an error, like any per-event budget; what it retained stays retained.
 *
 * When: after every run, in the one `resources()` read the host makes per run anyway for fuel,
 * CPU time and allocation. Checking only once allocation since the last check passed a threshold
 * (the heap cannot grow by more than what was allocated, so a walk could be skipped until then)
 * would need those counters without the walk, which `resources()` does not offer: every read
 * walks. So the check costs nothing beyond the read, and the read costs a walk proportional to
 * the plugin's heap (3 to 5 ns per byte) — bounded, like the heap itself, by the heap budget.
 */

import { ResourceExhaustedError } from "@cove/interpreter";
import type { FullBudget } from "../policy/host-policy.js";

/**
 * The heap budget a run broke, judged from the live heap before and after it: a cumulative
 * exhaustion first (it unloads), else a per-event one, else `undefined`.
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
