/** `cove-plugin validate [dir]`: checks cove-plugin.json and lists every problem with its file:line. */

import { stat } from "node:fs/promises";
import path from "node:path";
import { CliError, messages } from "../cli-error.js";
import type { Command } from "../command.js";
import { checkManifest, resolvePluginDir } from "../read-manifest.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "Check cove-plugin.json against the manifest schema, listing every problem.",
  arguments: "[dir]",
  requiredArguments: 0,
  description:
    "Reads <dir>/cove-plugin.json (default: the current directory) and checks it with the same\n" +
    "validation the host runs before loading a plugin. Every problem is printed on its own line as\n" +
    "file:line:column: path: message. Exits 1 when there is any.",
  options: {},
  examples: ["cove-plugin validate", "cove-plugin validate plugins/word-count"],

  async run({ positionals, io, report }) {
    const dir = resolvePluginDir(io.cwd, positionals[0]);
    const check = await checkManifest(io.cwd, dir);
    if (!check.ok) {
      throw new CliError(messages.manifestInvalid(check.manifestFile, check.problems.length), {
        details: check.lines,
      });
    }
    const { manifest, manifestFile } = check.plugin;
    report.done(`${manifestFile}: ${manifest.id} ${manifest.version} is valid`);
    const main = path.join(dir, manifest.main);
    if (
      !(await stat(main).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      report.warn(`${manifest.main} does not exist yet; cove-plugin build writes it`);
    }
    return 0;
  },
};
