/**
 * @cove/plugin-sdk: what a Cove plugin author and a Cove host share — the manifest
 * (`cove-plugin.json`): its schema, its types and its validation.
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
