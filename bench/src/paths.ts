/** Where the benchmark finds its inputs and writes its reports (relative to this workspace). */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The `bench/` workspace (this file is `bench/src/paths.ts` or `bench/dist/paths.js`). */
export const BENCH_DIR = path.resolve(fileURLToPath(import.meta.url), "../..");
export const REPO_DIR = path.dirname(BENCH_DIR);
/** The shared workloads, next to the repository. */
export const SHARED_WORKLOADS_DIR = path.resolve(REPO_DIR, "../shared/bench");
/** Workloads of this repository's own, in addition to the shared ones. */
export const LOCAL_WORKLOADS_DIR = path.join(BENCH_DIR, "workloads");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");
