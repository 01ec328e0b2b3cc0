/**
 * The manifest types, all derived from `manifestSchema`: change the schema and these follow.
 * `test/manifest/types.test-d.ts` pins their shape, so a schema edit that changes a type is a
 * visible, reviewed change.
 */

import type { DefinitionFromSchema, ManifestFromSchema } from "./schema.js";

export type { ActivationEvent, CapabilityName, KnownCapabilityName } from "./schema.js";

/** A parsed and validated `cove-plugin.json`. See docs/manifest.md. */
export type Manifest = ManifestFromSchema;

/** A host capability the plugin asks for: `{ name, scope?, reason }`. */
export type Capability = DefinitionFromSchema<"capability">;

/** Limits for one event (`perEvent`) or for the plugin's life (`cumulative`). */
export type Budget = DefinitionFromSchema<"budget">;

/** The plugin's requested budgets; the host's policy clamps each. */
export type Budgets = NonNullable<Manifest["budgets"]>;

/** A command the plugin adds to the application. */
export type CommandContribution = DefinitionFromSchema<"command">;

/** A setting the plugin reads: a JSON schema (safe subset) with a `default`. */
export type SettingContribution = DefinitionFromSchema<"setting">;

/** The schema of a value nested in a setting (`items`, `properties`); `default` is optional. */
export type SettingValueSchema = DefinitionFromSchema<"settingValue">;
