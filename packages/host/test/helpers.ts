/** Test helpers: in-memory plugins with a valid manifest unless a test breaks it on purpose. */

import type { PluginSource } from "../src/index.js";

export interface PluginSpec {
  readonly version?: string;
  readonly main?: string;
  readonly files?: Record<string, string>;
  readonly engines?: string;
  readonly activation?: readonly string[];
  readonly capabilities?: readonly { name: string; scope?: string[]; reason?: string }[];
  readonly globals?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly commands?: readonly string[];
  readonly budgets?: Record<string, unknown>;
  readonly settings?: Record<string, unknown>;
}

/** An in-memory plugin `id` whose `main.js` is `code`. */
export function plugin(id: string, code: string, spec: PluginSpec = {}): PluginSource {
  const manifest: Record<string, unknown> = {
    manifestVersion: 1,
    id,
    name: id,
    version: spec.version ?? "1.0.0",
    engines: { host: spec.engines ?? "^1.0.0" },
    main: "main.js",
    activation: spec.activation ?? ["onStartup"],
  };
  if (spec.capabilities) {
    manifest.capabilities = spec.capabilities.map((c) => ({ reason: "test", ...c }));
  }
  if (spec.globals) manifest.globals = spec.globals;
  if (spec.dependencies) manifest.dependencies = spec.dependencies;
  if (spec.optionalDependencies) manifest.optionalDependencies = spec.optionalDependencies;
  if (spec.budgets) manifest.budgets = spec.budgets;
  const contributes: Record<string, unknown> = {};
  if (spec.commands) contributes.commands = spec.commands.map((c) => ({ id: c, title: c }));
  if (spec.settings) contributes.settings = spec.settings;
  if (Object.keys(contributes).length > 0) manifest.contributes = contributes;
  return { manifest, files: { "main.js": code, ...spec.files }, origin: `memory:${id}` };
}
