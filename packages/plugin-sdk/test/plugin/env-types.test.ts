/**
 * `@cove/plugin-sdk/env` and `Register`, as a plugin project uses them: test/fixtures/api-plugin
 * registers an application's API and events, augments the "cove" module, and uses the `cove`
 * global and `console`; its `@ts-expect-error` lines pin what must not type-check.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("../fixtures/api-plugin", import.meta.url));

function diagnostics(project: string): string[] {
  const configFile = path.join(project, "tsconfig.json");
  const config = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, project);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file === undefined || d.start === undefined
        ? ""
        : `${path.relative(project, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("@cove/plugin-sdk/env", () => {
  it("types a plugin of a registered application", { timeout: 30_000 }, () => {
    expect(diagnostics(fixture)).toEqual([]);
  });
});
