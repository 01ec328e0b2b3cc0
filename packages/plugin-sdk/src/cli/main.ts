/**
 * The `cove-plugin` CLI: `init`, `validate`, `build`, `test`. `runCli` takes its arguments and
 * streams as parameters and resolves with the exit code, so tests run it in-process; bin.ts
 * wires it to the process.
 */

import { CliError, messages } from "./cli-error.js";
import { type Command, commandHelp, parseCommandArgs } from "./command.js";
import { buildCommand } from "./commands/build.js";
import { initCommand } from "./commands/init.js";
import { testCommand } from "./commands/test.js";
import { validateCommand } from "./commands/validate.js";
import { type CliIo, createReporter } from "./reporter.js";
import { sdkVersion } from "./sdk-version.js";

export const COMMANDS: readonly Command[] = [
  initCommand,
  validateCommand,
  buildCommand,
  testCommand,
];

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const report = createReporter(io);
  const [first, ...rest] = args;
  try {
    if (first === undefined || first === "--help" || first === "-h") {
      io.stdout.write(mainHelp());
      return first === undefined ? 2 : 0;
    }
    if (first === "--version" || first === "-v") {
      io.stdout.write(`${sdkVersion()}\n`);
      return 0;
    }
    if (first === "help") {
      const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
      io.stdout.write(command === undefined ? mainHelp() : commandHelp(command));
      return 0;
    }
    const command = findCommand(first);
    const { positionals, values } = parseCommandArgs(command, rest);
    if (values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run({ positionals, values, io, report });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    report.fail(error.message, error.details);
    return error.exitCode;
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    throw new CliError(
      messages.unknownCommand(
        name,
        COMMANDS.map((c) => c.name),
      ),
      { exitCode: 2 },
    );
  }
  return command;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.arguments}`.length)) + 2;
  return [
    `cove-plugin ${sdkVersion()}: write, check, build and test Cove plugins`,
    "",
    "Usage: cove-plugin <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${`${c.name} ${c.arguments}`.padEnd(width)}${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show help (cove-plugin <command> --help for a command's options)",
    "  -v, --version  show the version",
    "",
    "Exit codes: 0 success, 1 a problem with the plugin, 2 a mistake in the command line.",
    "Guide: docs/plugin-authors.md in the Cove repository.",
    "",
  ].join("\n");
}
