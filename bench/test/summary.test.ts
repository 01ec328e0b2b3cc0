import { describe, expect, it } from "vitest";
import type { Cell, EngineMeta, WorkloadResult } from "../src/results.js";
import { HOST_BRIDGE, pairRatio, summarize } from "../src/summary.js";

const ok = (medianMs: number): Cell => ({ status: "ok", medianMs, timesMs: [medianMs] });
const failed: Cell = { status: "fail", medianMs: null, timesMs: [], message: "boom" };

const workloads: WorkloadResult[] = [
  {
    name: "a",
    file: "a.js",
    shared: true,
    hostCalls: null,
    expected: 1,
    cells: { native: ok(2), x: ok(8), y: ok(4) },
  },
  {
    name: "b",
    file: "b.js",
    shared: false,
    hostCalls: null,
    expected: 1,
    cells: { native: ok(1), x: ok(2), y: failed },
  },
  {
    name: HOST_BRIDGE,
    file: `${HOST_BRIDGE}.js`,
    shared: true,
    hostCalls: 1000,
    expected: 1,
    cells: { native: ok(5), x: ok(7), y: ok(10) },
  },
];
const engines: EngineMeta[] = [
  { id: "native", label: "native", version: null, peer: false },
  { id: "x", label: "x", version: null, peer: false },
  { id: "y", label: "y", version: "1.0.0", peer: true },
];

describe("summarize", () => {
  const [native, x, y] = summarize(workloads, engines, { y: { creationMs: 0.5, idleBytes: 2048 } });

  it("takes the geometric mean of the ratios to native over the completed workloads", () => {
    expect(native?.geomean).toBe(1);
    expect(x?.geomean).toBeCloseTo(Math.cbrt(4 * 2 * 1.4), 12);
    expect(y?.geomean).toBeCloseTo(Math.sqrt(2 * 2), 12);
    expect([x?.completed, y?.completed, y?.total]).toEqual([3, 2, 3]);
  });

  it("also takes the geometric mean over the shared workloads alone", () => {
    expect(native?.publicGeomean).toBe(1);
    expect(x?.publicGeomean).toBeCloseTo(Math.sqrt(4 * 1.4), 12);
    expect(y?.publicGeomean).toBeCloseTo(Math.sqrt(2 * 2), 12);
    expect([x?.publicCompleted, x?.publicTotal, y?.publicCompleted]).toEqual([2, 2, 2]);
  });

  it("compares two engines over the workloads both completed", () => {
    expect(x?.versus.y).toBeCloseTo(Math.sqrt(2 * 0.7), 12);
    expect(pairRatio(workloads, "y", "x")).toBeCloseTo(1 / Math.sqrt(2 * 0.7), 12);
    expect(pairRatio([], "x", "y")).toBeNull();
  });

  it("derives the host-call overhead in µs from the host-bridge workload", () => {
    expect(x?.hostCallUs).toBeCloseTo(2, 12);
    expect(y?.hostCallUs).toBeCloseTo(5, 12);
    expect(native?.hostCallUs).toBeNull();
  });

  it("carries the creation and memory figures of each engine", () => {
    expect(y?.creationMs).toBe(0.5);
    expect(y?.idleBytes).toBe(2048);
    expect(x?.creationMs).toBeNull();
  });
});
