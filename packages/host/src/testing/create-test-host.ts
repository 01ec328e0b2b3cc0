/**
 * `createTestHost()`: a host for plugin authors' own tests (vitest or any runner). It loads a
 * plugin from its directory or from memory, sends it events, commands and requests, records every
 * call the plugin makes to the application's API, and reads what the plugin cost (fuel, CPU,
 * allocation, heap, host calls) so a test can pin it.
 *
 * It lives in @cove/host, not in @cove/plugin-sdk, because the SDK imports nothing from the
 * repository (ARCHITECTURE.md): plugin authors install @cove/host next to the SDK for their tests.
 * It is a real host (`createHost`) with in-memory storage and the application's API wrapped so that
 * calls are recorded; nothing about the plugin runs differently than in an application.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import { ManifestInvalidError } from "@cove/plugin-sdk";
import semver from "semver";
import type {
  ApiDeclaration,
  CallContext,
  EventPayloadOf,
  EventsDeclaration,
} from "../api/api-types.js";
import { createHost, type Host, type HostOptions } from "../create-host.js";
import type { PluginSource } from "../discovery/plugin-source.js";
import { readPluginDirectory } from "../discovery/read-plugin-directory.js";
import { HostError, messages } from "../errors.js";
import type { CallOptions } from "../events/call-plugin.js";
import type { EmitReport } from "../events/deliver-event.js";
import type { LogLine } from "../lifecycle/plugin-record.js";
import { createMemoryStorage } from "../storage/storage-adapter.js";
import type { UsageRecord } from "../usage/usage-types.js";

export interface TestHostOptions<A extends ApiDeclaration, E extends EventsDeclaration>
  extends Omit<HostOptions<A, E>, "version" | "storage"> {
  /**
   * The application version plugins are checked against. Default: the lowest version the first
   * loaded plugin's `engines.host` accepts (`^1.2.0` → `1.2.0`).
   */
  readonly version?: string;
}

/** One call a plugin made to a method of the application's API. */
export interface HostCall {
  readonly pluginId: string;
  /** `namespace.method`, as in usage reports. */
  readonly method: string;
  readonly args: readonly unknown[];
  /** What the handler returned (for an async method, what it resolved with, once it has). */
  readonly result?: unknown;
  /** What the handler threw (for an async method, what it rejected with). */
  readonly error?: unknown;
}

/** An event a plugin emitted with `events.emit`. */
export interface EmittedEvent {
  readonly pluginId: string;
  readonly name: string;
  readonly payload: unknown;
}

/** What a plugin used: totals from its usage record, or the difference over `measure`. */
export interface PluginCost {
  /** Interpreter work units (see @cove/interpreter's cost model). */
  readonly fuel: number;
  readonly cpuMs: number;
  readonly allocationBytes: number;
  /** The largest live heap measured so far (not a difference, even from `measure`). */
  readonly peakHeapBytes: number;
  /** Calls into the host API, the application's and the host's own (`storage.set`, …). */
  readonly hostCalls: number;
  readonly hostCallsByMethod: Readonly<Record<string, number>>;
  readonly denied: number;
  readonly errors: number;
  readonly eventsIn: number;
  readonly eventsOut: number;
}

export interface TestHost<E extends EventsDeclaration = EventsDeclaration> {
  /**
   * Loads a plugin from a directory (path or `file:` URL; its `main` must be built) or from
   * `{ manifest, files }`, activates it if it activates `onStartup`, and returns its id. Rejects
   * with `COVE_MANIFEST_INVALID` (every problem listed), the host's refusal, or
   * `COVE_PLUGIN_LOAD_FAILED` when its code or its activation failed.
   */
  load(plugin: string | URL | PluginSource): Promise<string>;
  /** Activates a loaded plugin (the only one when `pluginId` is left out). */
  activate(pluginId?: string): Promise<void>;
  unload(pluginId?: string): Promise<void>;
  emit<K extends keyof E & string>(name: K, payload: EventPayloadOf<E, K>): Promise<EmitReport>;
  /** Runs a contributed command and resolves with its handler's result. */
  executeCommand(command: string, ...args: unknown[]): Promise<unknown>;
  request(
    pluginId: string,
    name: string,
    payload?: unknown,
    options?: CallOptions,
  ): Promise<unknown>;
  /** Every call plugins made to the application's API, in order. */
  readonly calls: readonly HostCall[];
  /** The calls to one method (`"editor.insert"`). */
  callsTo(method: string): HostCall[];
  /** Every event plugins emitted, in order. */
  readonly emitted: readonly EmittedEvent[];
  /** The plugin's log: transitions, console output, errors. */
  log(pluginId?: string): LogLine[];
  /** The plugin's committed storage (pending writes are committed first). */
  storage(pluginId?: string): Promise<Record<string, unknown>>;
  /** What the plugin used so far. */
  cost(pluginId?: string): PluginCost;
  /** What the plugin used while `action` ran: `await t.measure(() => t.emit(…))`. */
  measure(action: () => unknown, pluginId?: string): Promise<PluginCost>;
  /** The plugin's full usage record, as in `host.usage()`. */
  usage(pluginId?: string): UsageRecord;
  /**
   * Resolves once the plugins have caught up: every queue drained, nothing running (see
   * `Host.idle`). Use it instead of sleeping after work that runs later (an event a plugin
   * emitted, an unload a budget asked for).
   */
  idle(): Promise<void>;
  /** The host underneath, for anything else (`host.on`, `host.audit()`, `host.revoke`). */
  readonly host: Host<E>;
  /** Unloads every plugin. */
  dispose(): Promise<void>;
}

export function createTestHost<
  const A extends ApiDeclaration = Record<never, never>,
  const E extends EventsDeclaration = Record<never, never>,
>(options: TestHostOptions<A, E> = {}): TestHost<E> {
  const calls: HostCall[] = [];
  const emitted: EmittedEvent[] = [];
  const storage = createMemoryStorage();
  let host: Host<E> | undefined;

  const hostFor = (version: string): Host<E> => {
    if (host !== undefined) return host;
    const created = createHost<A, E>({
      ...options,
      version,
      storage,
      ...(options.api === undefined ? {} : { api: recordCalls(options.api, calls) }),
    });
    created.on("plugin:event", (event) => emitted.push(event));
    host = created;
    return created;
  };
  if (options.version !== undefined) hostFor(options.version);

  const started = (): Host<E> => {
    if (host === undefined) {
      throw new Error(
        "createTestHost: load a plugin first, or pass the application's version: createTestHost({ version })",
      );
    }
    return host;
  };

  const idOf = (pluginId: string | undefined): string => {
    if (pluginId !== undefined) return pluginId;
    const ids = started()
      .plugins()
      .map((plugin) => plugin.id);
    if (ids.length === 1) return ids[0] as string;
    throw new Error(
      `createTestHost: name the plugin (${ids.length === 0 ? "none is loaded" : `loaded: ${ids.join(", ")}`})`,
    );
  };

  const cost = (pluginId?: string): PluginCost => toCost(usageOf(started(), idOf(pluginId)));

  return {
    async load(plugin) {
      const source = await toSource(plugin);
      const current = hostFor(options.version ?? lowestHostVersion(source.manifest));
      const report = await current.load(source);
      const refused = report.refused[0];
      if (refused !== undefined) {
        if (refused.problems !== undefined) {
          throw new ManifestInvalidError(refused.pluginId, refused.problems);
        }
        throw new HostError(
          refused.code === "COVE_MANIFEST_INVALID" ? "COVE_PLUGIN_LOAD_FAILED" : refused.code,
          messages.loadFailed(refused.pluginId, refused.reason),
          refused.pluginId,
        );
      }
      const pluginId = report.loaded[report.loaded.length - 1] as string;
      const info = current.plugin(pluginId);
      if (info !== undefined && (info.state === "unloaded" || info.state === "failed")) {
        const lastError = info.log.filter((line) => line.level === "error").at(-1)?.text;
        throw new HostError(
          "COVE_PLUGIN_LOAD_FAILED",
          messages.loadFailed(
            pluginId,
            `it was unloaded (${info.unloadReason ?? info.state})${lastError === undefined ? "" : `: ${lastError}`}`,
          ),
          pluginId,
        );
      }
      return pluginId;
    },
    activate: (pluginId) => started().activate(idOf(pluginId)),
    unload: (pluginId) => started().unload(idOf(pluginId)),
    emit: (name, payload) => started().emit(name, payload),
    executeCommand: (command, ...args) => started().executeCommand(command, args),
    request: (pluginId, name, payload, callOptions) =>
      started().request(pluginId, name, payload, callOptions),
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    emitted,
    log: (pluginId) => [...(started().plugin(idOf(pluginId))?.log ?? [])],
    async storage(pluginId) {
      const id = idOf(pluginId);
      await started().flush();
      const text = storage.snapshot.get(id);
      return text === undefined ? {} : (JSON.parse(text) as Record<string, unknown>);
    },
    cost,
    async measure(action, pluginId) {
      const before = cost(pluginId);
      await action();
      return difference(cost(pluginId), before);
    },
    usage: (pluginId) => usageOf(started(), idOf(pluginId)),
    idle: () => host?.idle() ?? Promise.resolve(),
    get host() {
      return started();
    },
    async dispose() {
      await host?.dispose();
    },
  };
}

/** A copy of the application's API whose handlers record each call in `calls`. */
function recordCalls<A extends ApiDeclaration>(api: A, calls: HostCall[]): A {
  const recorded: Record<string, Record<string, unknown>> = {};
  for (const [namespace, methods] of Object.entries(api)) {
    const out: Record<string, unknown> = {};
    for (const [name, declaration] of Object.entries(methods)) {
      out[name] = {
        ...declaration,
        handler: (call: CallContext, ...args: unknown[]) => {
          const entry: { -readonly [K in keyof HostCall]: HostCall[K] } = {
            pluginId: call.pluginId,
            method: call.method,
            args,
          };
          calls.push(entry);
          let result: unknown;
          try {
            result = declaration.handler(call, ...args);
          } catch (error) {
            entry.error = error;
            throw error;
          }
          if (!(result instanceof Promise)) {
            entry.result = result;
            return result;
          }
          // An async method: record what it settles with.
          return result.then(
            (value: unknown) => {
              entry.result = value;
              return value;
            },
            (error: unknown) => {
              entry.error = error;
              throw error;
            },
          );
        },
      };
    }
    recorded[namespace] = out;
  }
  return recorded as A;
}

async function toSource(plugin: string | URL | PluginSource): Promise<PluginSource> {
  if (typeof plugin === "string") return readPluginDirectory(path.resolve(plugin));
  if (plugin instanceof URL) return readPluginDirectory(fileURLToPath(plugin));
  return plugin;
}

/** The lowest version `engines.host` accepts; `0.0.0` when the manifest cannot say (the host reports why). */
function lowestHostVersion(manifest: unknown): string {
  let value = manifest;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return "0.0.0";
    }
  }
  const range = (value as { engines?: { host?: unknown } } | null)?.engines?.host;
  if (typeof range !== "string") return "0.0.0";
  try {
    return semver.minVersion(range)?.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

function usageOf(host: Host, pluginId: string): UsageRecord {
  // Measured now: a plugin's author wants the heap as it is, not as of the last walk.
  const record = host.usage({ measureHeap: true }).plugins.find((plugin) => plugin.id === pluginId);
  if (record === undefined) {
    throw new HostError("COVE_PLUGIN_NOT_FOUND", messages.notFound(pluginId), pluginId);
  }
  return record;
}

function toCost(usage: UsageRecord): PluginCost {
  const byMethod: Record<string, number> = {};
  for (const [method, { count }] of Object.entries(usage.hostCalls.byMethod)) {
    byMethod[method] = count;
  }
  return {
    fuel: usage.fuel.used,
    cpuMs: usage.cpuMs.used,
    allocationBytes: usage.allocationBytes.used,
    peakHeapBytes: usage.peakHeapBytes.used,
    hostCalls: usage.hostCalls.total,
    hostCallsByMethod: byMethod,
    denied: usage.denied.total,
    errors: usage.errors.used,
    eventsIn: usage.events.in,
    eventsOut: usage.events.out,
  };
}

function difference(after: PluginCost, before: PluginCost): PluginCost {
  const byMethod: Record<string, number> = {};
  for (const [method, count] of Object.entries(after.hostCallsByMethod)) {
    const delta = count - (before.hostCallsByMethod[method] ?? 0);
    if (delta !== 0) byMethod[method] = delta;
  }
  return {
    fuel: after.fuel - before.fuel,
    cpuMs: Math.max(0, Math.round((after.cpuMs - before.cpuMs) * 100) / 100),
    allocationBytes: after.allocationBytes - before.allocationBytes,
    peakHeapBytes: after.peakHeapBytes,
    hostCalls: after.hostCalls - before.hostCalls,
    hostCallsByMethod: byMethod,
    denied: after.denied - before.denied,
    errors: after.errors - before.errors,
    eventsIn: after.eventsIn - before.eventsIn,
    eventsOut: after.eventsOut - before.eventsOut,
  };
}
