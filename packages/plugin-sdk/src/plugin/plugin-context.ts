/**
 * What `activate(context)` receives. Mirrors `ActivationContext` of `@cove/host`
 * (packages/host/src/lifecycle/activate-plugin.ts): the plugin's identity, why it was activated
 * and its settings. The API itself is not on the context: it is the `cove` global and the `"cove"`
 * module (see `CoveApi`).
 */

import type { ActivationEvent } from "../manifest/schema.js";
import type { JsonValue } from "./json.js";

/**
 * Why the plugin was activated: one of its manifest's activation events, `request` (the
 * application called `host.activate`), or `request:<name>` (the application's `host.request`
 * reached it first). An application may pass a reason of its own to `host.activate`.
 */
export type ActivationReason =
  | ActivationEvent
  | "request"
  | `request:${string}`
  // `string & {}` keeps the known reasons as completions while accepting an application's own.
  | (string & Record<never, never>);

/** Setting values by key, as the host passes them when nothing more precise is known. */
export type SettingValues = { readonly [key: string]: JsonValue };

/** The context of one activation. */
export interface PluginContext<Settings extends object = SettingValues> {
  /** The plugin's id, from its manifest (`acme.word-count`). */
  readonly pluginId: string;
  /** The plugin's version, from its manifest. */
  readonly version: string;
  readonly reason: ActivationReason;
  /**
   * Each setting the manifest contributes (`contributes.settings`), by key: the application's
   * value when it passes the setting's schema, else the setting's `default`.
   */
  readonly settings: Readonly<Settings>;
}

/**
 * The settings type of a manifest's `contributes.settings`, for `definePlugin<SettingsOf<…>>`:
 * each key with the type of its `default`. With `resolveJsonModule`,
 * `SettingsOf<typeof import("../cove-plugin.json", { with: { type: "json" } })>`.
 */
export type SettingsOf<M> = M extends { readonly contributes?: infer C }
  ? NonNullable<C> extends { readonly settings?: infer S }
    ? { readonly [K in keyof NonNullable<S>]: DefaultOf<NonNullable<S>[K]> }
    : Record<never, never>
  : SettingValues;

type DefaultOf<Setting> = Setting extends { readonly default: infer D } ? D : JsonValue;
