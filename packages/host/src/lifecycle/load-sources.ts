/**
 * The load pipeline behind `host.load` (DESIGN §3.2): validate every manifest, resolve engines and
 * dependencies, load the resolved plugins in dependency order (a plugin whose dependency failed to
 * load is refused too), then activate those with `onStartup`. Every refusal is reported with its
 * code and reason and emitted as `plugin:refused`.
 */

import { formatProblems, type ManifestProblem } from "@cove/plugin-sdk";
import { checkSource, type PluginSource } from "../discovery/plugin-source.js";
import { HostError, type HostErrorCode, messages } from "../errors.js";
import { executeCommand } from "../events/call-plugin.js";
import { deliverEvent } from "../events/deliver-event.js";
import { requestFromPlugin } from "../events/request-between-plugins.js";
import { clampBudget } from "../policy/host-policy.js";
import { resolvePlugins } from "../resolve/resolve-plugins.js";
import { activatePlugin } from "./activate-plugin.js";
import type { HostCore } from "./host-core.js";
import { type LoadServices, loadPlugin } from "./load-plugin.js";
import { createPluginRecord, type PluginRecord } from "./plugin-record.js";

export interface RefusedPlugin {
  readonly pluginId: string;
  readonly code: HostErrorCode | "COVE_MANIFEST_INVALID";
  readonly reason: string;
  /** For an invalid manifest: every problem, each `{ path, message }`. */
  readonly problems?: readonly ManifestProblem[];
  readonly origin: string;
}

export interface LoadReport {
  /** Plugins loaded, in load order. */
  readonly loaded: readonly string[];
  readonly refused: readonly RefusedPlugin[];
}

export function createLoader(
  core: HostCore,
): (input: PluginSource | readonly PluginSource[]) => Promise<LoadReport> {
  const { policy, version } = core.options;
  const services: LoadServices = {
    emit: (record: PluginRecord, name: string, payload: unknown) => {
      record.usage.eventsOut++;
      core.bus.emit("plugin:event", { pluginId: record.id, name, payload });
      void deliverEvent(core, name, payload, { from: record.id, capability: "events.subscribe" });
    },
    executeCommand: (command: string, args: unknown[]) => {
      executeCommand(core, command, args).catch(() => undefined);
    },
    request: (record, runtime, target, name, payload, timeoutMs) =>
      requestFromPlugin(core, record, runtime, target, name, payload, timeoutMs),
  };

  const refuse = (refused: RefusedPlugin, out: RefusedPlugin[]) => {
    out.push(refused);
    core.bus.emit("plugin:refused", {
      pluginId: refused.pluginId,
      code: refused.code,
      reason: refused.reason,
      ...(refused.problems === undefined ? {} : { problems: refused.problems }),
    });
  };

  /** Loads one resolved plugin into `record`; false (and the reason in `refused`) on failure. */
  const loadRecord = async (record: PluginRecord, refused: RefusedPlugin[], origin: string) => {
    try {
      const runtime = await loadPlugin(core, record, services);
      core.runtimes.set(record.id, runtime);
      core.errorsThisLoad.set(record.id, 0);
      record.unloadReason = undefined;
      record.until = undefined;
      core.transition(record, "loaded");
      core.bus.emit("plugin:loaded", { pluginId: record.id, version: record.manifest.version });
      return true;
    } catch (error) {
      const code = error instanceof HostError ? error.code : "COVE_PLUGIN_LOAD_FAILED";
      const reason = error instanceof Error ? error.message : String(error);
      core.transition(record, "failed", code);
      refuse({ pluginId: record.id, code, reason, origin }, refused);
      return false;
    }
  };

  const startup = async (ids: readonly string[]) => {
    for (const id of ids) {
      const record = core.records.get(id);
      if (record?.manifest.activation.includes("onStartup")) {
        await activatePlugin(core, id, "onStartup").catch(() => undefined);
      }
    }
  };

  const load = async (input: PluginSource | readonly PluginSource[]): Promise<LoadReport> => {
    const sources = Array.isArray(input)
      ? (input as readonly PluginSource[])
      : [input as PluginSource];
    const refused: RefusedPlugin[] = [];
    const candidates = [];
    for (const source of sources) {
      const checked = checkSource(source);
      const origin = source.origin ?? "memory";
      if (checked.ok) candidates.push({ manifest: checked.manifest, origin, source });
      else {
        const reason = formatProblems(checked.pluginId, checked.problems);
        refuse(
          {
            pluginId: checked.pluginId,
            code: "COVE_MANIFEST_INVALID",
            reason,
            problems: checked.problems,
            origin,
          },
          refused,
        );
      }
    }
    const loadedVersions = new Map(
      [...core.runtimes.keys()].map((id) => [
        id,
        core.records.get(id)?.manifest.version ?? "0.0.0",
      ]),
    );
    const resolution = resolvePlugins(candidates, version, loadedVersions);
    for (const r of resolution.refused)
      refuse(
        { pluginId: r.pluginId, code: r.code, reason: r.reason, origin: r.candidate.origin },
        refused,
      );

    const loaded: string[] = [];
    for (const candidate of resolution.order) {
      // A dependency that failed to load fails its dependents too.
      const missing = Object.keys(candidate.manifest.dependencies ?? {}).find(
        (id) => !core.runtimes.has(id),
      );
      if (missing !== undefined) {
        refuse(
          {
            pluginId: candidate.manifest.id,
            code: "COVE_DEPENDENCY_MISSING",
            reason: messages.dependencyRefused(missing),
            origin: candidate.origin,
          },
          refused,
        );
        continue;
      }
      const budgets = {
        perEvent: clampBudget(candidate.manifest.budgets?.perEvent, policy.perEvent),
        cumulative: clampBudget(candidate.manifest.budgets?.cumulative, policy.cumulative),
      };
      const existing = core.records.get(candidate.manifest.id);
      const record = existing ?? createPluginRecord(candidate.manifest, candidate.source, budgets);
      if (existing !== undefined) {
        Object.assign(existing, {
          manifest: candidate.manifest,
          source: candidate.source,
          ...budgets,
        });
      } else {
        core.records.set(record.id, record);
      }
      if (await loadRecord(record, refused, candidate.origin)) loaded.push(record.id);
    }
    await startup(loaded);
    return { loaded, refused };
  };

  // Loads run one after another: each resolves against the plugins the previous ones loaded, so
  // two loads of the same id cannot both succeed.
  let previous: Promise<unknown> = Promise.resolve();
  return (input) => {
    const next = core.track(previous.then(() => load(input)));
    previous = next.catch(() => undefined);
    return next;
  };
}
