/**
 * `cove-plugin build`: one ES module at the manifest's `main`, host modules left as imports,
 * Node built-ins refused at the importing line, esbuild's errors with file:line:column.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, manifestText, removeTempProjects, tempProject } from "./helpers.js";

afterEach(removeTempProjects);

describe("cove-plugin build", () => {
  it("bundles local modules into the manifest's main and reports its size", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText({ main: "out/plugin.mjs" }),
      "src/index.ts": [
        'import { storage } from "cove";',
        'import { double } from "./math.js";',
        "export function activate(): void {",
        '  storage.set("n", double(21));',
        "}",
      ].join("\n"),
      "src/math.ts": "export const double = (n: number): number => n * 2;\n",
    });
    const { code, stdout, stderr } = await cli(dir, "build");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("• Building acme.sample 1.0.0");
    expect(stdout).toMatch(
      /✓ src\/index\.ts → out\/plugin\.mjs {2}\d+ B \(\d+ B gzipped\) in \d+ ms/,
    );
    expect(stdout).toContain("src/math.ts");
    const bundle = readFileSync(path.join(dir, "out/plugin.mjs"), "utf8");
    expect(bundle).toContain('from "cove"');
    expect(bundle).not.toContain("./math");
    expect(bundle).toContain("export {\n  activate\n};");
    expect(bundle).not.toContain(": number");
  });

  it("refuses a Node built-in at the line that imports it", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText(),
      "src/index.ts":
        'export const x = 1;\n\nimport { readFileSync } from "node:fs";\nimport path from "path";\nexport { readFileSync, path };\n',
    });
    const { code, stdout, stderr } = await cli(dir, "build");
    expect(code).toBe(1);
    expect(stdout).not.toContain("✓");
    expect(stderr).toContain(
      'src/index.ts:3:30: error: "node:fs" is a Node.js built-in module, and a plugin runs in a sandbox without Node',
    );
    expect(stderr).toContain('src/index.ts:4:18: error: "path" is a Node.js built-in module');
    expect(stderr).toContain('  3 | import { readFileSync } from "node:fs";');
    expect(stderr).toContain("✗ the build failed with 2 errors");
  });

  it("reports syntax errors and unresolved imports with file:line:column", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText(),
      "src/index.ts": 'import { x } from "./missing.js";\nexport function activate( {\n',
    });
    const { code, stderr } = await cli(dir, "build");
    expect(code).toBe(1);
    expect(stderr).toMatch(/src\/index\.ts:\d+:\d+: error: /);
    expect(stderr).toMatch(
      /✗ the build failed with \d+ errors?; fix the code above and build again/,
    );
  });

  it("keeps extra host modules external with --external, and minifies with --minify", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText(),
      "src/main.js":
        'import { rows } from "acme:table";\nexport function activate() { return rows(); }\n',
    });
    const { code } = await cli(dir, "build", "--external", "acme:table", "--minify");
    expect(code).toBe(0);
    const bundle = readFileSync(path.join(dir, "dist/main.js"), "utf8");
    expect(bundle).toContain('from"acme:table"');
  });

  it("checks the manifest first", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText({ main: "src/index.ts" }),
      "src/index.ts": "export {};\n",
    });
    const { code, stderr } = await cli(dir, "build");
    expect(code).toBe(1);
    expect(stderr).toContain("acme.sample: cove-plugin.json:9:3: main:");
    expect(stderr).toContain("✗ cove-plugin.json has 1 problem; fix it and run the command again");
  });

  it("says which entry files it looked for", async () => {
    const dir = tempProject({ "cove-plugin.json": manifestText() });
    const none = await cli(dir, "build");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no entry file in . (looked for src/index.ts, src/index.js");
    const missing = await cli(dir, "build", "--entry", "lib/start.ts");
    expect(missing.stderr).toContain("the entry file lib/start.ts does not exist");
  });
});
