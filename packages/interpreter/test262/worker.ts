/**
 * A worker thread of the runner: evaluates the jobs the main thread sends, one at a time, and
 * posts back an Observation for each. The main thread enforces the wall-clock timeout by
 * terminating this thread, so nothing here needs to be interruptible.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { runJob, runModuleJob } from "./engine.js";
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

function readFile(relative: string): string {
  return readFileSync(path.join(config.root, relative), "utf8");
}

port.on("message", async (job: Job) => {
  const { observation, fuel } =
    job.variant === "module"
      ? await runModuleJob(job, config.limits, readHarness, readFile)
      : await runJob(job, config.limits, readHarness, readFile);
  const result: JobResult = { seq: job.seq, observation, fuel };
  port.postMessage(result);
});
port.postMessage("ready");
