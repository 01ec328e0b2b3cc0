/**
 * What the host remembers about a plugin for as long as it knows it — across unloads, reloads
 * and restarts: its state, its log (every transition and its console output), and its usage
 * counters. The live part (sandbox, subscriptions, timers) is a `PluginRuntime`.
 */

import type { Manifest } from "@cove/plugin-sdk";
import type { PluginSource } from "../discovery/plugin-source.js";
import type { FullBudget } from "../policy/host-policy.js";

export type PluginState =
  | "resolved"
  | "loaded"
  | "activating"
  | "active"
  | "deactivating"
  | "unloading"
  | "unloaded"
  | "failed";

export interface LogLine {
  readonly time: number;
  readonly level: "info" | "warn" | "error" | "debug" | "log" | "transition";
  readonly text: string;
}

export interface MethodUsage {
  count: number;
  totalMs: number;
}

export interface UsageCounters {
  eventsIn: number;
  eventsOut: number;
  eventsDropped: number;
  /** Fuel of each event delivery, most recent last (bounded). */
  fuelPerEvent: number[];
  /** Totals of sandboxes already discarded (restarts, reloads). */
  retired: { fuel: number; cpuMs: number; allocationBytes: number };
  /** The largest live heap measured, over every load (see `heap-budget.ts` for when). */
  peakHeapBytes: number;
  /** How many times the live heap was measured, and when last (`Date.now()`). */
  heapWalks: number;
  heapMeasuredAt: number | undefined;
  hostCalls: Map<string, MethodUsage>;
  denied: Map<string, number>;
  errors: number;
  lastError: string | undefined;
  /** Deliveries stopped by a per-event budget, by resource. */
  perEventExhausted: Map<string, number>;
}

export interface PluginRecord {
  readonly id: string;
  manifest: Manifest;
  source: PluginSource;
  state: PluginState;
  perEvent: FullBudget;
  cumulative: FullBudget;
  activation: { reason: string; time: number } | undefined;
  unloadReason: string | undefined;
  /** Storage use when the plugin last unloaded, for reports about unloaded plugins. */
  lastStorage: { usedBytes: number; quotaBytes: number } | undefined;
  restarts: number;
  /** Every state transition, oldest first. */
  readonly transitions: LogLine[];
  /** Console output and host notes, bounded by the policy's `logLines`. */
  readonly log: LogLine[];
  readonly usage: UsageCounters;
  readonly since: number;
  until: number | undefined;
}

export const FUEL_SAMPLES = 10_000;

export function createPluginRecord(
  manifest: Manifest,
  source: PluginSource,
  budgets: { perEvent: FullBudget; cumulative: FullBudget },
): PluginRecord {
  return {
    id: manifest.id,
    manifest,
    source,
    state: "resolved",
    perEvent: budgets.perEvent,
    cumulative: budgets.cumulative,
    activation: undefined,
    unloadReason: undefined,
    lastStorage: undefined,
    restarts: 0,
    transitions: [],
    log: [],
    usage: {
      eventsIn: 0,
      eventsOut: 0,
      eventsDropped: 0,
      fuelPerEvent: [],
      retired: { fuel: 0, cpuMs: 0, allocationBytes: 0 },
      peakHeapBytes: 0,
      heapWalks: 0,
      heapMeasuredAt: undefined,
      hostCalls: new Map(),
      denied: new Map(),
      errors: 0,
      lastError: undefined,
      perEventExhausted: new Map(),
    },
    since: Date.now(),
    until: undefined,
  };
}

/** Appends a line to the record's log, keeping at most `max` lines. */
export function appendLog(record: PluginRecord, line: LogLine, max: number): void {
  record.log.push(line);
  if (record.log.length > max) record.log.splice(0, record.log.length - max);
}

export function countHostCall(record: PluginRecord, method: string, ms: number): void {
  const entry = record.usage.hostCalls.get(method);
  if (entry === undefined) record.usage.hostCalls.set(method, { count: 1, totalMs: ms });
  else {
    entry.count++;
    entry.totalMs += ms;
  }
}

/** Adds the time an async host call took to settle after it returned. */
export function addHostCallTime(record: PluginRecord, method: string, ms: number): void {
  const entry = record.usage.hostCalls.get(method);
  if (entry !== undefined) entry.totalMs += ms;
}

export function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
