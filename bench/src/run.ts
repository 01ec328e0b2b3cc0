/**
 * `npm run bench`: runs the workloads on native V8, Cove and the peer engines side by side and
 * writes a markdown and a JSON report to bench/results/ (see CONTRIBUTING.md, "Benchmarks").
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_LIMITS } from "./cove-limits.js";
import { EngineClient } from "./engine-client.js";
import { ENGINES } from "./engines/index.js";
import { measureExtras } from "./measure-extras.js";
import { measureWorkload } from "./measure-workloads.js";
import { gitState, machine, packageVersion } from "./meta.js";
import { type Options, parseOptions, USAGE, UsageError } from "./options.js";
import { LOCAL_WORKLOADS_DIR, RESULTS_DIR } from "./paths.js";
import { renderMarkdown } from "./report-markdown.js";
import type { BenchReport, EngineMeta, ExtrasResult, WorkloadResult } from "./results.js";
import { summarize } from "./summary.js";
import { loadWorkloads } from "./workloads.js";

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function engineMeta(ids: readonly string[]): EngineMeta[] {
  return ENGINES.filter((e) => ids.includes(e.id)).map((e) => ({
    id: e.id,
    label: e.label,
    version: e.pkg === undefined ? process.version : packageVersion(e.pkg),
    peer: e.peer,
  }));
}

function stamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, "-");
}

async function bench(options: Options, argv: readonly string[]): Promise<void> {
  const workloads = (await loadWorkloads([options.sharedDir, LOCAL_WORKLOADS_DIR])).filter(
    (w) => options.workloads.length === 0 || options.workloads.some((p) => w.name.startsWith(p)),
  );
  if (workloads.length === 0) throw new UsageError(`no workloads found in ${options.sharedDir}`);
  const engines = engineMeta(options.engines);
  const started = new Date();
  log(
    `Cove benchmark: ${workloads.length} workloads × ${engines.length} engines, ` +
      `${options.warmup} warm-up + ${options.runs} timed runs per cell`,
  );

  const clients = new Map(options.engines.map((id) => [id, new EngineClient(id)]));
  const results: WorkloadResult[] = [];
  try {
    for (const [i, w] of workloads.entries()) {
      log(`[${i + 1}/${workloads.length}] ${w.name}`);
      results.push(await measureWorkload(w, { ...options, clients, log }));
    }
  } finally {
    for (const client of clients.values()) client.close();
  }

  const extras: Record<string, ExtrasResult> = {};
  if (options.extras) {
    log(`Sandbox creation (${options.creations}) and idle memory (${options.idle})`);
    for (const id of options.engines) {
      extras[id] = await measureExtras(id, options, options.timeoutMs, log);
    }
  }

  const report: BenchReport = {
    meta: {
      date: started.toISOString(),
      command: ["npm run bench", ...(argv.length > 0 ? ["--", ...argv] : [])].join(" "),
      ...machine(),
      ...gitState(),
      warmup: options.warmup,
      runs: options.runs,
      coveLimits: { ...BENCH_LIMITS } as Record<string, number>,
      creations: options.extras ? options.creations : null,
      idle: options.extras ? options.idle : null,
    },
    engines,
    workloads: results,
    extras,
    summary: summarize(results, engines, extras),
  };
  const markdown = renderMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `bench-${stamp(started)}`);
  writeFileSync(`${base}.md`, markdown);
  writeFileSync(`${base}.json`, json);
  const written = [`${base}.md`, `${base}.json`];
  if (options.full) {
    writeFileSync(path.join(RESULTS_DIR, "latest.md"), markdown);
    writeFileSync(path.join(RESULTS_DIR, "latest.json"), json);
    written.push(path.join(RESULTS_DIR, "latest.md"), path.join(RESULTS_DIR, "latest.json"));
  }
  log("");
  log(markdown);
  log(`Written: ${written.map((f) => path.relative(process.cwd(), f)).join(", ")}`);
}

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  log(USAGE);
} else {
  try {
    await bench(parseOptions(argv), argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${USAGE}`);
    process.exitCode = 2;
  }
}
