/** `cove-plugin build [dir]`: bundles the plugin into the one ES module its manifest's `main` names. */

import { buildPlugin, HOST_MODULES } from "../build-plugin.js";
import { type Command, stringOption, stringsOption } from "../command.js";
import { readPluginManifest, resolvePluginDir } from "../read-manifest.js";
import { formatBytes } from "../reporter.js";

export const buildCommand: Command = {
  name: "build",
  summary: "Bundle the plugin's TypeScript into one ES module, the manifest's main.",
  arguments: "[dir]",
  requiredArguments: 0,
  description:
    "Validates cove-plugin.json, then bundles src/index.ts (or --entry) with esbuild into the file\n" +
    `its "main" names: one ES2022 module with every import bundled in except the modules the\n` +
    `host provides (${HOST_MODULES.map((m) => `"${m}"`).join(", ")}). Node built-in modules are refused at the line that\n` +
    "imports them. TypeScript is stripped, not type-checked: run tsc --noEmit for that. Prints the\n" +
    "bundle's size and what takes the most room in it.",
  options: {
    entry: { type: "string", value: "file", description: "the entry file (default: src/index.ts)" },
    external: {
      type: "string",
      value: "module",
      multiple: true,
      description: "leave an import to the host (one your application provides)",
    },
    minify: { type: "boolean", description: "minify the bundle" },
  },
  examples: ["cove-plugin build", "cove-plugin build plugins/word-count --minify"],

  async run({ positionals, values, io, report }) {
    const dir = resolvePluginDir(io.cwd, positionals[0]);
    const plugin = await readPluginManifest(io.cwd, dir);
    report.step(`Building ${plugin.manifest.id} ${plugin.manifest.version}`);
    const entry = stringOption(values, "entry");
    const result = await buildPlugin(dir, plugin.manifest, {
      cwd: io.cwd,
      ...(entry === undefined ? {} : { entry }),
      externals: stringsOption(values, "external"),
      minify: values.minify === true,
    });
    for (const warning of result.warnings) report.warn(warning);
    report.done(
      `${result.entry} → ${result.output}  ${report.bold(formatBytes(result.bytes))} (${formatBytes(result.gzipBytes)} gzipped) in ${Math.round(result.ms)} ms`,
    );
    for (const input of result.inputs.slice(0, 5)) {
      report.line(report.dim(`    ${formatBytes(input.bytes).padStart(8)}  ${input.path}`));
    }
    if (result.inputs.length > 5) {
      report.line(report.dim(`    … and ${result.inputs.length - 5} more inputs`));
    }
    return 0;
  },
};
