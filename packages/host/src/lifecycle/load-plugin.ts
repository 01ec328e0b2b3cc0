/**
 * Loading one resolved plugin (DESIGN §3.2): open its store, create its one sandbox with only
 * its granted catalogue globals and its API object, and evaluate its `main`. A failure at any
 * step undoes the steps before it — no sandbox, store, timer or subscription is left behind —
 * and throws `COVE_PLUGIN_LOAD_FAILED` (or the catalogue's `COVE_GLOBAL_UNKNOWN`).
 */

import { createSandbox, type Sandbox, SandboxError, SandboxSyntaxError } from "@cove/interpreter";
import { createGrants } from "../bridge/grants.js";
import { makeBuiltins } from "../bridge/make-builtins.js";
import { makePluginApi } from "../bridge/make-plugin-api.js";
import { normalizePath } from "../discovery/plugin-source.js";
import { HostError, messages } from "../errors.js";
import { PluginQueue } from "../events/plugin-queue.js";
import { evaluateMain } from "../sandbox/evaluate-main.js";
import type { GlobalServices } from "../sandbox/global-catalogue.js";
import { guestStackOf } from "../sandbox/invoke-guest.js";
import { openPluginStore, type PluginStore } from "../storage/plugin-store.js";
import { cumulativeLimits, perEventLimits } from "./budget-limits.js";
import { closeRun, newHeapWatch, walkHeap } from "./heap-budget.js";
import { type HostCore, unloadedError } from "./host-core.js";
import { addHostCallTime, countHostCall, increment, type PluginRecord } from "./plugin-record.js";
import type { GuestFunction, PluginRuntime } from "./plugin-runtime.js";

/** The global that holds the plugin's API object in its sandbox. */
export const API_GLOBAL = "cove";
const MAX_TIMERS = 1000;

export interface LoadServices {
  emit(record: PluginRecord, name: string, payload: unknown): void;
  executeCommand(command: string, args: unknown[]): void;
  request(
    record: PluginRecord,
    runtime: PluginRuntime,
    target: string,
    name: string,
    payload: unknown,
    timeoutMs: number | undefined,
  ): Promise<unknown>;
}

export async function loadPlugin(
  core: HostCore,
  record: PluginRecord,
  services: LoadServices,
): Promise<PluginRuntime> {
  const { policy, catalogue, api } = core.options;
  const { manifest } = record;
  const pluginId = record.id;

  for (const name of manifest.globals ?? []) {
    if (catalogue[name] === undefined) {
      throw new HostError(
        "COVE_GLOBAL_UNKNOWN",
        messages.loadFailed(pluginId, messages.unknownGlobal(name)),
        pluginId,
      );
    }
  }
  const grants = createGrants(pluginId, manifest.capabilities ?? [], policy.grants);

  let store: PluginStore | undefined;
  let sandbox: Sandbox | undefined;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let runtime: PluginRuntime | undefined;
  const current = (): PluginRuntime => {
    if (runtime === undefined) throw unloadedError(pluginId);
    return runtime;
  };
  const queue = new PluginQueue(policy.queueCapacity, policy.overflow, {
    dropped: (task, why) => {
      if (why === "overflow") record.usage.eventsDropped++;
      task.settle({ ok: false, error: unloadedError(pluginId, task.label) });
      core.bus.emit("plugin:dropped", { pluginId, task: task.label, why });
    },
    overflowUnload: () => core.requestUnload(record, "queue-overflow"),
  });

  try {
    if (grants.granted.has("storage") && core.options.storage !== undefined) {
      store = await openPluginStore(pluginId, core.options.storage, {
        quotaBytes: policy.storageQuotaBytes,
        onError: (error) => core.log(record, "error", `storage: ${String(error)}`),
      });
    }

    let nextTimer = 1;
    const globalServices: GlobalServices = {
      pluginId,
      log: (level, text) => core.log(record, level, text),
      setTimer: (callback, ms, repeat, args) => {
        if (timers.size >= MAX_TIMERS) throw new RangeError(`at most ${MAX_TIMERS} timers at once`);
        const id = nextTimer++;
        const fire = () => {
          const live = runtime;
          if (live === undefined || !live.alive) return;
          if (!repeat) timers.delete(id);
          core
            .enqueue(record, live, `timer ${id}`, callback as GuestFunction, args, {
              droppable: true,
              isEvent: true,
            })
            .promise.catch(() => undefined);
        };
        const handle = repeat ? setInterval(fire, Math.max(1, ms)) : setTimeout(fire, ms);
        timers.set(id, handle);
        return id;
      },
      clearTimer: (id) => {
        const handle = timers.get(id);
        if (handle !== undefined) {
          clearTimeout(handle);
          timers.delete(id);
        }
      },
    };
    const globals: Record<string, unknown> = {};
    for (const name of manifest.globals ?? []) {
      if (policy.globals !== undefined && !policy.globals.has(name)) {
        core.log(record, "warn", `the global "${name}" is not granted by the host's policy`);
        continue;
      }
      Object.assign(
        globals,
        (catalogue[name] as (s: GlobalServices) => Record<string, unknown>)(globalServices),
      );
    }

    const contributedCommands = new Set((manifest.contributes?.commands ?? []).map((c) => c.id));
    const pluginApi = makePluginApi({
      pluginId,
      api,
      grants,
      audit: core.audit,
      alive: () => runtime?.alive ?? true,
      meter: {
        call: (method, ms) => countHostCall(record, method, ms),
        settled: (method, ms) => addHostCallTime(record, method, ms),
        denied: (capability) => increment(record.usage.denied, capability),
        received: (bytes) => {
          if (runtime !== undefined) runtime.heap.inflowBytes += bytes;
        },
      },
      builtins: makeBuiltins({
        pluginId,
        api,
        runtime: current,
        contributedCommands,
        emit: (name, payload) => services.emit(record, name, payload),
        executeCommand: (command, args) => services.executeCommand(command, args),
        request: (target, name, payload, timeoutMs) =>
          services.request(record, current(), target, name, payload, timeoutMs),
      }),
    });
    globals[API_GLOBAL] = pluginApi;

    sandbox = createSandbox({
      globals,
      limits: {
        perRun: perEventLimits(record.perEvent),
        total: cumulativeLimits(record.cumulative),
      },
      policy: { errors: policy.errors, eval: false },
    });
    runtime = {
      sandbox,
      grants,
      queue,
      store,
      exports: {},
      subscriptions: new Map(),
      commands: new Map(),
      requestHandlers: new Map(),
      timers,
      alive: true,
      active: false,
      activation: undefined,
      unloading: false,
      unloadRequested: undefined,
      measured: { fuel: 0 },
      heap: newHeapWatch(),
      lifetime: new AbortController(),
      current: undefined,
    };
    const main = normalizePath(manifest.main);
    runtime.exports = await evaluateMain(
      sandbox,
      main,
      record.source.files,
      pluginApi,
      perEventLimits(record.perEvent),
    );
    // What `main` left behind is the baseline of the first run's fuel and heap growth; a main
    // module that already retains more than the heap budget is refused here.
    const loaded = sandbox.resources({ heap: false });
    runtime.measured = { fuel: loaded.fuel };
    const heapBytes = walkHeap(record, runtime);
    closeRun(runtime.heap, loaded.allocationBytes);
    if (heapBytes > record.cumulative.heapBytes) {
      throw new HostError(
        "COVE_PLUGIN_LOAD_FAILED",
        messages.loadFailed(pluginId, messages.heapAtLoad(heapBytes, record.cumulative.heapBytes)),
        pluginId,
      );
    }
    return runtime;
  } catch (error) {
    if (runtime !== undefined) runtime.alive = false;
    queue.close();
    for (const handle of timers.values()) clearTimeout(handle);
    timers.clear();
    sandbox?.dispose();
    store?.discard();
    if (error instanceof HostError) throw error;
    throw new HostError(
      "COVE_PLUGIN_LOAD_FAILED",
      messages.loadFailed(pluginId, describe(error)),
      pluginId,
      {
        cause: error,
      },
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof SandboxSyntaxError) return error.message;
  if (error instanceof SandboxError)
    return `its main module threw: ${guestStackOf(error.guestStack)}`;
  return error instanceof Error ? error.message : String(error);
}
