/**
 * `cove-plugin test [dir]`: loads the built plugin in a local host (`createTestHost` of the
 * installed `@cove/host`), activates it, optionally sends it events and runs its commands, and
 * prints what it cost: fuel, CPU, allocation, heap, host calls, denied calls, errors, its log.
 */

import { stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildPlugin } from "../build-plugin.js";
import { CliError, messages } from "../cli-error.js";
import { type Command, stringOption, stringsOption } from "../command.js";
import { loadHost, type SmokeCost, type SmokeTestHost } from "../load-host.js";
import { displayPath, readPluginManifest, resolvePluginDir } from "../read-manifest.js";
import { formatBytes, formatCount, type Reporter } from "../reporter.js";
import { mapPositions, readSourceMap } from "../source-map.js";

export const testCommand: Command = {
  name: "test",
  summary: "Run the built plugin in a local host and print what it cost.",
  arguments: "[dir]",
  requiredArguments: 0,
  description:
    'Loads the plugin (its built "main") into a host from @cove/host (a devDependency of your plugin),\n' +
    "activates it, sends the events given with --event and runs the commands given with --command,\n" +
    "then prints its cost (fuel, CPU time, allocation, peak heap, host calls by method, denied calls,\n" +
    "errors) and its log. Exits 1 if it fails to load or activate, or a handler fails. The host has\n" +
    "no application API unless --config names a module whose default export is createTestHost's\n" +
    "options ({ api, events, settings, version, policy }).",
  options: {
    build: { type: "boolean", description: "run cove-plugin build first" },
    event: {
      type: "string",
      value: "name[=json]",
      multiple: true,
      description: "send an event with a JSON payload (default {})",
    },
    command: {
      type: "string",
      value: "id[=json array]",
      multiple: true,
      description: "run a contributed command with JSON arguments (default [])",
    },
    config: { type: "string", value: "file.js", description: "createTestHost options module" },
    "host-version": {
      type: "string",
      value: "version",
      description: "the application version (default: the lowest engines.host accepts)",
    },
    json: { type: "boolean", description: "print the cost as JSON on stdout" },
  },
  examples: [
    "cove-plugin test",
    "cove-plugin test --build --command wordCount.show",
    `cove-plugin test --event 'document.changed={"length":3}' --config test/host-options.js`,
  ],

  async run({ positionals, values, io, report }) {
    const dir = resolvePluginDir(io.cwd, positionals[0]);
    const { manifest } = await readPluginManifest(io.cwd, dir);
    const events = stringsOption(values, "event").map((arg) => splitJson(arg, "--event", {}));
    const commands = stringsOption(values, "command").map((arg) => splitJson(arg, "--command", []));
    for (const command of commands) {
      if (!Array.isArray(command.value)) {
        throw new CliError(
          messages.badJson(`the arguments of --command ${command.name}`, "not an array"),
          {
            exitCode: 2,
          },
        );
      }
    }
    const json = values.json === true;
    const quiet = json ? { ...report, step() {}, done() {}, line() {} } : report;

    if (values.build === true) {
      const built = await buildPlugin(dir, manifest, { cwd: io.cwd });
      quiet.done(`built ${built.output} (${formatBytes(built.bytes)})`);
    }
    const main = path.join(dir, manifest.main);
    if (
      !(await stat(main).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      throw new CliError(messages.notBuilt(manifest.main));
    }

    // The host names positions in the bundle (`dist/main.js:9:30`); show the author's own.
    const mapper = await readSourceMap(main, (file) => displayPath(io.cwd, file));
    const bundleName = manifest.main.replace(/^\.\//, "");
    const source = (text: string) =>
      mapper === undefined ? text : mapPositions(text, bundleName, mapper);

    const options = await readConfig(io.cwd, stringOption(values, "config"));
    const declared = (options.events ?? {}) as Record<string, unknown>;
    for (const { name } of events) declared[name] ??= {};
    const hostVersion = stringOption(values, "host-version");
    const { createTestHost } = await loadHost();
    const t = createTestHost({
      ...options,
      events: declared,
      ...(hostVersion === undefined ? {} : { version: hostVersion }),
    });

    let failed = false;
    try {
      quiet.step(`Testing ${manifest.id} ${manifest.version}`);
      let pluginId: string;
      try {
        pluginId = await t.load(dir);
      } catch (error) {
        throw new CliError(messages.loadFailed(firstLine(error)), {
          details: [...moreLines(error), ...logLines(t, manifest.id)].map(source),
        });
      }
      quiet.done(`loaded ${manifest.main} in a host of version ${t.host.version}`);
      if (t.host.plugin(pluginId)?.state !== "active") {
        try {
          await t.activate(pluginId);
        } catch (error) {
          throw new CliError(messages.loadFailed(`activate() failed: ${firstLine(error)}`), {
            details: logLines(t, pluginId).map(source),
          });
        }
      }
      quiet.done("activated");
      for (const { name, value } of events) {
        const result = await t.emit(name, value);
        if (result.failed.includes(pluginId)) {
          failed = true;
          report.fail(messages.eventFailed(name));
        } else if (result.delivered.includes(pluginId)) quiet.done(`event ${name} handled`);
        else quiet.line(`  event ${name}: the plugin does not handle it`);
      }
      for (const { name, value } of commands) {
        try {
          const result = await t.executeCommand(name, ...(value as unknown[]));
          quiet.done(`command ${name} → ${preview(result)}`);
        } catch (error) {
          failed = true;
          report.fail(messages.commandFailed(name, firstLine(error)));
        }
      }

      const cost = t.cost(pluginId);
      if (json) io.stdout.write(`${JSON.stringify({ pluginId, cost }, null, 2)}\n`);
      else {
        const log = t.log(pluginId).map((line) => ({ level: line.level, text: source(line.text) }));
        printCost(report, cost, log);
      }
    } finally {
      await t.dispose();
    }
    return failed ? 1 : 0;
  },
};

function printCost(
  report: Reporter,
  cost: SmokeCost,
  log: readonly { readonly level: string; readonly text: string }[],
): void {
  const calls = Object.entries(cost.hostCallsByMethod)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([method, count]) => `${method} ${count}`)
    .join(", ");
  const rows: [string, string][] = [
    ["fuel", formatCount(cost.fuel)],
    ["CPU", `${cost.cpuMs.toFixed(1)} ms`],
    ["allocation", formatBytes(cost.allocationBytes)],
    ["peak heap", formatBytes(cost.peakHeapBytes)],
    ["host calls", `${formatCount(cost.hostCalls)}${calls === "" ? "" : `  (${calls})`}`],
    ["denied", formatCount(cost.denied)],
    ["errors", formatCount(cost.errors)],
  ];
  report.line();
  report.line(report.bold("Cost"));
  for (const [label, value] of rows) report.line(`  ${label.padEnd(11)} ${value}`);
  const lines = log.filter((line) => line.level !== "transition");
  if (lines.length > 0) {
    report.line();
    report.line(report.bold("Log"));
    for (const line of lines) report.line(`  ${line.level.padEnd(6)} ${line.text}`);
  }
}

function logLines(t: SmokeTestHost, pluginId: string): string[] {
  try {
    return t
      .log(pluginId)
      .filter((line) => line.level !== "transition")
      .map((line) => `  ${line.level}: ${line.text}`);
  } catch {
    return [];
  }
}

/** `name=json` → `{ name, value }`; a bare name gets `fallback`. */
function splitJson(
  arg: string,
  option: string,
  fallback: unknown,
): { name: string; value: unknown } {
  const at = arg.indexOf("=");
  if (at === -1) return { name: arg, value: fallback };
  const name = arg.slice(0, at);
  try {
    return { name, value: JSON.parse(arg.slice(at + 1)) };
  } catch (error) {
    throw new CliError(
      messages.badJson(`the value of ${option} ${name}`, (error as Error).message),
      {
        exitCode: 2,
      },
    );
  }
}

async function readConfig(cwd: string, file: string | undefined): Promise<Record<string, unknown>> {
  if (file === undefined) return {};
  const url = pathToFileURL(path.resolve(cwd, file)).href;
  let loaded: { default?: unknown };
  try {
    loaded = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new CliError(messages.configInvalid(file, firstLine(error)));
  }
  if (typeof loaded.default !== "object" || loaded.default === null) {
    throw new CliError(messages.configInvalid(file, "it has no default export object"));
  }
  return { ...(loaded.default as Record<string, unknown>) };
}

/** The lines of an error's message after the first (a manifest's problems), indented. */
function moreLines(error: unknown): string[] {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split("\n")
    .slice(1)
    .filter((line) => !line.startsWith("See docs/"))
    .map((line) => `  ${line}`);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}

function preview(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
