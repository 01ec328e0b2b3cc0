/**
 * `cove-host report <usage.json> [--format table|json|html] [--out <file>]`: prints a usage
 * report saved from `host.usage()` (as JSON) as a terminal table (default), JSON, or a
 * self-contained HTML page.
 */

import { readFile, writeFile } from "node:fs/promises";
import { HostError } from "../errors.js";
import { parseUsageReport, renderUsageJson } from "../usage/parse-usage-report.js";
import { renderUsageHtml } from "../usage/render-usage-html.js";
import { renderUsageTable } from "../usage/render-usage-table.js";

const USAGE = `Usage: cove-host report <usage.json> [--format table|json|html] [--out <file>]

Prints a Cove usage report saved with JSON.stringify(host.usage()).
  --format   table (default), json or html (a self-contained page with charts)
  --out      write to a file instead of standard output`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 1 : 0;
  }
  if (command !== "report") {
    process.stderr.write(`cove-host: unknown command "${command}"\n${USAGE}\n`);
    return 1;
  }
  let file: string | undefined;
  let format = "table";
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--format") format = rest[++i] ?? "";
    else if (arg === "--out") out = rest[++i];
    else if (arg !== undefined && !arg.startsWith("-") && file === undefined) file = arg;
    else {
      process.stderr.write(`cove-host: unexpected argument "${arg}"\n${USAGE}\n`);
      return 1;
    }
  }
  if (file === undefined || !["table", "json", "html"].includes(format)) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  try {
    const report = parseUsageReport(await readFile(file, "utf8"), file);
    const text =
      format === "json"
        ? renderUsageJson(report)
        : format === "html"
          ? renderUsageHtml(report)
          : renderUsageTable(report);
    if (out === undefined) process.stdout.write(text);
    else await writeFile(out, text);
    return 0;
  } catch (error) {
    const message =
      error instanceof HostError ? error.message : `cove-host: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    return 1;
  }
}
