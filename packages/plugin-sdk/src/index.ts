/**
 * @cove/plugin-sdk: what a Cove plugin author and a Cove host share — the manifest
 * (`cove-plugin.json`): its schema, its types and its validation — and the plugin side: the types
 * of `activate(context)`, of the API object a plugin sees, and `definePlugin`. Everything here runs
 * in Node and in a browser; the `cove-plugin` CLI (src/cli/) is Node-only and is not exported.
 */

export { ManifestInvalidError } from "./errors.js";
export { MANIFEST_FILE, parseManifest } from "./manifest/parse-manifest.js";
export { isValidPluginId, PLUGIN_ID_PATTERN } from "./manifest/patterns.js";
export { formatProblems, type ManifestProblem } from "./manifest/problems.js";
export { KNOWN_CAPABILITIES, manifestSchema } from "./manifest/schema.js";
export type {
  ActivationEvent,
  Budget,
  Budgets,
  Capability,
  CapabilityName,
  CommandContribution,
  KnownCapabilityName,
  Manifest,
  SettingContribution,
  SettingValueSchema,
} from "./manifest/types.js";
export {
  type ManifestValidation,
  type ValidateManifestOptions,
  validateManifest,
} from "./manifest/validate-manifest.js";
export { definePlugin, type PluginDefinition } from "./plugin/define-plugin.js";
export type {
  PluginApiFromDeclaration,
  PluginEventsFromDeclaration,
} from "./plugin/from-declaration.js";
export type { JsonPrimitive, JsonValue } from "./plugin/json.js";
export type {
  ApiMethod,
  ApiNamespace,
  ApiShape,
  BuiltinApi,
  CoveApi,
  EventHandler,
  EventMap,
  PluginCommands,
  PluginEvents,
  PluginPlugins,
  PluginRequestOptions,
  PluginRequests,
  PluginStorage,
  RequestSender,
} from "./plugin/plugin-api.js";
export type {
  ActivationReason,
  PluginContext,
  SettingsOf,
  SettingValues,
} from "./plugin/plugin-context.js";
export type {
  Register,
  RegisteredApi,
  RegisteredCoveApi,
  RegisteredEvents,
} from "./plugin/register.js";
