#!/usr/bin/env node
/** The `cove-plugin` executable. An unexpected error (a bug) prints its stack and exits 70. */

import { runCli } from "./main.js";

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `cove-plugin: unexpected error; please report it with the output below\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
