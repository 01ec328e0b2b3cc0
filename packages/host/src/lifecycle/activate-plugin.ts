/**
 * Activation (DESIGN §3.2): on an activation event (`onStartup`, `onCommand:<id>`,
 * `onEvent:<name>`) or on demand, the plugin's exported `activate(context)` runs once, first in
 * its queue. A plugin without `activate` is active as soon as it is asked to be. An activation
 * that throws or exhausts its budget unloads the plugin (`activation-failed`).
 */

import type { SettingContribution } from "@cove/plugin-sdk";
import { HostError, messages } from "../errors.js";
import type { HostCore } from "./host-core.js";
import type { PluginRecord } from "./plugin-record.js";
import type { GuestFunction, PluginRuntime } from "./plugin-runtime.js";

/** What `activate(context)` receives. */
export interface ActivationContext {
  readonly pluginId: string;
  readonly version: string;
  /** Why it was activated: `onStartup`, `onCommand:wordCount.show`, … */
  readonly reason: string;
  /** Each contributed setting's value (its default until the application sets one). */
  readonly settings: Record<string, unknown>;
}

export function activatePlugin(core: HostCore, pluginId: string, reason: string): Promise<void> {
  const record = core.records.get(pluginId);
  const runtime = core.runtimes.get(pluginId);
  if (record === undefined) {
    return Promise.reject(
      new HostError("COVE_PLUGIN_NOT_FOUND", messages.notFound(pluginId), pluginId),
    );
  }
  if (runtime === undefined || !runtime.alive) {
    return Promise.reject(
      new HostError(
        "COVE_PLUGIN_STATE",
        messages.state(pluginId, record.state, "activate it"),
        pluginId,
      ),
    );
  }
  runtime.activation ??= core.track(activate(core, record, runtime, reason));
  return runtime.activation;
}

async function activate(
  core: HostCore,
  record: PluginRecord,
  runtime: PluginRuntime,
  reason: string,
): Promise<void> {
  core.transition(record, "activating", reason);
  const activateFn = runtime.exports.activate;
  if (typeof activateFn === "function") {
    const context: ActivationContext = {
      pluginId: record.id,
      version: record.manifest.version,
      reason,
      settings: settingValues(core, record),
    };
    try {
      await core.enqueue(record, runtime, "activate", activateFn as GuestFunction, [context], {
        droppable: false,
      }).promise;
    } catch (error) {
      core.requestUnload(record, "activation-failed");
      throw error;
    }
  }
  if (!runtime.alive)
    throw new HostError(
      "COVE_PLUGIN_STATE",
      messages.state(record.id, record.state, "activate it"),
      record.id,
    );
  runtime.active = true;
  record.activation = { reason, time: Date.now() };
  core.transition(record, "active", reason);
  core.bus.emit("plugin:activated", { pluginId: record.id, reason });
}

/**
 * The plugin's settings: the application's value for each contributed setting when it passes the
 * setting's schema, else the manifest's default (with a warning in the plugin's log).
 */
function settingValues(core: HostCore, record: PluginRecord): Record<string, unknown> {
  const settings: Record<string, SettingContribution> = record.manifest.contributes?.settings ?? {};
  const chosen = core.options.settings?.(record.id) ?? {};
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings)) {
    values[key] = setting.default;
    if (!Object.hasOwn(chosen, key)) continue;
    const { default: _default, ...schema } = setting;
    let problem: string | undefined;
    try {
      problem = core.options.api.compile(schema, `${record.id} setting ${key}`, key)(chosen[key]);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (problem === undefined) values[key] = chosen[key];
    else core.log(record, "warn", `setting ${problem}; using the default`);
  }
  return values;
}
