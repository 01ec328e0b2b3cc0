/** `cove-plugin init <dir>`: scaffolds a plugin that builds, validates and passes its own test. */

import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { isValidPluginId } from "../../manifest/patterns.js";
import { validateManifest } from "../../manifest/validate-manifest.js";
import { CliError, messages } from "../cli-error.js";
import { type Command, stringOption } from "../command.js";
import { displayPath } from "../read-manifest.js";
import { pluginFiles } from "../scaffold/plugin-files.js";
import { sdkVersion } from "../sdk-version.js";

export const initCommand: Command = {
  name: "init",
  summary: "Create a new plugin: manifest, TypeScript source, a test, package.json, tsconfig.",
  arguments: "<dir>",
  requiredArguments: 1,
  description:
    "Writes a small working plugin into <dir> (created if needed): cove-plugin.json with $schema for\n" +
    "editor completion, src/index.ts using definePlugin, test/plugin.test.ts using createTestHost,\n" +
    "package.json with build/test scripts, and tsconfig.json. Refuses a directory that is not empty\n" +
    "unless --force is given; it never overwrites a file that exists.",
  options: {
    id: {
      type: "string",
      value: "publisher.name",
      description: 'the plugin id (default: "local.<dir name>")',
    },
    name: {
      type: "string",
      value: "name",
      description: "the name people see (default: from <dir>)",
    },
    force: { type: "boolean", description: "write into a directory that is not empty" },
  },
  examples: ["cove-plugin init word-count", "cove-plugin init plugins/todo --id acme.todo-finder"],

  async run({ positionals, values, io, report }) {
    const dir = path.resolve(io.cwd, positionals[0] as string);
    const base = slug(path.basename(dir)) || "plugin";
    const id = stringOption(values, "id") ?? `local.${base}`;
    if (!isValidPluginId(id)) throw new CliError(messages.badId(id), { exitCode: 2 });
    const name = stringOption(values, "name") ?? titleOf(base);
    const shown = displayPath(io.cwd, dir);

    const existing = await readdir(dir).catch(() => [] as string[]);
    if (existing.length > 0 && values.force !== true) throw new CliError(messages.notEmpty(shown));

    const files = pluginFiles({
      id,
      name,
      packageName: id.split(".").at(-1) as string,
      prefix: prefixOf(id),
      sdkVersion: sdkVersion(),
    });
    const check = validateManifest(JSON.parse(files["cove-plugin.json"] as string));
    if (!check.ok) {
      // The names above are checked, so this is a bug in the scaffold, not the user's mistake.
      throw new Error(
        `cove-plugin init made an invalid manifest: ${JSON.stringify(check.problems)}`,
      );
    }

    report.step(`Creating ${id} in ${shown}`);
    for (const [file, text] of Object.entries(files)) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await writeFile(target, text, { flag: "wx" });
        report.line(`  create ${file}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        report.warn(`${displayPath(io.cwd, target)} exists; left as it is`);
      }
    }
    report.done(`Created ${id}`);
    report.line();
    report.line("Next:");
    if (shown !== ".") report.line(`  cd ${shown}`);
    report.line("  npm install");
    report.line("  npm test             build the plugin and run its tests");
    report.line("  npx cove-plugin test  run it in a local host and see what it costs");
    return 0;
  },
};

/** `My Plugin!` → `my-plugin`: what a plugin id segment and an npm name may hold. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
}

/** `word-count` → `Word count`. */
function titleOf(base: string): string {
  const words = base.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The last segment of the id in camel case, starting with a letter: `word-count` → `wordCount`. */
function prefixOf(id: string): string {
  const last = id.split(".").at(-1) as string;
  const camel = last.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return /^[a-z]/.test(camel) ? camel : `plugin${camel}`;
}
