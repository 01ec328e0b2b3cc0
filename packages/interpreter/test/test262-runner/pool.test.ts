import { describe, expect, it } from "vitest";
import type { Observation } from "../../test262/outcome.js";
import { runPool } from "../../test262/pool.js";
import type { Job, WorkerConfig } from "../../test262/protocol.js";

const workerUrl = new URL("./fixtures/fake-worker.mjs", import.meta.url);
const limits: WorkerConfig["limits"] = {
  fuel: 1,
  memoryBytes: 1,
  callDepth: 1,
  timeMs: 1,
  hostCalls: 1,
};

function job(seq: number, path: string): Job {
  return {
    seq,
    path,
    variant: "strict",
    source: "",
    harness: [],
    negative: undefined,
    async: false,
  };
}

async function runAll(paths: string[], extra: Record<string, unknown> = {}, workers = 2) {
  const results = new Map<string, Observation>();
  const fuel = new Map<string, number | undefined>();
  const config = { root: "", limits, ...extra } as WorkerConfig;
  await runPool(
    paths.length,
    (i) => job(i, paths[i] as string),
    { workers, timeoutMs: 500, workerUrl, config },
    (j, r) => {
      results.set(j.path, r.observation);
      fuel.set(j.path, r.fuel);
      expect(r.ms).toBeGreaterThanOrEqual(0);
    },
  );
  return Object.assign(results, { fuel });
}

describe("worker pool", () => {
  it("delivers one result per job, whatever happens to the workers", async () => {
    const paths = ["a", "throw", "hang", "b", "exit", "c", "d", "hang2", "e"];
    const results = await runAll(paths);
    expect([...results.keys()].sort()).toEqual([...paths].sort());
    expect(results.get("a")).toEqual({ kind: "completed", printed: [] });
    expect(results.get("throw")?.kind).toBe("threw");
    expect(results.get("hang")).toEqual({ kind: "timeout", ms: 500 });
    expect(results.get("hang2")).toEqual({ kind: "timeout", ms: 500 });
    expect(results.get("exit")).toMatchObject({ kind: "crashed", message: "exited with code 3" });
    // Jobs after a timeout or a crash ran on a replacement worker.
    expect(results.get("e")).toEqual({ kind: "completed", printed: [] });
    expect(results.fuel.get("a")).toBe(7);
    expect(results.fuel.get("hang")).toBeUndefined();
  }, 20_000);

  it("works with a single worker", async () => {
    const results = await runAll(["hang", "a"], {}, 1);
    expect(results.get("a")?.kind).toBe("completed");
  }, 20_000);

  it("gives up when workers cannot start", async () => {
    await expect(runAll(["a", "b"], { failStartup: true })).rejects.toThrow(
      /workers keep failing: .*cannot load the interpreter/s,
    );
  }, 20_000);

  it("finishes at once with no jobs", async () => {
    expect((await runAll([])).size).toBe(0);
  });
});
