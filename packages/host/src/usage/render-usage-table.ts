/**
 * The usage report as a terminal table: one row per plugin with the headline numbers, then,
 * per plugin, what it called, what it was denied and why it was unloaded.
 */

import { formatBytes, formatCount, formatMs, formatPercent } from "./format-units.js";
import type { UsageRecord, UsageReport } from "./usage-types.js";

const HEADERS = [
  "plugin",
  "version",
  "state",
  "events in/out/drop",
  "fuel",
  "% budget",
  "fuel/event p50/p95/max",
  "cpu",
  "alloc",
  "peak heap",
  "host calls",
  "denied",
  "errors",
  "storage",
  "unload reason",
];

function row(p: UsageRecord): string[] {
  return [
    p.id,
    p.version,
    p.state,
    `${p.events.in}/${p.events.out}/${p.events.dropped}`,
    formatCount(p.fuel.used),
    formatPercent(p.fuel.percent),
    `${formatCount(p.fuel.perEvent.p50)}/${formatCount(p.fuel.perEvent.p95)}/${formatCount(p.fuel.perEvent.max)}`,
    formatMs(p.cpuMs.used),
    formatBytes(p.allocationBytes.used),
    formatBytes(p.peakHeapBytes.used),
    String(p.hostCalls.total),
    String(p.denied.total),
    p.errors.budget === null ? String(p.errors.used) : `${p.errors.used}/${p.errors.budget}`,
    p.storage === null
      ? "—"
      : `${formatBytes(p.storage.usedBytes)}/${formatBytes(p.storage.quotaBytes)}`,
    p.unloadReason ?? "",
  ];
}

export function renderUsageTable(report: UsageReport): string {
  const rows = [HEADERS, ...report.plugins.map(row)];
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i >= 3 && i <= 13 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();
  const out = [
    `Cove usage report — host ${report.host.version}, ${report.generatedAt}, ${report.plugins.length} plugin(s)`,
    "",
    line(HEADERS),
    line(widths.map((w) => "─".repeat(w))),
    ...report.plugins.map((p) => line(row(p))),
  ];
  for (const p of report.plugins) {
    const details: string[] = [];
    const calls = Object.entries(p.hostCalls.byMethod)
      .sort((a, b) => b[1].count - a[1].count)
      .map(([method, u]) => `${method} ×${u.count} (${formatMs(u.totalMs)})`);
    if (calls.length > 0) details.push(`  host calls: ${calls.join(", ")}`);
    const denied = Object.entries(p.denied.byCapability).map(([cap, n]) => `${cap} ×${n}`);
    if (denied.length > 0) details.push(`  denied: ${denied.join(", ")}`);
    const exhausted = Object.entries(p.errors.perEventBudgetsExhausted).map(
      ([r, n]) => `${r} ×${n}`,
    );
    if (exhausted.length > 0)
      details.push(`  per-event budgets exhausted: ${exhausted.join(", ")}`);
    if (p.errors.last !== null) details.push(`  last error: ${p.errors.last.split("\n")[0]}`);
    if (p.unloadReason !== null) details.push(`  unloaded: ${p.unloadReason}`);
    if (p.activation !== null)
      details.push(`  activated: ${p.activation.reason} at ${p.activation.time}`);
    if (details.length > 0) out.push("", `${p.id}:`, ...details);
  }
  return `${out.join("\n")}\n`;
}
