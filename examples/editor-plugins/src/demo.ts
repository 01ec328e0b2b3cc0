/**
 * `npm run demo`: the editor example's scripted session, narrated on stdout (colored only on a
 * terminal), ending with the usage report table and the HTML report's path.
 *
 * Usage: node dist/demo.js [--out <dir>]   (default: out/ in the example's directory)
 */

import path from "node:path";
import { runSession } from "./demo/session.js";
import { styleFor } from "./demo/style.js";

const outAt = process.argv.indexOf("--out");
const outDir = outAt === -1 ? undefined : process.argv[outAt + 1];
if (outAt !== -1 && (outDir === undefined || outDir.startsWith("--"))) {
  process.stderr.write("usage: node dist/demo.js [--out <dir>]\n");
  process.exit(2);
}

const style = styleFor(process.stdout);
const print = (line: string) => process.stdout.write(`${line}\n`);

print(style.bold("Cove editor demo: an editor embedding @cove/host, with 10 plugins"));
print(
  style.dim(
    "Seven useful plugins, and three badly behaved ones: a runaway loop, a memory hog and a prober.",
  ),
);

try {
  const result = await runSession({
    print,
    style,
    ...(outDir === undefined ? {} : { outDir: path.resolve(outDir) }),
  });
  print("");
  print(
    style.dim(
      `Session finished in ${(result.ms / 1000).toFixed(1)} s: ${result.loaded.length} plugins loaded, ${Object.values(result.unloaded).filter((r) => r !== "host-disposed").length} unloaded by the host, ${result.audit.length} denied calls audited.`,
    ),
  );
} catch (error) {
  process.stderr.write(
    `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
