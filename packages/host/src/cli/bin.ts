#!/usr/bin/env node
/** The `cove-host` executable (package.json#bin). */

import { main } from "./report-command.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
