/**
 * A worker thread of the runner: evaluates the jobs the main thread sends, one at a time, and
 * posts back an Observation for each. The main thread enforces the wall-clock timeout by
 * terminating this thread, so nothing here needs to be interruptible.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { type Engine, runJob } from "./engine.js";
import type { EvaluateScript } from "./host262.js";
import type { Job, JobResult, WorkerConfig } from "./protocol.js";

const config = workerData as WorkerConfig;
const port = parentPort;
if (port === null) throw new Error("test262 worker.js must run in a worker thread");

const harnessCache = new Map<string, string>();
function readHarness(file: string): string {
  let text = harnessCache.get(file);
  if (text === undefined) {
    text = readFileSync(path.join(config.root, "harness", file), "utf8");
    harnessCache.set(file, text);
  }
  return text;
}

const engine: Engine = { evaluate: await loadEvaluate() };
const limits = config.limits;

port.on("message", (job: Job) => {
  const observation = runJob(job, engine, limits, readHarness);
  const result: JobResult = { seq: job.seq, observation };
  port.postMessage(result);
});
port.postMessage("ready");

/**
 * The interpreter's script entry point. Loaded by a computed specifier while
 * src/compile/evaluate.ts is being written, so the runner type-checks without it.
 */
async function loadEvaluate(): Promise<EvaluateScript> {
  const specifier = "../src/compile/evaluate.js";
  const mod = (await import(specifier)) as { evaluateScript?: EvaluateScript };
  if (typeof mod.evaluateScript !== "function") {
    throw new Error(`${specifier} does not export evaluateScript`);
  }
  return mod.evaluateScript;
}
