/** The usage report (DESIGN §3.5): one record per plugin the host knows, as plain JSON data. */

export interface UsageOptions {
  /**
   * Measures each loaded plugin's live heap first, so `peakHeapBytes` includes the heap as it is
   * now. The measurement walks the heap: 3 to 5 ns per byte. Default false.
   */
  readonly measureHeap?: boolean;
}

export interface UsageReport {
  readonly format: "cove-usage/1";
  readonly host: { readonly version: string };
  readonly generatedAt: string;
  readonly plugins: readonly UsageRecord[];
}

/** A measured quantity against its budget (`budget` is null when unlimited). */
export interface Metered {
  readonly used: number;
  readonly budget: number | null;
  /** `used` as a percentage of `budget`, or null. */
  readonly percent: number | null;
}

export interface UsageRecord {
  readonly id: string;
  readonly version: string;
  readonly state: string;
  readonly activation: { readonly reason: string; readonly time: string } | null;
  readonly events: { readonly in: number; readonly out: number; readonly dropped: number };
  readonly fuel: Metered & {
    readonly perEvent: {
      readonly p50: number;
      readonly p95: number;
      readonly max: number;
      readonly budget: number | null;
    };
  };
  readonly cpuMs: Metered;
  readonly allocationBytes: Metered;
  /**
   * The largest live heap measured (built-ins included), against the cumulative heap budget. The
   * host measures at load, after a run only when a heap budget could have been broken or enough
   * was allocated since (see the host's README), and for `usage({ measureHeap: true })`: `used`
   * is the peak of those measurements, as of the last one (`measuredAt`).
   */
  readonly peakHeapBytes: Metered & {
    /** When the live heap was last measured (ISO time), or null if never. */
    readonly measuredAt: string | null;
    /** How many times it was measured, over every load. */
    readonly measurements: number;
  };
  readonly hostCalls: {
    readonly total: number;
    readonly budget: number | null;
    readonly byMethod: Readonly<
      Record<string, { readonly count: number; readonly totalMs: number }>
    >;
  };
  readonly denied: {
    readonly total: number;
    readonly byCapability: Readonly<Record<string, number>>;
  };
  readonly errors: Metered & {
    readonly last: string | null;
    readonly perEventBudgetsExhausted: Readonly<Record<string, number>>;
  };
  readonly storage: { readonly usedBytes: number; readonly quotaBytes: number } | null;
  readonly unloadReason: string | null;
  readonly restarts: number;
  readonly window: { readonly from: string; readonly to: string };
}
