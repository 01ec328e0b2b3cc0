/** The SDK's own version, read from its package.json (two levels above `dist/cli/` and `src/cli/`). */

import { readFileSync } from "node:fs";

let version: string | undefined;

export function sdkVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    }
  ).version;
  return version;
}
