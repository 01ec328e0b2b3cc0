/** The markdown report: summary, per-workload medians, pairwise ratios, what was not timed. */
import { showChecksum } from "./classify.js";
import { NATIVE } from "./engines/index.js";
import { formatKB, formatMicros, formatMs, formatRatio } from "./format.js";
import type { BenchReport, Cell, EngineMeta } from "./results.js";
import { HOST_BRIDGE } from "./summary.js";

const DASH = "—";

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(header: readonly string[], align: readonly ("l" | "r")[], rows: string[][]): string {
  const rule = align.map((a) => (a === "r" ? "---:" : "---"));
  return [row(header), row(rule), ...rows.map(row)].join("\n");
}

function ratioOrDash(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? DASH : formatRatio(ratio);
}

export function renderMarkdown(report: BenchReport): string {
  const { meta, engines, workloads, summary } = report;
  const label = new Map(engines.map((e) => [e.id, e.label]));
  const name = (id: string): string => label.get(id) ?? id;
  const peers = engines.filter((e) => e.peer);
  const notes: string[] = [];

  const lines: string[] = [];
  lines.push("# Cove benchmark", "");
  lines.push(
    `${meta.date} · Node ${meta.node} · ${meta.platform} · ${meta.cores} × ${meta.cpu} · ` +
      `load average ${meta.loadAverage.toFixed(1)} at start · commit ${meta.commit ?? "unknown"}${meta.dirty ? " with uncommitted changes" : ""}`,
    "",
  );
  lines.push(`Command: \`${meta.command}\``, "");

  // With workloads of this repository in the run, the shared ones get their own geometric mean,
  // the figure comparable across repositories.
  const local = summary.some((s) => s.publicTotal !== s.total);
  lines.push("## Summary", "");
  lines.push(
    table(
      [
        "engine",
        "version",
        "× native (geomean)",
        ...(local ? ["× native (shared workloads)"] : []),
        "completed",
        ...peers.map((p) => `× ${p.label}`),
        "host-call overhead per call",
        "sandbox creation",
        "idle memory per sandbox",
      ],
      [
        "l",
        "l",
        "r",
        ...(local ? (["r"] as const) : []),
        "r",
        ...peers.map(() => "r" as const),
        "r",
        "r",
        "r",
      ],
      summary.map((s) => [
        name(s.id),
        engines.find((e) => e.id === s.id)?.version ?? DASH,
        ratioOrDash(s.geomean),
        ...(local
          ? [`${ratioOrDash(s.publicGeomean)} (${s.publicCompleted}/${s.publicTotal})`]
          : []),
        `${s.completed}/${s.total}`,
        ...peers.map((p) => (p.id === s.id ? DASH : ratioOrDash(s.versus[p.id]))),
        s.hostCallUs === null ? DASH : formatMicros(s.hostCallUs),
        s.creationMs === null ? DASH : formatMs(s.creationMs),
        s.idleBytes === null ? DASH : formatKB(s.idleBytes),
      ]),
    ),
    "",
  );

  lines.push("## Median time per workload", "");
  lines.push("Median of the timed runs, and its ratio to native V8 on the same workload.", "");
  const cellText = (workload: string, expected: unknown, id: string, cell: Cell | undefined) => {
    if (!cell) return DASH;
    const nativeCell = workloads.find((w) => w.name === workload)?.cells[NATIVE];
    if (cell.status === "ok" && cell.medianMs !== null) {
      const time = formatMs(cell.medianMs);
      if (id === NATIVE || nativeCell?.status !== "ok" || nativeCell.medianMs === null) return time;
      return `${time} (${formatRatio(cell.medianMs / nativeCell.medianMs)})`;
    }
    const why =
      cell.status === "wrong"
        ? `checksum ${showChecksum(cell.value)}, expected ${showChecksum(expected)}`
        : (cell.message ?? "");
    const tag = cell.status === "n/a" ? "n/a" : cell.status.toUpperCase();
    notes.push(`${name(id)} on ${workload}: ${tag}, ${escapeCell(why)}`);
    return `${tag} [${notes.length}]`;
  };
  lines.push(
    table(
      ["workload", ...engines.map((e) => e.label)],
      ["l", ...engines.map(() => "r" as const)],
      [
        ...workloads.map((w) => [
          w.name,
          ...engines.map((e) => cellText(w.name, w.expected, e.id, w.cells[e.id])),
        ]),
        [
          "**geometric mean (× native)**",
          ...summary.map((s) => `**${ratioOrDash(s.geomean)}** (${s.completed}/${s.total})`),
        ],
        ...(local
          ? [
              [
                "**geometric mean, shared workloads only (× native)**",
                ...summary.map(
                  (s) =>
                    `**${ratioOrDash(s.publicGeomean)}** (${s.publicCompleted}/${s.publicTotal})`,
                ),
              ],
            ]
          : []),
      ],
    ),
    "",
  );
  if (notes.length > 0) {
    lines.push("Not timed:", "");
    notes.forEach((note, i) => {
      lines.push(`${i + 1}. ${note}`);
    });
    lines.push("");
  }

  lines.push("## Ratios between engines", "");
  lines.push(
    "Geometric mean of (row engine median / column engine median) over the workloads both completed.",
    "",
  );
  lines.push(
    table(
      ["", ...engines.map((e) => e.label)],
      ["l", ...engines.map(() => "r" as const)],
      summary.map((s) => [
        name(s.id),
        ...engines.map((e) => (e.id === s.id ? DASH : ratioOrDash(s.versus[e.id]))),
      ]),
    ),
    "",
  );

  lines.push("## How this was measured", "");
  lines.push(...methodology(report, engines));
  return `${lines.join("\n")}\n`;
}

function methodology(report: BenchReport, engines: readonly EngineMeta[]): string[] {
  const { meta, extras } = report;
  const limits = Object.entries(meta.coveLimits)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const failed = Object.entries(extras)
    .filter(([, x]) => x.message !== undefined)
    .map(
      ([id, x]) =>
        `${engines.find((e) => e.id === id)?.label ?? id}: ${escapeCell(x.message ?? "")}`,
    );
  return [
    `- Each engine runs in a process of its own (\`node --expose-gc\`); engines take turns within each round of a workload. Per cell: ${meta.warmup} warm-up and ${meta.runs} timed runs, median reported.`,
    "- A run is timed in the engine process around parse + execution of the workload source, after a full GC; the sandbox is created once per engine process and workload, untimed. Engines that cache compiled code by source (V8, Cove) reuse it after the first run, as they would in production.",
    "- Every run's checksum (completion value) is compared with native V8's: a mismatch is WRONG, an exception or timeout FAIL, and such a cell is never timed; n/a is a workload the engine cannot parse by design (ES5 only).",
    "- The geometric mean is over the workloads each engine completed; the ratios between engines over the workloads both completed.",
    "- Native V8 runs each workload as a global script of the engine process's own realm (indirect eval), not in a node:vm context, whose interceptor-backed global object slows every global read.",
    `- Cove: the built \`@cove/interpreter\`, metering on, per-run limits raised to ${limits} (call depth and host calls at their defaults); \`run\` is awaited.`,
    `- Host-call overhead per call: (engine median − native median) / host calls per run on ${HOST_BRIDGE}.`,
    meta.creations === null
      ? "- Sandbox creation and idle memory: not measured in this run."
      : `- Sandbox creation: median of ${meta.creations} creations of an empty sandbox (native: a node:vm context), after 5 untimed. Idle memory: ${meta.idle} empty sandboxes held, (V8 heap used + external) after full GCs minus before, per sandbox; for QuickJS, its runtimes' own WebAssembly heap use (memory_used_size) replaces the external memory, which sees that heap only as coarse growth.`,
    ...(failed.length > 0
      ? [`- Creation and memory could not be measured for ${failed.join("; ")}.`]
      : []),
    "- Figures move by about ±10 % between runs on a shared 2-core machine: compare engines within one run.",
  ];
}
