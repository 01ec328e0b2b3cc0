/**
 * The live part of a loaded plugin: its sandbox, its exports, what it registered (event
 * handlers, commands, request handlers), its timers, its queue and its store. It exists from a
 * successful load to the unload; the plugin's record outlives it.
 */

import type { Sandbox } from "@cove/interpreter";
import type { Grants } from "../bridge/grants.js";
import type { PluginQueue } from "../events/plugin-queue.js";
import type { PluginStore } from "../storage/plugin-store.js";
import type { HeapWatch } from "./heap-budget.js";

export type GuestFunction = (...args: unknown[]) => unknown;

export interface PluginRuntime {
  readonly sandbox: Sandbox;
  readonly grants: Grants;
  readonly queue: PluginQueue;
  readonly store: PluginStore | undefined;
  /** The module's exports (`activate`, `deactivate`, …). */
  exports: Record<string, unknown>;
  /** Event name or `prefix.*` → handlers, in registration order. */
  readonly subscriptions: Map<string, GuestFunction[]>;
  readonly commands: Map<string, GuestFunction>;
  readonly requestHandlers: Map<string, GuestFunction>;
  readonly timers: Map<number, ReturnType<typeof setTimeout>>;
  /** False from the moment unloading starts: every bridge call is denied from then on. */
  alive: boolean;
  active: boolean;
  /** The activation under way or done, so a plugin activates once. */
  activation: Promise<void> | undefined;
  /** Set once unloading has started, so it runs once. */
  unloading: boolean;
  /** The reason of an unload already asked for (budget exhausted, too many errors). */
  unloadRequested: string | undefined;
  /**
   * The sandbox's fuel at the end of its last run (or of loading): the baseline the next run's
   * fuel is measured from. A plugin's runs follow one another in its queue, so what changed
   * since belongs to the next run.
   */
  measured: { fuel: number };
  /** The live heap's last measurement and what could have grown it since (`heap-budget.ts`). */
  readonly heap: HeapWatch;
  /** Aborted when unloading starts: stops the plugin's running task and its outgoing requests. */
  readonly lifetime: AbortController;
  /** The run in progress, if any: what the plugin's outgoing requests are tied to. */
  current: RunContext | undefined;
}

/** What the host knows about the run in progress (a plugin's runs follow one another). */
export interface RunContext {
  /** Aborted when the run ends, however it ends, and when the plugin unloads. */
  readonly signal: AbortSignal;
  /**
   * The plugins whose requests led to this run, oldest first (empty for the application's
   * events, commands and requests): a request to one of them would wait for itself.
   */
  readonly chain: readonly string[];
}
