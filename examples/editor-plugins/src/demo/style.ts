/** Terminal styling for the demo: ANSI colors only when the output is a terminal. */

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

const COLORS: Style = {
  enabled: true,
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  magenta: wrap(35, 39),
};

const plain = (text: string) => text;

const PLAIN: Style = {
  enabled: false,
  bold: plain,
  dim: plain,
  red: plain,
  green: plain,
  yellow: plain,
  cyan: plain,
  magenta: plain,
};

/**
 * Colors when `stream` is a terminal, unless `NO_COLOR` is set; `FORCE_COLOR` (other than `0`)
 * turns them on anyway.
 */
export function styleFor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Style {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force === "0" ? PLAIN : COLORS;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return PLAIN;
  return stream.isTTY === true ? COLORS : PLAIN;
}

export function createStyle(enabled: boolean): Style {
  return enabled ? COLORS : PLAIN;
}

/** Removes ANSI escapes (for measuring or for tests). */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point.
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
