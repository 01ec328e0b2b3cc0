/**
 * The test262 tree the runner reads: the snapshot tarball in `<repo>/../shared/test262/`,
 * unpacked once into `packages/interpreter/.test262-cache/<tarball name>/` (git-ignored) and
 * reused while the tarball name stays the same.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const MARKER = ".unpacked";

/** The snapshot tarballs in `dir`, newest name last (names carry the commit, not a date). */
export function findTarballs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^test262-.*\.tar\.gz$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Returns the unpacked tree for `tarball`, unpacking it into `cacheDir` if needed. */
export function ensureUnpacked(
  tarball: string,
  cacheDir: string,
  log: (s: string) => void,
): string {
  const name = path.basename(tarball).replace(/\.tar\.gz$/, "");
  const target = path.join(cacheDir, name);
  if (existsSync(path.join(target, MARKER))) return target;
  log(`Unpacking ${path.basename(tarball)} into ${path.relative(process.cwd(), target) || "."} …`);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const r = spawnSync("tar", ["-xzf", tarball, "-C", tmp], { stdio: ["ignore", "ignore", "pipe"] });
  if (r.error !== undefined || r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    const why = r.error?.message ?? r.stderr.toString().trim();
    throw new Error(`could not unpack ${tarball} with tar: ${why}`);
  }
  const root = treeRoot(tmp);
  writeFileSync(path.join(root, MARKER), `${path.basename(tarball)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(root, target);
  rmSync(tmp, { recursive: true, force: true });
  return target;
}

/** Checks that `dir` looks like a test262 tree (harness/ and test/). */
export function assertTest262Tree(dir: string): void {
  for (const sub of ["harness", "test"]) {
    if (!existsSync(path.join(dir, sub))) {
      throw new Error(`${dir} is not a test262 tree: ${sub}/ is missing`);
    }
  }
}

/** The archive may hold the tree at its top level or inside one folder. */
function treeRoot(dir: string): string {
  if (existsSync(path.join(dir, "harness"))) return dir;
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  const only = entries[0];
  if (entries.length === 1 && only !== undefined) return path.join(dir, only.name);
  return dir;
}
