/** Manifests for tests: the smallest valid one, and one using every field. */

export function minimalManifest(): Record<string, unknown> {
  return {
    manifestVersion: 1,
    id: "acme.word-count",
    name: "Word count",
    version: "1.0.0",
    engines: { host: "^1.0.0" },
    main: "dist/main.js",
    activation: ["onStartup"],
  };
}

export function fullManifest(): Record<string, unknown> {
  return {
    $schema: "./node_modules/@cove/plugin-sdk/schema/cove-plugin.schema.json",
    manifestVersion: 1,
    id: "acme.word-count",
    name: "Word count",
    version: "1.2.3-beta.1+build.5",
    description: "Counts the words of the document in the status bar.",
    publisher: "Acme Tools",
    engines: { host: ">=1.2.0 <3" },
    main: "./dist/main.mjs",
    dependencies: { "acme.text-utils": "^2.1.0" },
    optionalDependencies: { "acme.telemetry": "*" },
    activation: ["onStartup", "onCommand:wordCount.show", "onEvent:document.changed"],
    contributes: {
      commands: [{ id: "wordCount.show", title: "Show word count" }],
      settings: {
        "wordCount.includeCode": {
          type: "boolean",
          default: false,
          description: "Count words inside code blocks.",
        },
        "wordCount.maxWords": { type: "integer", minimum: 1, maximum: 100000, default: 5000 },
        "wordCount.mode": { type: "string", enum: ["words", "characters"], default: "words" },
        "wordCount.ignore": {
          type: "array",
          items: { type: "string", minLength: 1 },
          uniqueItems: true,
          default: ["TODO"],
        },
        "wordCount.goal": {
          type: "object",
          properties: { words: { type: "integer" }, label: { type: "string" } },
          required: ["words"],
          additionalProperties: false,
          default: { words: 1000 },
        },
      },
    },
    capabilities: [
      { name: "editor.read", reason: "Reads the document to count its words." },
      { name: "ui.status", reason: "Shows the count in the status bar." },
      {
        name: "events.subscribe",
        scope: ["document.changed", "selection.*"],
        reason: "Recounts when the document changes.",
      },
      {
        name: "net.fetch",
        scope: ["https://api.example.com", "http://localhost:8080"],
        reason: "Fetches the dictionary.",
      },
      { name: "acmeEditor.projects.read", reason: "An application-defined capability." },
    ],
    globals: ["console", "timers", "TextEncoder"],
    budgets: {
      perEvent: { fuel: 1_000_000, cpuMs: 50 },
      cumulative: { fuel: 1_000_000_000, heapBytes: 16_777_216, hostCalls: 100_000, errors: 20 },
    },
    "x-acme-marketplace": { category: "writing" },
  };
}
