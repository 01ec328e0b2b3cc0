import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/report-command.js";
import {
  createHost,
  parseUsageReport,
  renderUsageHtml,
  renderUsageJson,
  renderUsageTable,
  type UsageReport,
} from "../src/index.js";
import { plugin } from "./helpers.js";

async function sampleReport(): Promise<UsageReport> {
  const host = createHost({
    version: "1.3.0",
    events: { "doc.changed": {} },
    api: { editor: { getText: { capability: "editor.read", handler: () => "abc" } } },
    policy: { capabilities: (_id, c) => c.name !== "editor.read" || _id !== "acme.sneaky" },
  });
  await host.load([
    plugin(
      "acme.counter",
      `export function activate() {
         cove.events.on("doc.changed", () => { let n = 0; for (let i = 0; i < 1000; i++) n += cove.editor.getText().length; cove.storage.set("n", n); });
       }`,
      {
        capabilities: [
          { name: "editor.read" },
          { name: "storage" },
          { name: "events.subscribe", scope: ["doc.*"] },
        ],
        budgets: { cumulative: { fuel: 100_000_000 } },
      },
    ),
    plugin(
      "acme.sneaky",
      `export function activate() { try { cove.editor.getText(); } catch {} }`,
      {
        capabilities: [{ name: "editor.read" }],
      },
    ),
    plugin(
      "acme.runaway",
      `export function activate() { cove.events.on("doc.changed", () => { while (true) {} }); }`,
      {
        capabilities: [{ name: "events.subscribe", scope: ["doc.*"] }],
        budgets: { perEvent: { fuel: 100_000 }, cumulative: { fuel: 250_000 } },
      },
    ),
  ]);
  for (let i = 0; i < 5; i++) await host.emit("doc.changed", {});
  await host.idle();
  expect(host.plugin("acme.runaway")?.state).toBe("unloaded");
  return host.usage();
}

describe("usage reports", () => {
  it("records per plugin what DESIGN §3.5 lists", async () => {
    const report = await sampleReport();
    expect(report.format).toBe("cove-usage/1");
    expect(report.host.version).toBe("1.3.0");
    const counter = report.plugins.find((p) => p.id === "acme.counter");
    expect(counter).toMatchObject({
      version: "1.0.0",
      state: "active",
      activation: { reason: "onStartup" },
      events: { in: 5, out: 0, dropped: 0 },
      // 5000 editor.getText, 5 storage.set, 1 events.on
      hostCalls: { total: 5006 },
      denied: { total: 0 },
      storage: { quotaBytes: 1024 * 1024 },
      unloadReason: null,
    });
    expect(counter?.fuel.perEvent.p50).toBeGreaterThan(1000);
    expect(counter?.fuel.perEvent.max).toBeGreaterThanOrEqual(counter?.fuel.perEvent.p95 ?? 0);
    expect(counter?.fuel.budget).toBe(100_000_000);
    expect(counter?.fuel.percent).toBeGreaterThan(0);
    expect(counter?.hostCalls.byMethod["editor.getText"]?.count).toBe(5000);
    expect(counter?.cpuMs.used).toBeGreaterThan(0);
    expect(counter?.allocationBytes.used).toBeGreaterThan(0);
    expect(Date.parse(counter?.window.from ?? "")).toBeLessThanOrEqual(
      Date.parse(counter?.window.to ?? ""),
    );

    const sneaky = report.plugins.find((p) => p.id === "acme.sneaky");
    expect(sneaky?.denied).toEqual({ total: 1, byCapability: { "editor.read": 1 } });
    const runaway = report.plugins.find((p) => p.id === "acme.runaway");
    expect(runaway).toMatchObject({ state: "unloaded", unloadReason: "budget:fuel" });
  });

  it("renders JSON that reads back, a terminal table and a self-contained HTML page", async () => {
    const report = await sampleReport();
    const json = renderUsageJson(report);
    expect(parseUsageReport(json)).toEqual(report);
    expect(() => parseUsageReport("{}", "x.json")).toThrow(/x\.json is not a Cove usage report/);

    const table = renderUsageTable(report);
    expect(table).toMatch(/^Cove usage report — host 1\.3\.0/);
    expect(table).toMatch(/acme\.runaway\s+1\.0\.0\s+unloaded/);
    expect(table).toContain("unloaded: budget:fuel");
    expect(table).toContain("denied: editor.read ×1");

    const html = renderUsageHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|src=|href=/);
    expect(html).toContain("budget:fuel");
  });

  it("escapes plugin-provided text in the HTML page", () => {
    const report = parseUsageReport(
      JSON.stringify({
        format: "cove-usage/1",
        host: { version: "1.0.0" },
        generatedAt: "now",
        plugins: [],
      }),
    );
    const evil = { ...report, host: { version: "<script>alert(1)</script>" } };
    expect(renderUsageHtml(evil)).not.toContain("<script>");
  });

  it("prints a saved report from the cove-host CLI", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cove-report-"));
    const file = path.join(dir, "usage.json");
    await writeFile(file, JSON.stringify(await sampleReport()));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(await main(["report", file])).toBe(0);
      expect(out.join("")).toContain("acme.counter");
      out.length = 0;
      expect(await main(["report", file, "--format", "json"])).toBe(0);
      expect(JSON.parse(out.join("")).format).toBe("cove-usage/1");
    } finally {
      spy.mockRestore();
    }
    const htmlFile = path.join(dir, "usage.html");
    expect(await main(["report", file, "--format", "html", "--out", htmlFile])).toBe(0);
    expect(await readFile(htmlFile, "utf8")).toMatch(/^<!doctype html>/);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["report", path.join(dir, "missing.json")])).toBe(1);
      expect(await main(["bogus"])).toBe(1);
    } finally {
      err.mockRestore();
    }
  });
});
