/** The built executable: exit codes and streams as a shell sees them (needs `npm run build`). */

import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manifestText, removeTempProjects, sdkDir, tempProject } from "./helpers.js";

const bin = path.join(sdkDir, "dist", "cli", "bin.js");

afterEach(removeTempProjects);

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("dist/cli/bin.js", () => {
  it("is the package's executable", () => {
    const pkg = JSON.parse(readFileSync(path.join(sdkDir, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ "cove-plugin": "./dist/cli/bin.js" });
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it("exits 1 with the problems on stderr for an invalid manifest", () => {
    const dir = tempProject({ "cove-plugin.json": manifestText({ engines: { host: "*" } }) });
    const { code, stdout, stderr } = run(dir, "validate");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^acme\.sample: cove-plugin\.json:7:5: engines\.host: /);
  });

  it("exits 2 for a mistake in the command line, 0 for --help", () => {
    expect(run(sdkDir, "bulid").code).toBe(2);
    expect(run(sdkDir, "build", "--help").code).toBe(0);
  });
});
