/** docs/plugin-api.md and docs/plugin-authors.md against the CLI they describe. */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.js";

const reference = readFileSync(new URL("../../../../docs/plugin-api.md", import.meta.url), "utf8");
const guide = readFileSync(new URL("../../../../docs/plugin-authors.md", import.meta.url), "utf8");

describe("the CLI reference", () => {
  it.each(COMMANDS.map((command) => command.name))("documents every option of %s", (name) => {
    const command = COMMANDS.find((c) => c.name === name);
    const row = reference.split("\n").find((line) => line.startsWith(`| \`${name} `));
    expect(row, `a table row for ${name}`).toBeDefined();
    for (const option of Object.keys(command?.options ?? {})) {
      expect(row, `--${option} of ${name}`).toContain(`--${option}`);
    }
    const documented = [...(row ?? "").matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]);
    for (const option of documented) expect(Object.keys(command?.options ?? {})).toContain(option);
  });

  it("uses only options that exist in the guide's commands", () => {
    for (const match of guide.matchAll(/cove-plugin (init|validate|build|test)\b([^\n`]*)/g)) {
      const command = COMMANDS.find((c) => c.name === match[1]);
      for (const option of (match[2] ?? "").matchAll(/--([a-z][a-z-]*)/g)) {
        expect(Object.keys(command?.options ?? {}), match[0]).toContain(option[1]);
      }
    }
  });
});
