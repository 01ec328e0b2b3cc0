/** Facts about the machine and the code a report was produced on. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_DIR, REPO_DIR } from "./paths.js";

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: REPO_DIR, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

export function gitState(): { commit: string | null; dirty: boolean } {
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const status = git(["status", "--porcelain", "--untracked-files=no"]);
  return { commit, dirty: status !== null && status !== "" };
}

export function machine(): {
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  loadAverage: number;
} {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    cores: cpus.length,
    // Other processes' load is the main source of noise: worth seeing next to the figures.
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

/** The installed version of a package, found the way Node finds it from this workspace. */
export function packageVersion(name: string): string | null {
  for (let dir = BENCH_DIR; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(file)) {
      return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? null;
    }
    if (path.dirname(dir) === dir) return null;
  }
}
