/** The shape of a plugin's main module, and `definePlugin`, which types it. */

import type { PluginContext, SettingValues } from "./plugin-context.js";

/**
 * What a plugin's main module exports: `activate` runs once, on the plugin's first activation
 * event, under its per-event budget; `deactivate` runs when it is unloaded (on request, on budget
 * exhaustion, when the host shuts down) under a small grace budget. Both are optional.
 */
export interface PluginDefinition<Settings extends object = SettingValues> {
  activate?(context: PluginContext<Settings>): void | Promise<void>;
  deactivate?(): void | Promise<void>;
}

/**
 * Types a plugin's `activate` and `deactivate`. Identity at run time: it returns its argument,
 * so the bundle stays as small as the plugin. The host calls the module's named exports, so
 * export them by name:
 *
 * ```ts
 * export const { activate, deactivate } = definePlugin({
 *   activate(context) { … },
 * });
 * ```
 */
export function definePlugin<Settings extends object = SettingValues>(
  plugin: PluginDefinition<Settings>,
): PluginDefinition<Settings> {
  return plugin;
}
