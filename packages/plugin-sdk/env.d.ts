/**
 * The environment a Cove plugin's code runs in, for TypeScript: the `cove` global, the `"cove"`
 * module and the host-catalogue globals (`console`, timers) a manifest may ask for.
 *
 * Use it in the plugin's tsconfig.json with `"types": ["@cove/plugin-sdk/env"]` and
 * `"lib": ["ES2022"]` (no DOM, no Node: a plugin's sandbox has neither). The API is typed by the
 * application registered on `Register` (see docs/plugin-api.md).
 *
 * A script, not a module (no top-level import or export), so that its declarations are global
 * and `declare module "cove"` declares the module rather than augmenting one.
 */

/** The plugin's API object: the application's namespaces and the host's own. */
declare const cove: import("@cove/plugin-sdk").RegisteredCoveApi;

/** Catalogue global `console` (manifest `"globals": ["console"]`): writes to the plugin's log. */
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};

/** Catalogue global `timers`: callbacks run in the plugin's queue under its per-event budget. */
declare function setTimeout<Args extends unknown[]>(
  callback: (...args: Args) => void,
  ms?: number,
  ...args: Args
): number;
declare function setInterval<Args extends unknown[]>(
  callback: (...args: Args) => void,
  ms?: number,
  ...args: Args
): number;
declare function clearTimeout(id: number | undefined): void;
declare function clearInterval(id: number | undefined): void;

/**
 * The same API object as a module. The application's own namespaces are added by augmenting this
 * module (`declare module "cove" { export const editor: RegisteredApi["editor"]; }`); the global
 * `cove` needs no augmentation.
 */
declare module "cove" {
  import type {
    PluginCommands,
    PluginEvents,
    PluginRequests,
    PluginStorage,
    RegisteredEvents,
  } from "@cove/plugin-sdk";

  export const storage: PluginStorage;
  export const events: PluginEvents<RegisteredEvents>;
  export const commands: PluginCommands;
  export const requests: PluginRequests;
}
