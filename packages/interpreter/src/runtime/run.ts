/**
 * A run: one evaluation requested by the host (`run`, `runSync`, a call through an exported
 * guest function). It owns its limits, its meter and its execution-context stack, and is passed
 * to everything that executes guest code (DESIGN §2.1 invariants 4 and 5). The sandbox instance
 * holds none of this.
 */
import { ResourceExhaustedError, type ResourceName, RunAbortedError } from "../errors.js";
import type { FeaturePolicy, SourceValidator } from "../parse/feature-policy.js";
import type { Realm } from "../realm/realm.js";
import type { Account } from "./account.js";
import type { Frame } from "./frame.js";

/** Per-run limits (`limits.perRun` merged with the run's own `limits`). */
export interface RunLimits {
  fuel: number;
  memoryBytes: number;
  callDepth: number;
  timeMs: number;
  hostCalls: number;
}

export type ErrorPolicy = "safe" | "sanitize" | "full";

export interface RunPolicy {
  errors: ErrorPolicy;
  eval: boolean;
  /** Feature policies in force (the sandbox's and the run's); all must pass. */
  features: readonly FeaturePolicy[];
  validators: readonly SourceValidator[];
}

/** Fuel between two checkpoints, where wall time, the abort signal and totals are checked. */
const CHUNK = 4096;

const now: () => number =
  typeof performance !== "undefined" ? () => performance.now() : () => Date.now();

export class Run {
  /** Fuel left before the next checkpoint. Charged with `charge`, hot. */
  private budget: number;
  private chunk: number;
  private fuelDone = 0;
  private memLeft: number;
  /** The allocation allowance the run started with (its own limit, or what the total leaves). */
  private memCap: number;
  depth = 0;
  peakDepth = 0;
  hostCalls = 0;
  /** Top of the execution-context stack. */
  frame: Frame | null = null;
  /** Set when a budget ran out: every later charge rethrows it, so the run cannot continue. */
  dead: Error | null = null;
  readonly startedAt = now();
  /** CPU time: wall time while guest work of this run is executing (not while it waits). */
  private activeMs = 0;
  private clockDepth = 0;
  private clockStart = 0;
  private readonly deadline: number;
  private lastTotalFuel = 0;
  private lastTotalMem = 0;
  /** Nested runs (host → guest → host → guest) share this record; see the membrane. */
  active = true;
  /** Host promises imported by this run and not settled yet: `Sandbox.run()` waits for them. */
  pendingHost = 0;
  /** Set by `Sandbox.run()` while it waits; called when a host promise of this run settles. */
  onHostSettled: (() => void) | null = null;

  constructor(
    readonly realm: Realm,
    readonly account: Account,
    readonly limits: RunLimits,
    readonly policy: RunPolicy,
    readonly signal: AbortSignal | undefined,
  ) {
    // A run may not spend past the sandbox's cumulative budgets: its first fuel chunk and its
    // memory allowance stop at what is left of them, so even a short run meets the checkpoint
    // that reports a spent total.
    const a = account.limits;
    const fuelLeft = a.fuel === undefined ? Infinity : a.fuel - account.fuel;
    if (fuelLeft < 0) {
      account.exhausted = { resource: "fuel", scope: "total" };
      throw new ResourceExhaustedError("fuel", account.fuel, a.fuel as number, "total");
    }
    const memTotalLeft =
      a.allocationBytes === undefined ? Infinity : a.allocationBytes - account.allocationBytes;
    if (memTotalLeft < 0) {
      account.exhausted = { resource: "memory", scope: "total" };
      throw new ResourceExhaustedError(
        "memory",
        account.allocationBytes,
        a.allocationBytes as number,
        "total",
      );
    }
    this.chunk = this.budget = Math.min(CHUNK, limits.fuel, fuelLeft);
    this.memLeft = Math.min(limits.memoryBytes, memTotalLeft);
    this.memCap = this.memLeft;
    this.deadline = limits.timeMs === Infinity ? Infinity : this.startedAt + limits.timeMs;
  }

  get fuelUsed(): number {
    return this.fuelDone + (this.chunk - this.budget);
  }

  get memoryUsed(): number {
    return this.memCap - this.memLeft;
  }

  /** Starts (or nests) a period of executing guest work, for CPU-time accounting. */
  startClock(): void {
    if (this.clockDepth++ === 0) this.clockStart = now();
  }

  stopClock(): void {
    if (--this.clockDepth === 0) this.activeMs += now() - this.clockStart;
  }

  /** CPU milliseconds used so far (executing, not waiting). */
  get cpuMs(): number {
    return this.activeMs + (this.clockDepth > 0 ? now() - this.clockStart : 0);
  }

  /** Charges `n` units of fuel. */
  charge(n: number): void {
    if ((this.budget -= n) < 0) this.checkpoint();
  }

  /** Charges `bytes` of allocation before it happens. */
  alloc(bytes: number): void {
    if ((this.memLeft -= bytes) < 0) this.memoryExhausted();
  }

  /** Checks wall time, the abort signal and the cumulative budgets; renews the fuel chunk. */
  checkpoint(): void {
    if (this.dead !== null) throw this.dead;
    this.fuelDone += this.chunk - this.budget;
    this.chunk = this.budget = 0;
    this.syncTotals();
    if (this.fuelDone > this.limits.fuel) this.die("fuel", this.fuelDone, this.limits.fuel);
    if (this.deadline !== Infinity) {
      const t = now();
      if (t > this.deadline) {
        this.die("time", Math.round(t - this.startedAt), this.limits.timeMs);
      }
    }
    const cpuLimit = this.account.limits.cpuTimeMs;
    if (cpuLimit !== undefined) {
      const cpu = this.account.cpuTimeMs + this.cpuMs;
      if (cpu > cpuLimit) {
        this.account.exhausted = { resource: "cpuTime", scope: "total" };
        const err = new ResourceExhaustedError("cpuTime", Math.round(cpu), cpuLimit, "total");
        this.dead = err;
        this.budget = -1;
        throw err;
      }
    }
    if (this.signal?.aborted) {
      const err = new RunAbortedError(this.signal.reason);
      this.dead = err;
      throw err;
    }
    const totalFuel = this.account.limits.fuel;
    const totalLeft = totalFuel === undefined ? Infinity : totalFuel - this.account.fuel;
    this.chunk = this.budget = Math.max(
      0,
      Math.min(CHUNK, this.limits.fuel - this.fuelDone, totalLeft),
    );
  }

  /** Adds what this run used since the last sync to the sandbox's cumulative account. */
  syncTotals(): void {
    const a = this.account;
    const fuel = this.fuelUsed;
    a.fuel += fuel - this.lastTotalFuel;
    this.lastTotalFuel = fuel;
    const mem = this.memoryUsed;
    a.allocationBytes += mem - this.lastTotalMem;
    this.lastTotalMem = mem;
    try {
      a.check("fuel", "fuel", a.fuel);
      a.check("allocationBytes", "memory", a.allocationBytes);
    } catch (e) {
      this.dead = e as Error;
      throw e;
    }
  }

  countHostCall(): void {
    if (++this.hostCalls > this.limits.hostCalls) {
      this.die("hostCalls", this.hostCalls, this.limits.hostCalls);
    }
    const a = this.account;
    a.hostCalls++;
    try {
      a.check("hostCalls", "hostCalls", a.hostCalls);
    } catch (e) {
      this.dead = e as Error;
      throw e;
    }
  }

  private memoryExhausted(): void {
    if (this.memCap < this.limits.memoryBytes) {
      this.syncTotals();
      const limit = this.account.limits.allocationBytes as number;
      this.account.exhausted = { resource: "memory", scope: "total" };
      const err = new ResourceExhaustedError(
        "memory",
        this.account.allocationBytes,
        limit,
        "total",
      );
      this.dead = err;
      this.budget = -1;
      throw err;
    }
    this.die("memory", this.memoryUsed, this.limits.memoryBytes);
  }

  die(resource: ResourceName, used: number, limit: number): never {
    const err = new ResourceExhaustedError(resource, used, limit);
    this.account.lastRunExhausted = { resource, scope: "run" };
    this.dead = err;
    this.budget = -1;
    throw err;
  }

  /** Called when the run ends: final sync of totals and peaks. */
  finish(): void {
    if (!this.active) return;
    this.active = false;
    const a = this.account;
    const fuel = this.fuelUsed;
    a.fuel += fuel - this.lastTotalFuel;
    this.lastTotalFuel = fuel;
    const mem = this.memoryUsed;
    a.allocationBytes += mem - this.lastTotalMem;
    this.lastTotalMem = mem;
    a.cpuTimeMs += this.cpuMs;
    if (fuel > a.peakRunFuel) a.peakRunFuel = fuel;
    if (mem > a.peakRunMemory) a.peakRunMemory = mem;
    if (this.peakDepth > a.peakCallDepth) a.peakCallDepth = this.peakDepth;
  }
}
