/**
 * The timed part: for each workload, rounds of warm-up then timed runs, every engine taking its
 * turn in each round (native first, as it sets the reference checksum). A cell stops at its first
 * WRONG, FAIL or n/a; one progress line is printed per cell as it finishes.
 */
import { classify, type Reference } from "./classify.js";
import type { EngineClient } from "./engine-client.js";
import { NATIVE } from "./engines/index.js";
import { formatMs, formatRatio } from "./format.js";
import type { RunOutcome } from "./protocol.js";
import type { Cell, WorkloadResult } from "./results.js";
import { median } from "./stats.js";
import type { Workload } from "./workloads.js";

export interface WorkloadPlan {
  warmup: number;
  runs: number;
  timeoutMs: number;
  engines: readonly string[];
  clients: ReadonlyMap<string, EngineClient>;
  log(line: string): void;
}

async function runOnce(client: EngineClient, w: Workload, timeoutMs: number): Promise<RunOutcome> {
  const { name, file, hostFile } = w;
  const reply = await client.request(
    { type: "run", workload: { name, file, hostFile } },
    timeoutMs,
  );
  if (reply.type === "run") return reply.outcome;
  return { ok: false, unsupported: false, message: reply.type === "error" ? reply.message : "?" };
}

export async function measureWorkload(w: Workload, plan: WorkloadPlan): Promise<WorkloadResult> {
  const cells: Record<string, Cell> = {};
  const running = new Set(plan.engines);
  for (const id of plan.engines) cells[id] = { status: "ok", medianMs: null, timesMs: [] };
  let reference: Reference | undefined;
  const width = Math.max(...plan.engines.map((id) => id.length));

  const finish = (id: string, cell: Cell): void => {
    running.delete(id);
    const nativeMs = cells[NATIVE]?.medianMs;
    let text: string;
    if (cell.status === "ok" && cell.medianMs !== null) {
      const ratio = id !== NATIVE && nativeMs ? `  ${formatRatio(cell.medianMs / nativeMs)}` : "";
      text = `${formatMs(cell.medianMs)}${ratio}`;
    } else {
      const tag = cell.status === "n/a" ? "n/a" : cell.status.toUpperCase();
      text = `${tag}  ${cell.message ?? ""}`;
    }
    plan.log(`  ${w.name}  ${id.padEnd(width)}  ${text}`);
  };

  const rounds = plan.warmup + plan.runs;
  for (let round = 0; round < rounds; round++) {
    for (const id of plan.engines) {
      if (!running.has(id)) continue;
      const cell = cells[id] as Cell;
      const client = plan.clients.get(id) as EngineClient;
      const outcome = await runOnce(client, w, plan.timeoutMs);
      if (id === NATIVE && reference === undefined) {
        reference = outcome.ok
          ? { ok: true, value: outcome.value }
          : { ok: false, message: outcome.message };
      }
      const verdict = classify(outcome, reference ?? { ok: false, message: "native did not run" });
      if (verdict.status !== "ok") {
        cells[id] = {
          status: verdict.status,
          medianMs: null,
          timesMs: [],
          ...(verdict.status === "wrong"
            ? { value: verdict.value, message: "wrong checksum" }
            : { message: verdict.message }),
        };
        if (id === NATIVE && verdict.status === "wrong") {
          (cells[id] as Cell).message = "native checksum changed between runs";
        }
        finish(id, cells[id] as Cell);
        continue;
      }
      if (round >= plan.warmup) cell.timesMs.push(verdict.ms);
      if (round === rounds - 1) {
        cell.medianMs = median(cell.timesMs);
        finish(id, cell);
      }
    }
  }
  return {
    name: w.name,
    file: w.file,
    shared: w.shared,
    hostCalls: w.hostCalls ?? null,
    expected: reference?.ok ? reference.value : null,
    cells,
  };
}
