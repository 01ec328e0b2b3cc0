/**
 * `createHost`: what an application embeds. It declares its API and events once, states its
 * policy, and then loads plugins, emits events, runs commands and reads usage reports.
 */

import { stat } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE, type Manifest } from "@cove/plugin-sdk";
import type { EventEmitter } from "eventemitter3";
import type { ApiDeclaration, EventPayloadOf, EventsDeclaration } from "./api/api-types.js";
import { compileApi } from "./api/compile-api.js";
import type { AuditEntry } from "./bridge/audit-log.js";
import type { Grant } from "./bridge/grants.js";
import type { PluginSource } from "./discovery/plugin-source.js";
import { discoverPlugins, readPluginDirectory } from "./discovery/read-plugin-directory.js";
import { HostError, messages } from "./errors.js";
import { type CallOptions, executeCommand, requestPlugin } from "./events/call-plugin.js";
import { deliverEvent, type EmitReport } from "./events/deliver-event.js";
import type { HostEvents } from "./events/host-events.js";
import { activatePlugin } from "./lifecycle/activate-plugin.js";
import { HostCore, type HostLogger } from "./lifecycle/host-core.js";
import { createLoader, type LoadReport } from "./lifecycle/load-sources.js";

import type { LogLine, PluginRecord, PluginState } from "./lifecycle/plugin-record.js";
import { type HostPolicy, resolvePolicy } from "./policy/host-policy.js";
import { DEFAULT_CATALOGUE, type GlobalCatalogue } from "./sandbox/global-catalogue.js";
import { createMemoryStorage, type StorageAdapter } from "./storage/storage-adapter.js";
import { collectUsage } from "./usage/collect-usage.js";
import type { UsageOptions, UsageReport } from "./usage/usage-types.js";

export type { LoadReport, RefusedPlugin } from "./lifecycle/load-sources.js";

export interface HostOptions<A extends ApiDeclaration, E extends EventsDeclaration> {
  /** The application's version, matched against each plugin's `engines.host`. */
  readonly version: string;
  /** Namespaces of methods plugins may call, each behind a capability. */
  readonly api?: A;
  /** Events the application emits to plugins. */
  readonly events?: E;
  readonly policy?: HostPolicy;
  /**
   * Where plugins' `storage` lives: `createFileStorage(dir)` persists to files with atomic
   * replace. Default: in memory, for the life of the host.
   */
  readonly storage?: StorageAdapter;
  /** Receives every line of every plugin's log (console output, errors, notes). */
  readonly logger?: HostLogger;
  /**
   * The values people chose for a plugin's contributed settings (`contributes.settings`), by key.
   * Each is checked against the setting's schema; a missing or invalid one uses the default.
   */
  readonly settings?: (pluginId: string) => Readonly<Record<string, unknown>> | undefined;
  /** Globals plugins may ask for, added to (or replacing) the default `console` and `timers`. */
  readonly catalogue?: GlobalCatalogue;
}

/** What the host knows about one plugin: a snapshot, safe to keep and to change. */
export interface PluginInfo {
  readonly id: string;
  readonly version: string;
  readonly state: PluginState;
  /** A copy of the plugin's validated manifest. */
  readonly manifest: Manifest;
  /**
   * Its capabilities while it is loaded: those it holds (with their scopes), those the policy
   * refused, those revoked since it loaded. All empty when it is not loaded.
   */
  readonly capabilities: {
    readonly granted: readonly Grant[];
    readonly refused: readonly string[];
    readonly revoked: readonly string[];
  };
  /** Why and when it was last activated. */
  readonly activation: { readonly reason: string; readonly time: number } | undefined;
  readonly unloadReason: string | undefined;
  readonly restarts: number;
  /** Every state transition, oldest first. */
  readonly transitions: readonly LogLine[];
  /** Its console output and the host's notes about it, oldest first (bounded). */
  readonly log: readonly LogLine[];
}

export interface Host<E extends EventsDeclaration = EventsDeclaration> {
  readonly version: string;
  /** Loads plugins from memory or directories: validate, resolve, load, activate `onStartup`. */
  load(sources: PluginSource | readonly PluginSource[]): Promise<LoadReport>;
  /** Loads the plugin in `dir`, or every plugin directory directly under it. */
  loadDirectory(dir: string): Promise<LoadReport>;
  activate(pluginId: string, reason?: string): Promise<void>;
  unload(pluginId: string, reason?: string): Promise<void>;
  /** Unloads and loads again (re-reading its directory when it came from one). */
  reload(pluginId: string): Promise<LoadReport>;
  /** Delivers an event to every plugin that handles it; resolves when all have run. */
  emit<K extends keyof E & string>(name: K, payload: EventPayloadOf<E, K>): Promise<EmitReport>;
  executeCommand(
    command: string,
    args?: readonly unknown[],
    options?: CallOptions,
  ): Promise<unknown>;
  request(
    pluginId: string,
    name: string,
    payload?: unknown,
    options?: CallOptions,
  ): Promise<unknown>;
  /** Takes a capability away from a loaded plugin for the rest of its life. */
  revoke(pluginId: string, capability: string): void;
  /** Per plugin: usage against budgets (see `UsageOptions` for a fresh live-heap measurement). */
  usage(options?: UsageOptions): UsageReport;
  audit(filter?: { readonly pluginId?: string }): AuditEntry[];
  plugin(pluginId: string): PluginInfo | undefined;
  plugins(): PluginInfo[];
  /**
   * Resolves once every plugin's queue is drained and nothing is running: no delivery, command,
   * request, activation, load or unload under way (timers not yet due do not count). For tests
   * and for an application that wants its plugins to have caught up.
   */
  idle(): Promise<void>;
  /** Commits every plugin's pending storage changes. */
  flush(): Promise<void>;
  /** Unloads every plugin and cancels pending restarts. */
  dispose(): Promise<void>;
  on: EventEmitter<HostEvents>["on"];
  once: EventEmitter<HostEvents>["once"];
  off: EventEmitter<HostEvents>["off"];
}

export function createHost<
  const A extends ApiDeclaration = Record<never, never>,
  const E extends EventsDeclaration = Record<never, never>,
>(options: HostOptions<A, E>): Host<E> {
  const api = compileApi(options.api ?? {}, options.events ?? {});
  const policy = resolvePolicy(options.policy);
  const core = new HostCore({
    version: options.version,
    api,
    policy,
    storage: options.storage ?? createMemoryStorage(),
    logger: options.logger,
    catalogue: { ...DEFAULT_CATALOGUE, ...options.catalogue },
    settings: options.settings,
  });

  const load = createLoader(core);

  core.reloadRecord = async (record, reason) => {
    const report = await load(record.source);
    if (report.loaded.includes(record.id)) {
      core.log(record, "info", `loaded again (${reason})`);
    }
  };

  const info = (record: PluginRecord): PluginInfo => {
    const grants = core.runtimes.get(record.id)?.grants;
    return {
      id: record.id,
      version: record.manifest.version,
      state: record.state,
      manifest: structuredClone(record.manifest),
      capabilities: {
        granted: [...(grants?.granted.values() ?? [])].map((grant) => ({
          name: grant.name,
          scope: grant.scope === undefined ? undefined : [...grant.scope],
        })),
        refused: [...(grants?.refused ?? [])],
        revoked: [...(grants?.revoked ?? [])],
      },
      activation: record.activation === undefined ? undefined : { ...record.activation },
      unloadReason: record.unloadReason,
      restarts: record.restarts,
      transitions: [...record.transitions],
      log: [...record.log],
    };
  };

  return {
    version: options.version,
    load,
    async loadDirectory(dir) {
      const single = await stat(path.join(dir, MANIFEST_FILE)).then(
        (s) => s.isFile(),
        () => false,
      );
      return load(single ? [await readPluginDirectory(dir)] : await discoverPlugins(dir));
    },
    activate: (pluginId, reason = "request") => activatePlugin(core, pluginId, reason),
    unload: (pluginId, reason = "request") => core.unload(pluginId, reason),
    async reload(pluginId) {
      const record = core.records.get(pluginId);
      if (record === undefined)
        throw new HostError("COVE_PLUGIN_NOT_FOUND", messages.notFound(pluginId), pluginId);
      await core.unload(pluginId, "reload");
      const { directory } = record.source;
      const source = directory === undefined ? record.source : await readPluginDirectory(directory);
      return load(source);
    },
    async emit(name, payload) {
      const declared = api.events.get(name);
      if (declared === undefined)
        throw new HostError("COVE_EVENT_UNKNOWN", messages.eventUnknown(name));
      const problems = declared.check(payload);
      if (problems !== undefined) {
        throw new HostError("COVE_INVALID_ARGUMENTS", `host.emit("${name}"): ${problems}`);
      }
      return deliverEvent(core, name, payload, { capability: declared.capability });
    },
    executeCommand: (command, args = [], callOptions) =>
      executeCommand(core, command, args, callOptions),
    request: (pluginId, name, payload, callOptions) =>
      requestPlugin(core, pluginId, name, payload, callOptions),
    revoke(pluginId, capability) {
      core.runtimes.get(pluginId)?.grants.revoke(capability);
    },
    usage: (usageOptions) => collectUsage(core, usageOptions),
    audit: (filter) => core.audit.entries(filter),
    plugin(pluginId) {
      const record = core.records.get(pluginId);
      return record === undefined ? undefined : info(record);
    },
    plugins: () => [...core.records.values()].map(info),
    idle: () => core.idle(),
    async flush() {
      await Promise.all([...core.runtimes.values()].map((runtime) => runtime.store?.flush()));
    },
    async dispose() {
      for (const handle of core.restartTimers) clearTimeout(handle);
      core.restartTimers.clear();
      const ids = [...core.runtimes.keys()].reverse();
      for (const id of ids) await core.unload(id, "host-disposed");
    },
    on: core.bus.on.bind(core.bus),
    once: core.bus.once.bind(core.bus),
    off: core.bus.off.bind(core.bus),
  };
}
