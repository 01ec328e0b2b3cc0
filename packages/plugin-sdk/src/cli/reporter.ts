/**
 * Everything the CLI prints goes through a `Reporter`: progress to stdout, problems to stderr,
 * colour only on a terminal that wants it (not with `NO_COLOR`, not when piped).
 */

export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

type Paint = (text: string) => string;

export interface Reporter {
  /** A line of output. */
  line(text?: string): void;
  /** A step under way: `• Bundling src/index.ts`. */
  step(text: string): void;
  /** A step that succeeded: `✓ Built dist/main.js`. */
  done(text: string): void;
  /** A warning, on stderr: `! …`. */
  warn(text: string): void;
  /** An error, on stderr: `✗ …`, then each detail line indented. */
  fail(text: string, details?: readonly string[]): void;
  readonly bold: Paint;
  readonly dim: Paint;
}

export function createReporter(io: CliIo): Reporter {
  const color = (stream: { readonly isTTY?: boolean }) =>
    stream.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb";
  const paint =
    (on: boolean, open: number, close: number): Paint =>
    (text) =>
      on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  const out = color(io.stdout);
  const err = color(io.stderr);
  const green = paint(out, 32, 39);
  const cyan = paint(out, 36, 39);
  const red = paint(err, 31, 39);
  const yellow = paint(err, 33, 39);
  return {
    line: (text = "") => io.stdout.write(`${text}\n`),
    step: (text) => io.stdout.write(`${cyan("•")} ${text}\n`),
    done: (text) => io.stdout.write(`${green("✓")} ${text}\n`),
    warn: (text) => io.stderr.write(`${yellow("!")} ${text}\n`),
    fail: (text, details = []) => {
      for (const detail of details) io.stderr.write(`${detail}\n`);
      io.stderr.write(`${red("✗")} ${text}\n`);
    },
    bold: paint(out, 1, 22),
    dim: paint(out, 2, 22),
  };
}

/** `1234` → `1.2 kB`; bytes below 1000 as they are. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
