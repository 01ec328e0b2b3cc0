/** The summary rows of a report, from its cells. Pure; tested in test/summary.test.ts. */
import { NATIVE } from "./engines/index.js";
import type { EngineMeta, EngineSummary, ExtrasResult, WorkloadResult } from "./results.js";
import { geomean } from "./stats.js";

/** The workload whose host calls give the per-call bridge overhead. */
export const HOST_BRIDGE = "j-host-bridge";

function okMedian(w: WorkloadResult, id: string): number | undefined {
  const cell = w.cells[id];
  return cell?.status === "ok" && cell.medianMs !== null ? cell.medianMs : undefined;
}

function nullable(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Geometric mean of a/b over the workloads both engines completed; null when none. */
export function pairRatio(
  workloads: readonly WorkloadResult[],
  a: string,
  b: string,
): number | null {
  const ratios: number[] = [];
  for (const w of workloads) {
    const ma = okMedian(w, a);
    const mb = okMedian(w, b);
    if (ma !== undefined && mb !== undefined) ratios.push(ma / mb);
  }
  return nullable(geomean(ratios));
}

/** (engine − native) / host calls on the host-bridge workload, in µs. */
export function hostCallOverhead(workloads: readonly WorkloadResult[], id: string): number | null {
  const w = workloads.find((x) => x.name === HOST_BRIDGE);
  if (!w?.hostCalls || id === NATIVE) return null;
  const engine = okMedian(w, id);
  const native = okMedian(w, NATIVE);
  if (engine === undefined || native === undefined) return null;
  return ((engine - native) * 1000) / w.hostCalls;
}

export function summarize(
  workloads: readonly WorkloadResult[],
  engines: readonly EngineMeta[],
  extras: Readonly<Record<string, ExtrasResult>>,
): EngineSummary[] {
  const shared = workloads.filter((w) => w.shared);
  return engines.map((engine) => {
    const versus: Record<string, number | null> = {};
    for (const other of engines) {
      if (other.id !== engine.id) versus[other.id] = pairRatio(workloads, engine.id, other.id);
    }
    return {
      id: engine.id,
      geomean: engine.id === NATIVE ? 1 : pairRatio(workloads, engine.id, NATIVE),
      completed: workloads.filter((w) => okMedian(w, engine.id) !== undefined).length,
      total: workloads.length,
      publicGeomean: engine.id === NATIVE ? 1 : pairRatio(shared, engine.id, NATIVE),
      publicCompleted: shared.filter((w) => okMedian(w, engine.id) !== undefined).length,
      publicTotal: shared.length,
      versus,
      hostCallUs: hostCallOverhead(workloads, engine.id),
      creationMs: extras[engine.id]?.creationMs ?? null,
      idleBytes: extras[engine.id]?.idleBytes ?? null,
    };
  });
}
