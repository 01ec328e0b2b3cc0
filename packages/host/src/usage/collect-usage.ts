/** Builds the usage report from the plugins' records and, for loaded plugins, their sandboxes. */

import { walkHeap } from "../lifecycle/heap-budget.js";
import type { HostCore } from "../lifecycle/host-core.js";
import type { PluginRecord } from "../lifecycle/plugin-record.js";
import type { Metered, UsageOptions, UsageRecord, UsageReport } from "./usage-types.js";

export function collectUsage(core: HostCore, options: UsageOptions = {}): UsageReport {
  if (options.measureHeap === true) {
    for (const [id, runtime] of core.runtimes) {
      const record = core.records.get(id);
      if (record !== undefined && runtime.alive) walkHeap(record, runtime);
    }
  }
  const plugins = [...core.records.values()].map((record) => usageOf(core, record));
  return {
    format: "cove-usage/1",
    host: { version: core.options.version },
    generatedAt: new Date().toISOString(),
    plugins,
  };
}

function usageOf(core: HostCore, record: PluginRecord): UsageRecord {
  const runtime = core.runtimes.get(record.id);
  const live = runtime?.sandbox.resources({ heap: false });
  const usage = record.usage;
  const fuel = usage.retired.fuel + (live?.fuel ?? 0);
  const cpuMs = usage.retired.cpuMs + (live?.cpuTimeMs ?? 0);
  const allocation = usage.retired.allocationBytes + (live?.allocationBytes ?? 0);
  const samples = [...usage.fuelPerEvent].sort((a, b) => a - b);
  const byMethod: Record<string, { count: number; totalMs: number }> = {};
  let hostCalls = 0;
  for (const [method, entry] of usage.hostCalls) {
    byMethod[method] = { count: entry.count, totalMs: round(entry.totalMs) };
    hostCalls += entry.count;
  }
  const byCapability = Object.fromEntries(usage.denied);
  const { cumulative, perEvent } = record;
  return {
    id: record.id,
    version: record.manifest.version,
    state: record.state,
    activation:
      record.activation === undefined
        ? null
        : {
            reason: record.activation.reason,
            time: new Date(record.activation.time).toISOString(),
          },
    events: { in: usage.eventsIn, out: usage.eventsOut, dropped: usage.eventsDropped },
    fuel: {
      ...metered(fuel, cumulative.fuel),
      perEvent: {
        p50: percentile(samples, 0.5),
        p95: percentile(samples, 0.95),
        max: samples[samples.length - 1] ?? 0,
        budget: finite(perEvent.fuel),
      },
    },
    cpuMs: metered(round(cpuMs), cumulative.cpuMs),
    allocationBytes: metered(allocation, cumulative.allocationBytes),
    peakHeapBytes: {
      ...metered(usage.peakHeapBytes, cumulative.heapBytes),
      measuredAt:
        usage.heapMeasuredAt === undefined ? null : new Date(usage.heapMeasuredAt).toISOString(),
      measurements: usage.heapWalks,
    },
    hostCalls: { total: hostCalls, budget: finite(cumulative.hostCalls), byMethod },
    denied: { total: [...usage.denied.values()].reduce((a, b) => a + b, 0), byCapability },
    errors: {
      ...metered(usage.errors, cumulative.errors),
      last: usage.lastError ?? null,
      perEventBudgetsExhausted: Object.fromEntries(usage.perEventExhausted),
    },
    storage:
      runtime?.store === undefined
        ? (record.lastStorage ?? null)
        : { usedBytes: runtime.store.usedBytes, quotaBytes: runtime.store.quotaBytes },
    unloadReason: record.unloadReason ?? null,
    restarts: record.restarts,
    window: {
      from: new Date(record.since).toISOString(),
      to: new Date(record.until ?? Date.now()).toISOString(),
    },
  };
}

function metered(used: number, budget: number): Metered {
  const b = finite(budget);
  return { used, budget: b, percent: b === null || b === 0 ? null : round((used / b) * 100) };
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
