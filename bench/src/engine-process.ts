/**
 * An engine process: `node --expose-gc engine-process.js <engine-id>`, forked by the harness
 * (engine-client.ts). It loads one engine, keeps one sandbox for the current workload (created
 * before its first run, untimed) and answers run and extras requests. Each run is timed here,
 * around parse + execution, after a full GC so one run's garbage is not charged to the next.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describeError } from "./describe-error.js";
import type { Engine, HostGlobals, IdleSandbox, WorkloadSandbox } from "./engines/engine.js";
import { UnsupportedError } from "./engines/engine.js";
import { findEngine } from "./engines/index.js";
import type { ExtrasOutcome, Reply, Request, RunOutcome, WorkloadRef } from "./protocol.js";

const gc: () => void = typeof globalThis.gc === "function" ? globalThis.gc : () => {};

interface Current {
  name: string;
  source: string;
  sandbox: WorkloadSandbox;
}

let current: Current | undefined;

async function load(engine: Engine, workload: WorkloadRef): Promise<Current> {
  if (current?.name === workload.name) return current;
  drop();
  const text = readFileSync(workload.file, "utf8");
  const source = engine.prepareSource ? engine.prepareSource(text) : text;
  let globals: HostGlobals = {};
  if (workload.hostFile !== undefined) {
    const host = (await import(pathToFileURL(workload.hostFile).href)) as {
      globals(): HostGlobals;
    };
    globals = host.globals();
  }
  current = { name: workload.name, source, sandbox: engine.createSandbox(globals) };
  return current;
}

function drop(): void {
  const sandbox = current?.sandbox;
  current = undefined;
  sandbox?.dispose?.();
}

async function run(engine: Engine, workload: WorkloadRef): Promise<RunOutcome> {
  try {
    const { source, sandbox } = await load(engine, workload);
    const filename = workload.file.split("/").at(-1) ?? workload.name;
    gc();
    const start = performance.now();
    let value = sandbox.run(source, filename);
    if (isThenable(value)) value = await value;
    const ms = performance.now() - start;
    return { ok: true, ms, value: cloneable(value) };
  } catch (e) {
    // The sandbox may be left mid-run; the next request gets a fresh one.
    drop();
    if (e instanceof UnsupportedError) return { ok: false, unsupported: true, message: e.message };
    return { ok: false, unsupported: false, message: describeError(e) };
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** Checksums are primitives; anything else is compared by its JSON text. */
function cloneable(value: unknown): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
  try {
    return { nonPrimitive: JSON.stringify(value) ?? String(value) };
  } catch {
    return { nonPrimitive: String(value) };
  }
}

/** V8 heap used and external memory, after full collections. */
function memory(): { heap: number; external: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external };
}

function extras(engine: Engine, creations: number, idle: number): ExtrasOutcome {
  drop();
  for (let i = 0; i < 5; i++) engine.createIdle().dispose?.();
  const creationMs: number[] = [];
  for (let i = 0; i < creations; i++) {
    const start = performance.now();
    const sandbox = engine.createIdle();
    creationMs.push(performance.now() - start);
    sandbox.dispose?.();
  }
  const before = memory();
  const held: IdleSandbox[] = [];
  for (let i = 0; i < idle; i++) held.push(engine.createIdle());
  const after = memory();
  // An engine that reports its own off-heap bytes (a WebAssembly heap, which grows in large
  // steps that external memory shows only coarsely) replaces the external-memory delta.
  const reported = held.map((s) => s.offHeapBytes?.());
  const offHeap = reported.every((b) => b !== undefined)
    ? reported.reduce((sum: number, b) => sum + b, 0)
    : after.external - before.external;
  const idleBytes = (after.heap - before.heap + offHeap) / idle;
  for (const s of held) s.dispose?.();
  return { creationMs, idleBytes };
}

async function main(): Promise<void> {
  const id = process.argv[2] ?? "";
  // Listen before loading the engine, so no request is lost while it loads.
  const requests: Request[] = [];
  let wake: (() => void) | undefined;
  process.on("message", (message: Request) => {
    requests.push(message);
    wake?.();
  });
  process.on("disconnect", () => process.exit(0));
  let engine: Engine | undefined;
  let loadError = "";
  try {
    engine = await findEngine(id).load();
  } catch (e) {
    loadError = `could not load engine "${id}": ${describeError(e)}`;
  }
  for (;;) {
    const request = requests.shift();
    if (request === undefined) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
      continue;
    }
    let reply: Reply;
    try {
      if (engine === undefined) throw new Error(loadError);
      reply =
        request.type === "run"
          ? { type: "run", outcome: await run(engine, request.workload) }
          : { type: "extras", outcome: extras(engine, request.creations, request.idle) };
    } catch (e) {
      reply = { type: "error", message: describeError(e) };
    }
    process.send?.(reply);
  }
}

await main();
