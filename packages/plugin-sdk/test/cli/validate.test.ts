/** `cove-plugin validate`: every problem listed with file:line:column, exit code 1. */

import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, manifestText, removeTempProjects, tempProject } from "./helpers.js";

afterEach(removeTempProjects);

describe("cove-plugin validate", () => {
  it("accepts a valid manifest and notes that main is not built yet", async () => {
    const dir = tempProject({ "cove-plugin.json": manifestText() });
    const { code, stdout, stderr } = await cli(dir, "validate");
    expect(code).toBe(0);
    expect(stdout).toContain("✓ cove-plugin.json: acme.sample 1.0.0 is valid");
    expect(stderr).toContain("dist/main.js does not exist yet; cove-plugin build writes it");
  });

  it("lists every problem with its file, line and column, and exits 1", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText({
        version: "1.0",
        engines: { host: "*" },
        activation: ["onBoot"],
        capabilities: [{ name: "net.fetch", reason: "x" }],
      }),
    });
    const { code, stdout, stderr } = await cli(dir, "validate");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines.at(-1)).toBe(
      "✗ cove-plugin.json has 4 problems; fix them and run the command again",
    );
    const problems = lines.slice(0, -1);
    expect(problems).toHaveLength(4);
    for (const line of problems) expect(line).toMatch(/^acme\.sample: cove-plugin\.json:\d+:\d+: /);
    expect(problems[0]).toBe(
      'acme.sample: cove-plugin.json:5:3: version: "1.0" is not a valid semver version (such as "1.2.3")',
    );
    expect(problems[1]).toMatch(/^acme\.sample: cove-plugin\.json:7:5: engines\.host: must be/);
    expect(problems[2]).toContain('cove-plugin.json:11:5: activation[0]: "onBoot" is not valid');
    expect(problems[3]).toContain("cove-plugin.json:14:5: capabilities[0].scope: is required");
  });

  it("reports a JSON syntax error where it is", async () => {
    const dir = tempProject({ "cove-plugin.json": '{\n  "id": "acme.x",\n}\n' });
    const { code, stderr } = await cli(dir, "validate");
    expect(code).toBe(1);
    expect(stderr).toContain("acme.x: cove-plugin.json:3:1:");
    expect(stderr).toContain("trailing commas are not allowed in JSON");
  });

  it("takes a directory or the manifest's path, and shows paths from the working directory", async () => {
    const root = tempProject({ "plugins/one/cove-plugin.json": manifestText({ version: "x" }) });
    const byDir = await cli(root, "validate", "plugins/one");
    expect(byDir.code).toBe(1);
    expect(byDir.stderr).toContain(
      `acme.sample: ${path.join("plugins", "one", "cove-plugin.json")}:5:`,
    );
    const byFile = await cli(root, "validate", "plugins/one/cove-plugin.json");
    expect(byFile.stderr).toBe(byDir.stderr);
  });

  it("says what to do when there is no manifest", async () => {
    const { code, stderr } = await cli(tempProject(), "validate");
    expect(code).toBe(1);
    expect(stderr).toContain("cove-plugin.json does not exist");
    expect(stderr).toContain("cove-plugin init <dir>");
  });
});
