/** Running the CLI in-process, and plugin projects in temporary directories. */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/main.js";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const sdkDir = path.join(repoRoot, "packages", "plugin-sdk");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cove-plugin ...args` in `cwd`, capturing its output. */
export async function cli(cwd: string, ...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stdout, stderr };
}

const made: string[] = [];

/**
 * A temporary directory whose `node_modules` is the repository's, so a plugin project in it
 * resolves `@cove/plugin-sdk`, `@cove/host` and vitest as an installed project would.
 */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cove-plugin-"));
  made.push(dir);
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

export function removeTempProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A valid manifest, changed by `changes`. */
export function manifestText(changes: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      manifestVersion: 1,
      id: "acme.sample",
      name: "Sample",
      version: "1.0.0",
      engines: { host: "^1.0.0" },
      main: "dist/main.js",
      activation: ["onStartup"],
      ...changes,
    },
    null,
    2,
  )}\n`;
}
