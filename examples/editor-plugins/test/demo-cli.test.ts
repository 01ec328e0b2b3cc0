/**
 * `npm run demo` runs `node dist/demo.js`: the built example under plain node, with no TypeScript
 * loader, loading the built plugins. Its output is plain text when stdout is not a terminal.
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const demo = fileURLToPath(new URL("../dist/demo.js", import.meta.url));
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("runs the built demo to the end, uncolored when piped", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "cove-editor-demo-"));
  dirs.push(out);
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const started = Date.now();
  const result = spawnSync(process.execPath, [demo, "--out", out], { encoding: "utf8", env });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(Date.now() - started).toBeLessThan(60_000);

  const stdout = result.stdout;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that there are no ANSI escapes.
  expect(stdout).not.toMatch(/\u001b\[/);
  expect(stdout).toContain("▸ Loading plugins");
  expect(stdout).toContain(
    "not granted (untrusted publisher): editor.write, storage, commands, events.emit",
  );
  expect(stdout).toMatch(/✖ unloaded sketchy\.smart-quotes: budget:fuel/);
  expect(stdout).toMatch(/✖ unloaded sketchy\.instant-search: budget:(allocation|heap)/);
  expect(stdout).toMatch(/⛔ denied {3}sketchy\.prober: editor\.setText needs editor\.write/);
  expect(stdout).toMatch(/\d+ probes — .* 0 escapes/);
  expect(stdout).toContain("Writing goal reached");
  expect(stdout).toContain("Formatted the document");
  expect(stdout).toContain("Cove usage report");
  expect(stdout).toContain(
    `HTML report: ${path.relative(process.cwd(), path.join(out, "usage.html"))}`,
  );
  expect(existsSync(path.join(out, "usage.html"))).toBe(true);
  expect(await readFile(path.join(out, "usage.html"), "utf8")).toContain("acme.word-count");
}, 90_000);

it("refuses a --out without a directory", () => {
  const result = spawnSync(process.execPath, [demo, "--out"], { encoding: "utf8" });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("usage:");
});
