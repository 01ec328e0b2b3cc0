/**
 * End to end: the demo's scripted session against the real document, with the built plugins
 * (plugins/*\/dist, from `npm run build`), in a temporary output directory.
 */

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSession, type SessionResult } from "../src/demo/session.js";

const GOOD = [
  "acme.autosave",
  "acme.markdown-format",
  "acme.snippets",
  "acme.spell-check",
  "acme.todo-finder",
  "acme.word-count",
  "acme.writing-goal",
];
const BAD = ["sketchy.instant-search", "sketchy.prober", "sketchy.smart-quotes"];

let outDir: string;
let result: SessionResult;
const lines: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), "cove-editor-session-"));
  result = await runSession({ outDir, print: (line) => lines.push(line) });
}, 120_000);

afterAll(async () => {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

describe("loading", () => {
  it("loads every plugin, the dependent one after its dependency", () => {
    expect([...result.loaded].sort()).toEqual([...GOOD, ...BAD].sort());
    expect(result.refused).toEqual([]);
    expect(result.loaded.indexOf("acme.writing-goal")).toBeGreaterThan(
      result.loaded.indexOf("acme.word-count"),
    );
  });
});

describe("the useful plugins do their jobs", () => {
  it("word count: the status bar shows words and reading time, updated as the text grows", () => {
    expect(result.statusBars.opened).toMatch(/\b\d{3} words · \d+ min read\b/);
    const words = (bar: string | undefined) => Number(/(\d[\d,]*) words/.exec(bar ?? "")?.[1]);
    expect(words(result.statusBars.paragraph)).toBeGreaterThan(words(result.statusBars.opened));
  });

  it("writing goal (depends on word count): shows progress and announces the goal", () => {
    expect(result.statusBars.opened).toMatch(/Goal [▰▱]+ \d+%/);
    expect(result.messages).toContainEqual(
      expect.objectContaining({
        source: "acme.writing-goal",
        text: expect.stringMatching(/^Writing goal reached: \d+ of 600 words\.$/),
      }),
    );
  });

  it("markdown formatter: changed the document, and undo/redo went back and forth", () => {
    const { before, after, result: formatted } = result.formatted;
    expect(after).not.toBe(before);
    expect(before).toMatch(/^#Lighthouse 2\.0 release notes {3}$/m);
    expect(after).toMatch(/^# Lighthouse 2\.0 release notes$/m);
    expect(after).toMatch(/^## Upgrading from 1\.x$/m);
    expect(after).not.toMatch(/^[*+] /m);
    expect(before).toMatch(/\n\n\n/);
    expect(after).not.toMatch(/\n\n\n/);
    expect(after).not.toMatch(/[ \t]+$/m);
    expect(before).toMatch(/^## Highlights\n\* Builds/m);
    expect(after).toMatch(/^## Highlights\n\n- Builds/m);
    expect(before).toMatch(/^\+ Search runs/m);
    expect(after).toMatch(/^- Search runs/m);
    expect(formatted).toEqual({ changedLines: expect.any(Number) });
    expect(result.undoRestored).toBe(true);
    expect(result.redoReapplied).toBe(true);
  });

  it("TODO finder: found the notes, including the one the snippet wrote", () => {
    const todos = result.todos as { keyword: string; owner: string | null; text: string }[];
    expect(todos.map((t) => t.keyword)).toEqual(["TODO", "FIXME", "TODO", "TODO", "XXX"]);
    expect(todos).toContainEqual(
      expect.objectContaining({ keyword: "TODO", owner: "maria", text: expect.any(String) }),
    );
    expect(todos).toContainEqual(
      expect.objectContaining({
        owner: "dana",
        text: "show a child theme that overrides only the footer",
      }),
    );
    expect(result.problemsAtOpen["acme.todo-finder"]).toHaveLength(4);
    expect(result.statusBars.snippet).toContain("5 TODOs");
  });

  it("snippets: ;todo expanded, with the cursor where the snippet put it", () => {
    expect(result.snippetLine).toBe(
      "TODO(dana): show a child theme that overrides only the footer",
    );
  });

  it("spell check: found the misspellings at open and fixed them all", () => {
    const words = (result.problemsAtOpen["acme.spell-check"] ?? []).map(
      (p) => /"(\w+)"/.exec(p.message)?.[1],
    );
    expect(words).toEqual(["teh", "recieve", "definately", "seperate", "occured", "accomodate"]);
    expect(result.spellFix).toEqual({ fixed: 7 });
    expect(result.finalText).not.toMatch(
      /\b(teh|recieve|definately|seperate|occured|accomodate|wich)\b/,
    );
    expect(result.finalText).toContain("which is how most of the fixes");
    expect(result.statusBars.spelling).toContain("Spelling ✓");
  });

  it("autosave: wrote a draft to its storage after the pause, and dropped it on save", () => {
    const stored = result.autosaveStorage ?? {};
    const draftKey = Object.keys(stored).find((key) => key.startsWith("draft:"));
    expect(draftKey).toBe(`draft:${result.documentPath}`);
    const draft = stored[draftKey as string] as { version: number; text: string };
    // The draft is the text after formatting and spelling fixes, before the last edit.
    expect(draft.text).toContain("TODO(dana): show a child theme");
    expect(draft.text).toContain("which is how most of the fixes");
    expect(draft.text).not.toContain("See you at the 2.1 release.");
    expect(stored.stats).toEqual({ drafts: expect.any(Number), lastDraftAt: expect.any(Number) });
    expect(result.statusBars.autosaved).toMatch(/Draft saved \(v\d+\)/);
    const after = result.autosaveStorageAfterSave ?? {};
    expect(Object.keys(after).filter((key) => key.startsWith("draft:"))).toEqual([]);
    // A draft may have been written again between the pause and the save, never fewer.
    const drafts = (data: typeof after) => (data.stats as { drafts: number }).drafts;
    expect(drafts(after)).toBeGreaterThanOrEqual(drafts(stored));
    expect(result.statusBars.saved).toContain("All changes saved");
  });

  it("saved the edited document to disk", async () => {
    expect(await readFile(result.documentPath, "utf8")).toBe(result.finalText);
  });
});

describe("the badly behaved plugins are contained", () => {
  it("the runaway loop is stopped per event, then unloaded for its cumulative fuel", () => {
    expect(result.unloaded["sketchy.smart-quotes"]).toBe("budget:fuel");
    expect(result.stopped["sketchy.smart-quotes"]?.[0]).toBe("fuel");
    const usage = result.usage.plugins.find((p) => p.id === "sketchy.smart-quotes");
    expect(usage?.state).toBe("unloaded");
    expect(usage?.unloadReason).toBe("budget:fuel");
    // It asked for a billion fuel per event; the editor's policy clamped that to five million.
    expect(usage?.fuel.perEvent.budget).toBe(5_000_000);
  });

  it("the memory hog is unloaded by its memory budget", () => {
    expect(result.unloaded["sketchy.instant-search"]).toMatch(/^budget:(allocation|heap)$/);
    const usage = result.usage.plugins.find((p) => p.id === "sketchy.instant-search");
    expect(usage?.state).toBe("unloaded");
    expect(usage?.allocationBytes.used).toBeGreaterThan(32 * 1024 * 1024);
  });

  it("their status bar items went with them", () => {
    expect(result.statusBars.opened).toContain("“Smart quotes”");
    expect(result.statusBars["after-unload"]).not.toContain("quotes");
    expect(result.statusBars["after-unload"]).not.toContain("Search index");
  });

  it("the prober's calls were denied and audited, at startup and again on save", () => {
    const denied = result.audit.filter((entry) => entry.pluginId === "sketchy.prober");
    expect(new Set(denied.map((entry) => entry.capability))).toEqual(
      new Set(["editor.write", "storage", "commands", "events.emit"]),
    );
    expect(denied.map((entry) => entry.method)).toEqual(
      expect.arrayContaining([
        "editor.setText",
        "storage.set",
        "workbench.executeCommand",
        "commands.execute",
        "events.emit",
      ]),
    );
    expect(denied.length).toBe(10);
    // Only the prober asked for what it was not granted.
    expect(result.audit.every((entry) => entry.pluginId === "sketchy.prober")).toBe(true);
    const usage = result.usage.plugins.find((p) => p.id === "sketchy.prober");
    expect(usage?.denied.total).toBe(denied.length);
    expect(usage?.state).toBe("active");
  });

  it("the prober found no host object and left the editor's realm untouched", () => {
    expect(result.probeReport).toBeDefined();
    expect(result.probeReport?.escapes).toEqual([]);
    expect(result.probeReport?.probes).toBeGreaterThan(25);
    expect(result.probeReport?.denied).toBe(5);
    const log = result.logs["sketchy.prober"] ?? [];
    expect(log.some((line) => line.startsWith("escaped"))).toBe(false);
    expect(log).toContainEqual(
      expect.stringMatching(/^contained typeof process — got string undefined/),
    );
    expect(log).toContainEqual(expect.stringMatching(/^contained typeof __coveHostCanary/));
    expect(log).toContainEqual(
      expect.stringMatching(/^blocked {3}Function\('return process'\)\(\)/),
    );
    expect(result.hostPolluted).toBe(false);
    expect((Object.prototype as Record<string, unknown>).pwnedByProber).toBeUndefined();
  });

  it("the useful plugins kept working after the bad ones were unloaded", () => {
    const { before, after } = result.afterUnload;
    expect(before).toMatch(/words/);
    expect(after).toMatch(/words/);
    expect(after).not.toBe(before);
    for (const id of GOOD) {
      const usage = result.usage.plugins.find((p) => p.id === id);
      expect(usage?.state, id).toBe("active");
      expect(usage?.errors.used, id).toBe(0);
    }
    expect(result.statusBars.saved).toMatch(/words · \d+ min read/);
    expect(result.statusBars.saved).toContain("TODOs");
  });
});

describe("the usage report", () => {
  it("has a record per plugin", () => {
    expect(result.usage.plugins.map((p) => p.id).sort()).toEqual([...GOOD, ...BAD].sort());
    for (const record of result.usage.plugins) {
      expect(record.activation, record.id).not.toBeNull();
      expect(record.fuel.used, record.id).toBeGreaterThan(0);
    }
  });

  it("is printed as a table and written as HTML and JSON", async () => {
    const printed = lines.join("\n");
    expect(printed).toContain("Cove usage report");
    for (const id of [...GOOD, ...BAD]) expect(printed).toContain(id);
    expect(result.reportPath).toBe(path.join(outDir, "usage.html"));
    const html = await readFile(result.reportPath, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    for (const id of [...GOOD, ...BAD]) expect(html).toContain(id);
    const json = JSON.parse(await readFile(result.jsonReportPath, "utf8"));
    expect(json.plugins).toHaveLength(10);
  });

  it("the session is quick", () => {
    expect(result.ms).toBeLessThan(45_000);
  });
});
