/** `--help` everywhere, the version, and mistakes in the command line (exit code 2). */

import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.js";
import { cli, removeTempProjects, tempProject } from "./helpers.js";

afterEach(removeTempProjects);

describe("cove-plugin help", () => {
  it("lists every command", async () => {
    const { code, stdout } = await cli("/", "--help");
    expect(code).toBe(0);
    for (const name of ["init <dir>", "validate [dir]", "build [dir]", "test [dir]"]) {
      expect(stdout).toContain(name);
    }
    expect(stdout).toContain("Exit codes: 0 success, 1 a problem with the plugin, 2 a mistake");
  });

  it.each(COMMANDS.map((command) => command.name))("shows %s --help and help %s", async (name) => {
    const viaOption = await cli("/", name, "--help");
    expect(viaOption.code).toBe(0);
    expect(viaOption.stdout).toMatch(new RegExp(`^Usage: cove-plugin ${name}`));
    expect(viaOption.stdout).toContain("-h, --help");
    expect((await cli("/", "help", name)).stdout).toBe(viaOption.stdout);
    expect((await cli("/", name, "-h")).stdout).toBe(viaOption.stdout);
  });

  it("prints the SDK's version", async () => {
    const { code, stdout } = await cli("/", "--version");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("command-line mistakes exit with code 2", () => {
  it("names an unknown command and the known ones", async () => {
    const { code, stderr } = await cli("/", "biuld");
    expect(code).toBe(2);
    expect(stderr).toContain(
      'unknown command "biuld"; the commands are init, validate, build, test',
    );
  });

  it("shows the help without a command", async () => {
    const { code, stdout } = await cli("/");
    expect(code).toBe(2);
    expect(stdout).toContain("Usage: cove-plugin <command>");
  });

  it("names an unknown option and points to --help", async () => {
    const { code, stderr } = await cli(tempProject(), "build", "--minfy");
    expect(code).toBe(2);
    expect(stderr).toContain("--minfy");
    expect(stderr).toContain("cove-plugin build --help shows the options");
  });

  it("asks for a missing argument and refuses extra ones", async () => {
    const missing = await cli(tempProject(), "init");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing <dir>");
    const extra = await cli(tempProject(), "validate", "a", "b");
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "b"');
  });
});
