/**
 * The usage report as one self-contained HTML page: no script, no external resource, charts as
 * inline SVG. Every text from a plugin (ids, errors, reasons) is escaped.
 */

import { formatBytes, formatCount, formatMs, formatPercent } from "./format-units.js";
import type { UsageReport } from "./usage-types.js";

export function renderUsageHtml(report: UsageReport): string {
  const plugins = report.plugins;
  const rows = plugins
    .map(
      (p) => `<tr class="${p.state === "unloaded" || p.state === "failed" ? "down" : ""}">
<td>${esc(p.id)}</td><td>${esc(p.version)}</td><td>${esc(p.state)}</td>
<td class="n">${p.events.in}/${p.events.out}/${p.events.dropped}</td>
<td class="n">${formatCount(p.fuel.used)}</td><td class="n">${formatPercent(p.fuel.percent)}</td>
<td class="n">${formatCount(p.fuel.perEvent.p50)}/${formatCount(p.fuel.perEvent.p95)}/${formatCount(p.fuel.perEvent.max)}</td>
<td class="n">${formatMs(p.cpuMs.used)}</td><td class="n">${formatBytes(p.allocationBytes.used)}</td>
<td class="n">${formatBytes(p.peakHeapBytes.used)}</td><td class="n">${p.hostCalls.total}</td>
<td class="n">${p.denied.total}</td><td class="n">${p.errors.used}</td>
<td class="n">${p.storage === null ? "—" : `${formatBytes(p.storage.usedBytes)} / ${formatBytes(p.storage.quotaBytes)}`}</td>
<td>${esc(p.unloadReason ?? "")}</td></tr>`,
    )
    .join("\n");
  const details = plugins
    .map((p) => {
      const calls = Object.entries(p.hostCalls.byMethod)
        .map(([m, u]) => `<li>${esc(m)} ×${u.count} (${formatMs(u.totalMs)})</li>`)
        .join("");
      const denied = Object.entries(p.denied.byCapability)
        .map(([c, n]) => `<li>${esc(c)} ×${n}</li>`)
        .join("");
      return `<section><h3>${esc(p.id)} <small>${esc(p.version)} · ${esc(p.state)}</small></h3>
<p>Window ${esc(p.window.from)} – ${esc(p.window.to)}${p.activation ? ` · activated by ${esc(p.activation.reason)} at ${esc(p.activation.time)}` : ""}${p.unloadReason ? ` · <strong>unloaded: ${esc(p.unloadReason)}</strong>` : ""}</p>
${calls ? `<p>Host calls</p><ul>${calls}</ul>` : ""}${denied ? `<p>Denied</p><ul>${denied}</ul>` : ""}
${p.errors.last ? `<p>Last error</p><pre>${esc(p.errors.last)}</pre>` : ""}</section>`;
    })
    .join("\n");

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cove usage report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2433}
table{border-collapse:collapse;margin:1rem 0}th,td{padding:.25rem .6rem;border-bottom:1px solid #dde}
th{text-align:left;background:#f3f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.down td{color:#9a2b2b}.charts{display:flex;flex-wrap:wrap;gap:2rem}figure{margin:0}
figcaption{font-weight:600;margin-bottom:.3rem}pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}
small{color:#667}
</style></head><body>
<h1>Cove usage report</h1>
<p>Host ${esc(report.host.version)} · generated ${esc(report.generatedAt)} · ${plugins.length} plugin(s)</p>
<div class="charts">
${barChart(
  "Fuel, % of cumulative budget",
  plugins.map((p) => [p.id, p.fuel.percent ?? 0, formatPercent(p.fuel.percent)]),
  100,
)}
${barChart(
  "CPU time",
  plugins.map((p) => [p.id, p.cpuMs.used, formatMs(p.cpuMs.used)]),
)}
${barChart(
  "Host calls",
  plugins.map((p) => [p.id, p.hostCalls.total, String(p.hostCalls.total)]),
)}
${barChart(
  "Denied calls",
  plugins.map((p) => [p.id, p.denied.total, String(p.denied.total)]),
  undefined,
  "#c0392b",
)}
</div>
<table><thead><tr><th>plugin</th><th>version</th><th>state</th><th>events in/out/drop</th><th>fuel</th><th>% budget</th><th>fuel/event p50/p95/max</th><th>cpu</th><th>alloc</th><th>peak heap</th><th>host calls</th><th>denied</th><th>errors</th><th>storage</th><th>unload reason</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${details}
</body></html>
`;
}

/** A horizontal bar chart as inline SVG: one labelled bar per entry. */
function barChart(
  title: string,
  entries: readonly (readonly [label: string, value: number, text: string])[],
  max?: number,
  colour = "#3b6fd8",
): string {
  const rowHeight = 20;
  const labelWidth = 180;
  const barWidth = 240;
  const height = Math.max(1, entries.length) * rowHeight + 10;
  const top = max ?? Math.max(1, ...entries.map((e) => e[1]));
  const bars = entries
    .map(([label, value, text], i) => {
      const y = 5 + i * rowHeight;
      const w = Math.max(0, Math.min(barWidth, (value / top) * barWidth));
      return `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${esc(truncate(label, 28))}</text>
<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"><title>${esc(label)}: ${esc(text)}</title></rect>
<text x="${labelWidth + w + 4}" y="${y + 14}">${esc(text)}</text>`;
    })
    .join("\n");
  return `<figure><figcaption>${esc(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 70}" height="${height}" font-size="12" font-family="system-ui,sans-serif" role="img" aria-label="${esc(title)}">
${bars}
</svg></figure>`;
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function esc(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
