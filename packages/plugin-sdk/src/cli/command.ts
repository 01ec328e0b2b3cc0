/** The shape of a `cove-plugin` command, its argument parsing and its `--help` text. */

import { parseArgs } from "node:util";
import { CliError, messages } from "./cli-error.js";
import type { CliIo, Reporter } from "./reporter.js";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's name in help: `--entry <file>`. */
  readonly value?: string;
  readonly description: string;
}

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CommandInput {
  readonly positionals: readonly string[];
  readonly values: OptionValues;
  readonly io: CliIo;
  readonly report: Reporter;
}

export interface Command {
  readonly name: string;
  /** One line, for the command list. */
  readonly summary: string;
  /** `<dir>` or `[dir]`. */
  readonly arguments: string;
  readonly requiredArguments: number;
  /** Paragraphs for `--help`. */
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /** Runs the command; resolves with the exit code, or throws `CliError`. */
  run(input: CommandInput): Promise<number>;
}

const HELP: OptionSpec = { type: "boolean", short: "h", description: "show this help" };

/** Parses `args` for `command`; a mistake in them is a `CliError` with exit code 2. */
export function parseCommandArgs(
  command: Command,
  args: readonly string[],
): { positionals: string[]; values: OptionValues } {
  const options = { ...command.options, help: HELP };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.short === undefined ? {} : { short: spec.short }),
            ...(spec.multiple === true ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(messages.usage(command.name, (error as Error).message), { exitCode: 2 });
  }
  const maxPositionals = command.arguments === "" ? 0 : 1;
  if (parsed.values.help !== true) {
    if (parsed.positionals.length > maxPositionals) {
      const extra = parsed.positionals.slice(maxPositionals).join(" ");
      throw new CliError(messages.usage(command.name, `unexpected argument "${extra}"`), {
        exitCode: 2,
      });
    }
    if (parsed.positionals.length < command.requiredArguments) {
      throw new CliError(messages.usage(command.name, `missing ${command.arguments}`), {
        exitCode: 2,
      });
    }
  }
  return { positionals: parsed.positionals, values: parsed.values as OptionValues };
}

/** The `--help` text of one command. */
export function commandHelp(command: Command): string {
  const options = { ...command.options, help: HELP };
  const rows = Object.entries(options).map(([name, spec]) => {
    const short = spec.short === undefined ? "    " : `-${spec.short}, `;
    const value = spec.type === "string" ? ` <${spec.value ?? "value"}>` : "";
    const repeat = spec.multiple === true ? " (repeatable)" : "";
    return [`${short}--${name}${value}`, `${spec.description}${repeat}`] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: cove-plugin ${command.name}${command.arguments === "" ? "" : ` ${command.arguments}`} [options]`,
    "",
    command.summary,
    "",
    command.description,
    "",
    "Options:",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    ...(command.examples.length > 0
      ? ["", "Examples:", ...command.examples.map((example) => `  ${example}`)]
      : []),
    "",
  ].join("\n");
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function stringsOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
