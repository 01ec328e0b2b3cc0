/**
 * The plugin manifest (`cove-plugin.json`) schema: the single source of the ajv validator, of
 * the `Manifest` TypeScript type (derived by `FromSchema`, see `types.ts`) and of the published
 * `schema/cove-plugin.schema.json` (written by `scripts/generate-schema.mjs` at build time).
 *
 * Draft-07, because it is the draft editors and ajv's default class support most completely.
 * `patternErrorMessage` is the annotation VS Code shows when a `pattern` fails; the validator
 * uses it too, so editors and `validateManifest` say the same thing.
 */

import { type FromSchema, refine } from "./from-schema.js";
import {
  ACTIVATION_EVENT_PATTERN,
  CAPABILITY_NAME_PATTERN,
  COMMAND_ID_PATTERN,
  EVENT_SCOPE_PATTERN,
  GLOBAL_NAME_PATTERN,
  MODULE_PATH_PATTERN,
  PLUGIN_ID_MAX_LENGTH,
  PLUGIN_ID_PATTERN,
  SETTING_KEY_PATTERN,
} from "./patterns.js";

/** The capabilities Cove itself defines; an application may declare more. */
export const KNOWN_CAPABILITIES = [
  "editor.read",
  "editor.write",
  "ui.status",
  "ui.message",
  "storage",
  "commands",
  "events.subscribe",
  "events.emit",
  "plugins.request",
  "net.fetch",
  "timers",
] as const;

export type KnownCapabilityName = (typeof KNOWN_CAPABILITIES)[number];

/** A capability name: one Cove knows, or one the application defines. */
// `string & {}` keeps the known names as editor completions while accepting any string.
export type CapabilityName = KnownCapabilityName | (string & Record<never, never>);

/** When the host activates a plugin. */
export type ActivationEvent = "onStartup" | `onCommand:${string}` | `onEvent:${string}`;

/** Capabilities whose `scope` is required, and what it lists. */
const SCOPED_BY_EVENT_NAMES = ["events.subscribe", "events.emit"] as const;
const SCOPED_BY_ORIGINS = ["net.fetch"] as const;

const pluginId = {
  type: "string",
  maxLength: PLUGIN_ID_MAX_LENGTH,
  pattern: PLUGIN_ID_PATTERN,
  patternErrorMessage:
    'Use a plugin id of the form publisher.name, such as "acme.word-count": lowercase letters, digits, "-" and "_", in dot-separated segments.',
} as const;

const pluginIdToRange = {
  type: "object",
  propertyNames: pluginId,
  additionalProperties: { type: "string", minLength: 1, maxLength: 256, format: "semver-range" },
} as const;

const positiveInteger = {
  type: "integer",
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
} as const;

/**
 * The JSON-schema keywords a setting may use. Settings are a safe subset of JSON Schema: no
 * `pattern`, `format` or `$ref`, because the host checks values against plugin-supplied schemas
 * and a regular expression from a plugin could stall it.
 */
const settingKeywords = {
  type: {
    enum: ["string", "number", "integer", "boolean", "array", "object"],
    description: "The JSON type of the value.",
  },
  title: { type: "string", maxLength: 200 },
  description: { type: "string", maxLength: 2000 },
  default: { description: "The value used until the user sets one." },
  enum: { type: "array", minItems: 1, maxItems: 1000 },
  minimum: { type: "number" },
  maximum: { type: "number" },
  exclusiveMinimum: { type: "number" },
  exclusiveMaximum: { type: "number" },
  multipleOf: { type: "number", exclusiveMinimum: 0 },
  minLength: { type: "integer", minimum: 0 },
  maxLength: { type: "integer", minimum: 0 },
  items: { $ref: "#/definitions/settingValue" },
  minItems: { type: "integer", minimum: 0 },
  maxItems: { type: "integer", minimum: 0 },
  uniqueItems: { type: "boolean" },
  properties: {
    type: "object",
    additionalProperties: { $ref: "#/definitions/settingValue" },
  },
  required: { type: "array", items: { type: "string" }, uniqueItems: true },
  additionalProperties: { type: "boolean" },
} as const;

const budgetNumbers = {
  fuel: { ...positiveInteger, description: "Interpreter work units (see the interpreter docs)." },
  cpuMs: { ...positiveInteger, description: "CPU time in milliseconds." },
  allocationBytes: { ...positiveInteger, description: "Bytes allocated by guest code." },
  heapBytes: { ...positiveInteger, description: "Peak live guest heap in bytes." },
  hostCalls: { ...positiveInteger, description: "Calls into the host API." },
  errors: { ...positiveInteger, description: "Uncaught errors thrown by the plugin." },
} as const;

/** The manifest's JSON schema (draft-07). Frozen: it is the one every validator shares. */
export const manifestSchema = deepFreeze({
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Cove plugin manifest",
  description:
    "cove-plugin.json: what a Cove plugin is, what it needs from the host and when it runs. See docs/manifest.md in @cove/plugin-sdk.",
  type: "object",
  required: ["manifestVersion", "id", "name", "version", "engines", "main", "activation"],
  additionalProperties: false,
  patternProperties: {
    "^x-": { description: "Extension field: ignored by Cove, kept for tools." },
  },
  properties: {
    $schema: {
      type: "string",
      description: "The JSON schema editors use for this file.",
    },
    manifestVersion: {
      const: 1,
      description: "The manifest format version. Always 1.",
    },
    id: {
      ...pluginId,
      description: "The plugin's unique id, publisher.name: lowercase, dot-separated.",
    },
    name: {
      type: "string",
      minLength: 1,
      maxLength: 100,
      description: "The name people see.",
    },
    version: {
      type: "string",
      maxLength: 256,
      format: "semver",
      description: 'The plugin version, a semver version such as "1.2.3".',
    },
    description: {
      type: "string",
      maxLength: 1000,
      description: "One or two sentences about what the plugin does.",
    },
    publisher: {
      type: "string",
      minLength: 1,
      maxLength: 100,
      description: "Who publishes the plugin, as people should read it.",
    },
    engines: {
      type: "object",
      required: ["host"],
      additionalProperties: false,
      properties: {
        host: {
          type: "string",
          maxLength: 256,
          format: "host-range",
          description:
            'The host versions the plugin works with, a semver range such as "^1.0.0"; "*" is refused.',
        },
      },
    },
    main: {
      type: "string",
      maxLength: 1024,
      pattern: MODULE_PATH_PATTERN,
      patternErrorMessage:
        'Use a relative path with "/" to a .js or .mjs file inside the plugin, such as "dist/main.js": no "..", no leading "/", no segment starting with ".".',
      description: "The plugin's ES module, relative to the manifest.",
    },
    dependencies: {
      ...pluginIdToRange,
      description:
        "Plugins this plugin needs, by id, with the semver range of versions it accepts.",
    },
    optionalDependencies: {
      ...pluginIdToRange,
      description: "Plugins this plugin uses when they are present, by id, with a semver range.",
    },
    activation: {
      type: "array",
      minItems: 1,
      maxItems: 1000,
      uniqueItems: true,
      items: refine<ActivationEvent>()({
        type: "string",
        maxLength: 300,
        pattern: ACTIVATION_EVENT_PATTERN,
        patternErrorMessage: 'Use "onStartup", "onCommand:<command id>" or "onEvent:<event name>".',
        examples: ["onStartup", "onCommand:", "onEvent:"],
      }),
      description: "The events that activate the plugin.",
    },
    contributes: {
      type: "object",
      additionalProperties: false,
      properties: {
        commands: {
          type: "array",
          maxItems: 1000,
          items: { $ref: "#/definitions/command" },
          description: "Commands the plugin adds to the application.",
        },
        settings: {
          type: "object",
          maxProperties: 1000,
          propertyNames: {
            type: "string",
            maxLength: 200,
            pattern: SETTING_KEY_PATTERN,
            patternErrorMessage:
              'Use dot-separated segments starting with a letter, such as "wordCount.includeCode".',
          },
          additionalProperties: { $ref: "#/definitions/setting" },
          description: "Settings the plugin reads, each a JSON schema with a default.",
        },
      },
    },
    capabilities: {
      type: "array",
      maxItems: 1000,
      items: { $ref: "#/definitions/capability" },
      description: "The host capabilities the plugin asks for, each with a reason.",
    },
    globals: {
      type: "array",
      maxItems: 1000,
      uniqueItems: true,
      items: {
        type: "string",
        maxLength: 100,
        pattern: GLOBAL_NAME_PATTERN,
        patternErrorMessage:
          'Use the name of a global from the host\'s catalogue, such as "console".',
        examples: ["console", "timers", "TextEncoder", "TextDecoder", "URL", "structuredClone"],
      },
      description: "Globals from the host's catalogue to install in the plugin's sandbox.",
    },
    budgets: {
      type: "object",
      additionalProperties: false,
      properties: {
        perEvent: {
          $ref: "#/definitions/budget",
          description: "Limits for one event delivery or command run.",
        },
        cumulative: {
          $ref: "#/definitions/budget",
          description: "Limits over the plugin's life; exhausting one unloads the plugin.",
        },
      },
      description: "Budgets the plugin asks for; the host's policy clamps them.",
    },
  },
  definitions: {
    command: {
      type: "object",
      required: ["id", "title"],
      additionalProperties: false,
      properties: {
        id: {
          type: "string",
          maxLength: 200,
          pattern: COMMAND_ID_PATTERN,
          patternErrorMessage: 'Use dot-separated segments, such as "wordCount.show".',
        },
        title: { type: "string", minLength: 1, maxLength: 200 },
      },
    },
    setting: {
      type: "object",
      required: ["type", "default"],
      additionalProperties: false,
      properties: settingKeywords,
    },
    settingValue: {
      type: "object",
      required: ["type"],
      additionalProperties: false,
      properties: settingKeywords,
    },
    capability: {
      type: "object",
      required: ["name", "reason"],
      additionalProperties: false,
      properties: {
        name: refine<CapabilityName>()({
          type: "string",
          maxLength: 100,
          pattern: CAPABILITY_NAME_PATTERN,
          patternErrorMessage:
            'Use a capability name such as "editor.read": dot-separated segments starting with a lowercase letter.',
          examples: [...KNOWN_CAPABILITIES],
        }),
        scope: {
          type: "array",
          minItems: 1,
          maxItems: 1000,
          uniqueItems: true,
          items: { type: "string", minLength: 1, maxLength: 500 },
          description:
            "What the capability is limited to: event names for events.*, origins for net.fetch.",
        },
        reason: {
          type: "string",
          minLength: 1,
          maxLength: 1000,
          description: "Why the plugin needs it, shown to the people who grant it.",
        },
      },
      allOf: [
        {
          if: { required: ["name"], properties: { name: { enum: [...SCOPED_BY_EVENT_NAMES] } } },
          // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword; never awaited.
          then: {
            required: ["scope"],
            properties: {
              scope: {
                type: "array",
                items: {
                  type: "string",
                  pattern: EVENT_SCOPE_PATTERN,
                  patternErrorMessage:
                    'Use an event name such as "document.changed", or a prefix such as "document.*".',
                },
              },
            },
          },
        },
        {
          if: { required: ["name"], properties: { name: { enum: [...SCOPED_BY_ORIGINS] } } },
          // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword; never awaited.
          then: {
            required: ["scope"],
            properties: { scope: { type: "array", items: { type: "string", format: "origin" } } },
          },
        },
      ],
    },
    budget: {
      type: "object",
      additionalProperties: false,
      properties: budgetNumbers,
    },
  },
} as const);

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The type of a value the manifest schema accepts. */
export type ManifestFromSchema = FromSchema<typeof manifestSchema, Definitions>;
type Definitions = (typeof manifestSchema)["definitions"];
export type DefinitionFromSchema<K extends keyof Definitions> = FromSchema<
  Definitions[K],
  Definitions
>;
