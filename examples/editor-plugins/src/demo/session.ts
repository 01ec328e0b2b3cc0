/**
 * The scripted editing session behind `npm run demo`: the editor loads the example's plugins,
 * opens a real Markdown document (a copy of documents/release-notes.md), types, expands a snippet,
 * formats, undoes, fixes spelling, waits for autosave and saves — while three badly behaved
 * plugins are contained — and ends with the usage report. It narrates through `print` and
 * returns what happened, which the end-to-end tests check.
 */

import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AuditEntry,
  createFileStorage,
  type RefusedPlugin,
  ResourceExhaustedError,
  renderUsageHtml,
  renderUsageJson,
  renderUsageTable,
  type StoredData,
  type UsageReport,
} from "@cove/host";
import { Editor, type Message } from "../app/editor.js";
import type { Problem } from "../app/editor-api.js";
import type { SettingsData } from "../app/settings.js";
import { createStyle, type Style } from "./style.js";

/** The example's directory: two levels up from src/demo/ and from dist/demo/. */
export const EXAMPLE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const DOCUMENT = "release-notes.md";

export interface SessionOptions {
  /** The example's directory (plugins/, documents/). */
  readonly root?: string;
  /** Where the session writes: the edited copy of the document, storage, reports. */
  readonly outDir?: string;
  /** Receives each line of narration; nothing is printed without it. */
  readonly print?: (line: string) => void;
  readonly style?: Style;
  /** The autosave plugin's delay. */
  readonly autosaveDelayMs?: number;
}

export interface ProbeReport {
  readonly probes: number;
  readonly denied: number;
  readonly escapes: readonly string[];
}

export interface SessionResult {
  readonly loaded: readonly string[];
  readonly refused: readonly RefusedPlugin[];
  /** The status bar after each step, by step name. */
  readonly statusBars: Readonly<Record<string, string>>;
  /** Problems reported by each plugin after the document opened. */
  readonly problemsAtOpen: Readonly<Record<string, readonly Problem[]>>;
  readonly snippetLine: string;
  readonly formatted: {
    readonly before: string;
    readonly after: string;
    readonly result: unknown;
  };
  readonly undoRestored: boolean;
  readonly redoReapplied: boolean;
  readonly spellFix: unknown;
  readonly todos: unknown;
  /** The autosave plugin's storage once its draft was written, and after the save. */
  readonly autosaveStorage: StoredData | undefined;
  readonly autosaveStorageAfterSave: StoredData | undefined;
  /** Unload reasons by plugin. */
  readonly unloaded: Readonly<Record<string, string>>;
  /** Per-event budgets that stopped a handler, by plugin. */
  readonly stopped: Readonly<Record<string, readonly string[]>>;
  readonly audit: readonly AuditEntry[];
  readonly probeReport: ProbeReport | undefined;
  /** Whether the prober's patches to its built-ins reached the editor's own realm. */
  readonly hostPolluted: boolean;
  /** The word count before and after an edit made once the bad plugins were gone. */
  readonly afterUnload: { readonly before: string; readonly after: string };
  readonly messages: readonly Message[];
  readonly logs: Readonly<Record<string, readonly string[]>>;
  readonly usage: UsageReport;
  readonly reportPath: string;
  readonly jsonReportPath: string;
  readonly documentPath: string;
  readonly finalText: string;
  readonly ms: number;
}

const WORDS_ITEM = "acme.word-count:words";

export async function runSession(options: SessionOptions = {}): Promise<SessionResult> {
  const started = performance.now();
  const root = options.root ?? EXAMPLE_ROOT;
  const outDir = options.outDir ?? path.join(root, "out");
  const print = options.print ?? (() => undefined);
  const s = options.style ?? createStyle(false);
  const delay = options.autosaveDelayMs ?? 150;

  // A fresh copy of the document and fresh storage, so every run tells the same story.
  const sessionDir = path.join(outDir, "session");
  const storageDir = path.join(outDir, "storage");
  await rm(sessionDir, { recursive: true, force: true });
  await rm(storageDir, { recursive: true, force: true });
  await mkdir(sessionDir, { recursive: true });
  const documentPath = path.join(sessionDir, DOCUMENT);
  await copyFile(path.join(root, "documents", DOCUMENT), documentPath);

  // Something only the editor's process has: the prober looks for it.
  const canary = globalThis as { __coveHostCanary?: { secret: string } };
  canary.__coveHostCanary = { secret: "the editor's own data" };

  const settings: SettingsData = {
    "plugins.trusted": ["acme.*"],
    "writingGoal.target": 600,
    "autosave.delayMs": delay,
    "snippets.user": "dana",
    "markdown.bullet": "-",
  };
  const editor = new Editor({ settings, storage: createFileStorage(storageDir) });
  const { host } = editor;

  // Narration of what the host reports as it happens.
  const logs: Record<string, string[]> = {};
  const unloaded: Record<string, string> = {};
  const stopped: Record<string, string[]> = {};
  const quiet = new Set(["sketchy.prober"]);
  let step = "";
  host.on("plugin:log", ({ pluginId, level, text }) => {
    append(logs, pluginId, text);
    if (
      !quiet.has(pluginId) &&
      (level === "warn" || level === "error") &&
      !text.includes("budget")
    ) {
      print(s.dim(`    ${pluginId} ${level}: ${firstLine(text)}`));
    }
  });
  host.on("plugin:error", ({ pluginId, during, error }) => {
    if (error instanceof ResourceExhaustedError && error.scope === "run") {
      append(stopped, pluginId, error.resource);
      print(
        `    ${s.yellow("■ stopped")}  ${s.bold(pluginId)}: ${during} ran out of its per-event ${error.resource} budget (${count(error.limit)}); the editor carried on`,
      );
    } else if (error instanceof ResourceExhaustedError) {
      print(
        `    ${s.yellow("■ stopped")}  ${s.bold(pluginId)}: ${during} reached its cumulative ${error.resource} budget (${count(error.used)} of ${count(error.limit)})`,
      );
    } else {
      print(
        `    ${s.yellow("■ error")}    ${s.bold(pluginId)}: ${during}: ${firstLine(error.message)}`,
      );
    }
  });
  host.on("plugin:unloaded", ({ pluginId, reason }) => {
    unloaded[pluginId] = reason;
    if (reason === "host-disposed") return;
    print(
      `    ${s.red("✖ unloaded")} ${s.bold(pluginId)}: ${s.red(reason)} — its sandbox, subscriptions and status items are gone`,
    );
  });
  host.on("audit:denied", (entry) => {
    if (step === "load") return; // summarized after loading
    print(
      `    ${s.magenta("⛔ denied")}   ${s.bold(entry.pluginId)}: ${entry.method} needs ${entry.capability} (${entry.reason})`,
    );
  });
  editor.ui.on("message", (message) => {
    const mark = message.level === "info" ? s.cyan("ℹ") : s.yellow("⚠");
    print(`    ${mark} ${s.bold(message.source)}: ${message.text}`);
  });

  const statusBars: Record<string, string> = {};
  const showStatus = (name: string) => {
    const bar = editor.statusBar.render(" │ ");
    statusBars[name] = bar;
    print(`    ${s.dim("status")}  ${s.cyan(bar)}`);
  };
  const section = (title: string) => {
    print("");
    print(s.bold(`▸ ${title}`));
  };

  // 1. Plugins.
  step = "load";
  section(`Loading plugins from ${path.relative(process.cwd(), path.join(root, "plugins"))}/`);
  const report = await editor.loadPlugins(path.join(root, "plugins"));
  for (const id of report.loaded) {
    const manifest = editor.manifest(id);
    const { granted, refused } = editor.grants(id);
    const deps = Object.entries(manifest?.dependencies ?? {}).map(([d, r]) => `${d} ${r}`);
    const bad = id.startsWith("sketchy.");
    print(
      `  ${bad ? s.yellow("●") : s.green("●")} ${s.bold(id.padEnd(24))} ${(manifest?.version ?? "").padEnd(6)} ${s.dim(granted.join(", "))}`,
    );
    if (deps.length > 0) print(`    ${s.dim(`depends on ${deps.join(", ")}: loaded after it`)}`);
    if (refused.length > 0) {
      print(`    ${s.magenta(`not granted (untrusted publisher): ${refused.join(", ")}`)}`);
    }
  }
  for (const refused of report.refused) {
    print(`  ${s.red("✖")} ${refused.pluginId}: ${refused.reason}`);
  }

  // The prober ran at startup: what it tried, and what came of it.
  const probeLines = logs["sketchy.prober"] ?? [];
  const probeReport = parseProbeReport(probeLines);
  section("sketchy.prober tried, at startup, what it was not granted");
  const outcomes = { denied: 0, blocked: 0, contained: 0, escaped: 0 };
  for (const line of probeLines) {
    const outcome = line.split(" ")[0] as keyof typeof outcomes;
    if (outcome in outcomes) outcomes[outcome]++;
  }
  const shown = probeLines.filter((line) => !line.startsWith("PROBE-REPORT"));
  for (const line of pickProbeLines(shown)) {
    const outcome = line.split(" ")[0] ?? "";
    const color = outcome === "escaped" ? s.red : outcome === "denied" ? s.magenta : s.dim;
    print(`    ${color(truncate(line, 110))}`);
  }
  if (shown.length > 8) print(s.dim(`    … ${shown.length - 8} more probes in its log`));
  print(
    `    ${s.bold("result")}: ${probeReport?.probes ?? "?"} probes — ${outcomes.denied} denied by capability and audited, ${outcomes.blocked} blocked by the sandbox, ${outcomes.contained} reached only its own realm, ${probeReport === undefined ? "?" : probeReport.escapes.length} escapes`,
  );
  print(
    `    ${s.dim(`audit log: ${host.audit({ pluginId: "sketchy.prober" }).length} denied calls recorded`)}`,
  );
  step = "session";

  // 2. Open the document.
  section(`Opening ${DOCUMENT} (${path.relative(process.cwd(), documentPath)})`);
  await editor.open(documentPath);
  print(`    ${editor.document.lineCount} lines, ${count(editor.document.length)} characters`);
  showStatus("opened");
  const problemsAtOpen = Object.fromEntries(editor.problems);
  for (const [owner, problems] of editor.problems) {
    print(`    ${s.dim("problems from")} ${s.bold(owner)} (${problems.length}):`);
    for (const problem of problems.slice(0, 6)) {
      print(
        `      ${s.dim(`L${problem.line}:${problem.column}`)} ${truncate(problem.message, 90)}`,
      );
    }
    if (problems.length > 6) print(s.dim(`      … ${problems.length - 6} more`));
  }

  // 3. Typing.
  section("Typing a new list item under Highlights");
  editor.moveToEndOfLineWith("no navigation reaches.");
  editor.type(
    "\n* Pages can be drafts: they build locally and stay out of production builds until published.",
  );
  await editor.settle();
  showStatus("typed");

  section("Typing the snippet trigger ;todo under Themes");
  editor.moveToEndOfLineWith("will upgrade cleanly.");
  editor.type("\n\n;todo");
  await editor.settle();
  editor.type("show a child theme that overrides only the footer");
  await editor.settle();
  const cursorLine = editor.document.positionAt(editor.document.selections[0]?.head ?? 0).line;
  const snippetLine = editor.document.line(cursorLine);
  print(`    ${s.dim(`line ${cursorLine}:`)} ${snippetLine}`);
  showStatus("snippet");

  section("Writing a closing paragraph (the writing goal is 600 words)");
  editor.moveToEndOfLineWith("through the whole rewrite.");
  editor.type(
    "\n\nIf something breaks after you upgrade, open an issue with the output of the doctor " +
      "command and the smallest site that shows the problem. We read every report, wich is how " +
      "most of the fixes in this release were found, and we would rather hear about a small " +
      "annoyance than have you work around it quietly. The next release will focus on " +
      "translations, faster incremental search indexing and better error messages for themes.",
  );
  await editor.settle();
  showStatus("paragraph");

  // 4. Commands.
  section("Running Markdown: format document (markdown.format)");
  const before = editor.document.text;
  const formatResult = await editor.execute("markdown.format");
  await editor.settle();
  const after = editor.document.text;
  for (const [old, now] of sampleChanges(before, after, 4)) {
    print(
      `    ${s.red(`- ${truncate(JSON.stringify(old), 60)}`)}  ${s.green(`+ ${truncate(JSON.stringify(now), 60)}`)}`,
    );
  }
  showStatus("formatted");

  section("Undo, then redo");
  editor.undo();
  await editor.settle();
  const undoRestored = editor.document.text === before;
  print(
    `    undo: ${undoRestored ? "the document is back as it was before formatting" : "unexpected text"}`,
  );
  editor.redo();
  await editor.settle();
  const redoReapplied = editor.document.text === after;
  print(`    redo: ${redoReapplied ? "formatted again" : "unexpected text"}`);

  section("Running Spelling: fix every misspelling (spell.fixAll)");
  const spellFix = await editor.execute("spell.fixAll");
  await editor.settle();
  showStatus("spelling");

  section("Running TODO: list the notes of the document (todo.list)");
  const todos = await editor.execute("todo.list");
  for (const todo of Array.isArray(todos) ? todos : []) {
    const note = todo as { line: number; keyword: string; owner: string | null; text: string };
    print(
      `    ${s.dim(`L${note.line}`)} ${note.keyword}${note.owner === null ? "" : `(${note.owner})`}: ${truncate(note.text, 80)}`,
    );
  }

  // 5. Autosave: its timer fires once typing stops.
  section(`Pausing for ${delay} ms: autosave writes a draft`);
  // The draft is written from a timer in the plugin's queue: wait for its status (at most 10 s).
  await sleep(delay);
  for (let waited = 0; waited < 10_000 && !draftShown(editor); waited += 25) await sleep(25);
  await editor.settle();
  await host.flush();
  const autosaveStorage = await editor.storage.load("acme.autosave");
  const draftKey = Object.keys(autosaveStorage ?? {}).find((key) => key.startsWith("draft:"));
  const draft =
    draftKey === undefined
      ? undefined
      : (autosaveStorage?.[draftKey] as { version: number; text: string });
  print(
    draft === undefined
      ? `    ${s.red("no draft in storage")}`
      : `    draft of version ${draft.version} (${count(draft.text.length)} characters) in ${path.relative(process.cwd(), path.join(storageDir, "acme.autosave.json"))}`,
  );
  showStatus("autosaved");

  // 6. The bad plugins are gone; the others carry on.
  section("After the bad plugins: the others keep working");
  const wordsBefore = editor.statusBar.get(WORDS_ITEM)?.text ?? "";
  editor.select(editor.document.length);
  editor.type("\nSee you at the 2.1 release.\n");
  await editor.settle();
  const wordsAfter = editor.statusBar.get(WORDS_ITEM)?.text ?? "";
  print(`    word count: ${wordsBefore} → ${wordsAfter}`);
  showStatus("after-unload");

  section("Saving (file.save)");
  await editor.execute("file.save");
  await editor.settle();
  await host.flush();
  const autosaveStorageAfterSave = await editor.storage.load("acme.autosave");
  print(
    `    saved ${path.relative(process.cwd(), documentPath)}; autosave dropped its draft (${Object.keys(autosaveStorageAfterSave ?? {}).filter((k) => k.startsWith("draft:")).length} left)`,
  );
  showStatus("saved");

  // 7. Containment, summed up.
  const hostPolluted =
    (Object.prototype as Record<string, unknown>).pwnedByProber !== undefined ||
    !Array.prototype.push.toString().includes("[native code]");
  const audit = host.audit();
  section("The badly behaved plugins, contained");
  for (const id of ["sketchy.smart-quotes", "sketchy.instant-search", "sketchy.prober"]) {
    const info = host.plugin(id);
    const stops = stopped[id] ?? [];
    const denied = audit.filter((entry) => entry.pluginId === id);
    const parts = [
      `state ${info?.state ?? "unknown"}`,
      unloaded[id] !== undefined && unloaded[id] !== "host-disposed"
        ? `unloaded: ${unloaded[id]}`
        : "",
      stops.length > 0 ? `${stops.length} event(s) stopped by the per-event budget` : "",
      denied.length > 0
        ? `${denied.length} calls denied (${[...new Set(denied.map((e) => e.capability))].join(", ")})`
        : "",
    ].filter((part) => part !== "");
    print(`    ${s.bold(id.padEnd(24))} ${parts.join("; ")}`);
  }
  print(
    `    ${s.bold("sketchy.prober".padEnd(24))} escapes found: ${probeReport?.escapes.length ?? "?"}; the editor's Object.prototype and Array.prototype ${hostPolluted ? s.red("were changed") : "are untouched"}`,
  );

  // 8. The usage report.
  const usage = host.usage();
  section("Usage report");
  for (const line of renderUsageTable(usage).trimEnd().split("\n")) print(`  ${line}`);
  const reportPath = path.join(outDir, "usage.html");
  const jsonReportPath = path.join(outDir, "usage.json");
  await writeFile(reportPath, renderUsageHtml(usage), "utf8");
  await writeFile(jsonReportPath, renderUsageJson(usage), "utf8");
  print("");
  print(`${s.bold("HTML report:")} ${path.relative(process.cwd(), reportPath)}`);
  print(
    `${s.dim(`JSON report: ${path.relative(process.cwd(), jsonReportPath)} (npx cove-host report ${path.relative(process.cwd(), jsonReportPath)})`)}`,
  );

  const finalText = editor.document.text;
  const messages = [...editor.messages];
  await editor.dispose();
  delete canary.__coveHostCanary;

  return {
    loaded: report.loaded,
    refused: report.refused,
    statusBars,
    problemsAtOpen,
    snippetLine,
    formatted: { before, after, result: formatResult },
    undoRestored,
    redoReapplied,
    spellFix,
    todos,
    autosaveStorage,
    autosaveStorageAfterSave,
    unloaded,
    stopped,
    audit,
    probeReport,
    hostPolluted,
    afterUnload: { before: wordsBefore, after: wordsAfter },
    messages,
    logs,
    usage,
    reportPath,
    jsonReportPath,
    documentPath,
    finalText,
    ms: performance.now() - started,
  };
}

function draftShown(editor: Editor): boolean {
  return /Draft saved/.test(editor.statusBar.get("acme.autosave:state")?.text ?? "");
}

function parseProbeReport(lines: readonly string[]): ProbeReport | undefined {
  const line = lines.find((l) => l.startsWith("PROBE-REPORT "));
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line.slice("PROBE-REPORT ".length)) as ProbeReport;
  } catch {
    return undefined;
  }
}

/** A representative handful of probe lines: every escape, some denials, some blocked escapes. */
function pickProbeLines(lines: readonly string[]): string[] {
  const wanted = [
    "escaped",
    "denied    [startup] editor.setText",
    "denied    [startup] storage.set",
    "contained typeof process",
    "contained globalThis walk",
    "blocked   Function('return process')",
    "host function .constructor",
    "host error .constructor",
    "contained patch Array.prototype",
  ];
  const picked = lines.filter((line) => wanted.some((w) => line.startsWith(w) || line.includes(w)));
  return picked.slice(0, 8);
}

/** Pairs of lines that differ between two texts, for a glimpse of an edit. */
function sampleChanges(before: string, after: string, max: number): [string, string][] {
  const a = before.split("\n");
  const b = new Set(after.split("\n"));
  const gone = a.filter((line) => !b.has(line) && line.trim() !== "");
  const aSet = new Set(a);
  const added = after.split("\n").filter((line) => !aSet.has(line) && line.trim() !== "");
  const pairs: [string, string][] = [];
  for (let i = 0; i < Math.min(gone.length, added.length, max); i++) {
    pairs.push([gone[i] as string, added[i] as string]);
  }
  return pairs;
}

function append<T>(lists: Record<string, T[]>, key: string, value: T): void {
  const list = lists[key];
  if (list === undefined) lists[key] = [value];
  else list.push(value);
}

function count(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
