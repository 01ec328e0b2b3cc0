/**
 * `cove-plugin test`: the plugin run in the installed @cove/host (through load-host.ts's dynamic
 * import), its cost printed, failures with exit code 1.
 */

import { afterEach, describe, expect, it } from "vitest";
import { cli, manifestText, removeTempProjects, tempProject } from "./helpers.js";

afterEach(removeTempProjects);

const counter = {
  "cove-plugin.json": manifestText({
    activation: ["onEvent:document.changed"],
    contributes: {
      commands: [
        { id: "sample.count", title: "Count" },
        { id: "sample.fail", title: "Fail" },
      ],
    },
    capabilities: [
      { name: "events.subscribe", scope: ["document.*"], reason: "Counts changes." },
      { name: "editor.read", reason: "Reads the text." },
    ],
    globals: ["console"],
  }),
  "src/index.ts": `import { commands, events } from "cove";
declare const cove: { editor?: { getText(): string } };
let changes = 0;
export function activate(context: { reason: string }): void {
  console.log("activated by " + context.reason);
  events.on("document.changed", (payload: { length: number }) => {
    changes += payload.length;
  });
  commands.register("sample.count", (extra = 0) => changes + extra);
  commands.register("sample.fail", () => {
    throw new RangeError("no such thing");
  });
}
`,
  "host-options.js": `export default {
  version: "1.5.0",
  api: { editor: { getText: { capability: "editor.read", handler: () => "some text" } } },
};
`,
};

describe("cove-plugin test", () => {
  it("asks for a build first, or builds with --build", async () => {
    const dir = tempProject(counter);
    const unbuilt = await cli(dir, "test");
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toContain(
      `✗ dist/main.js (the manifest's "main") does not exist; run cove-plugin build first, or cove-plugin test --build`,
    );
    const built = await cli(dir, "test", "--build");
    expect(built.code).toBe(0);
    expect(built.stdout).toContain("✓ built dist/main.js");
    expect(built.stdout).toContain("✓ activated");
    expect(built.stdout).toContain("activated by request");
  });

  it("sends events, runs commands and prints the cost", async () => {
    const dir = tempProject(counter);
    const { code, stdout, stderr } = await cli(
      dir,
      "test",
      "--build",
      "--event",
      'document.changed={"length":3}',
      "--event",
      'document.changed={"length":4}',
      "--command",
      "sample.count=[10]",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("✓ event document.changed handled");
    expect(stdout).toContain("✓ command sample.count → 17");
    expect(stdout).toMatch(/host calls {2}3 {2}\(commands\.register 2, events\.on 1\)/);
    expect(stdout).toContain("activated by request");
  });

  it("uses the application's options from --config", async () => {
    const dir = tempProject(counter);
    const { code, stdout } = await cli(dir, "test", "--build", "--config", "host-options.js");
    expect(code).toBe(0);
    expect(stdout).toContain("in a host of version 1.5.0");
  });

  it("prints the cost as JSON with --json", async () => {
    const dir = tempProject(counter);
    const { code, stdout } = await cli(dir, "test", "--build", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.pluginId).toBe("acme.sample");
    expect(report.cost).toMatchObject({ hostCalls: 3, denied: 0, errors: 0 });
    expect(report.cost.fuel).toBeGreaterThan(0);
  });

  it("exits 1 when a command fails, naming it and the error", async () => {
    const dir = tempProject(counter);
    const { code, stdout, stderr } = await cli(dir, "test", "--build", "--command", "sample.fail");
    expect(code).toBe(1);
    expect(stderr).toContain("✗ the command sample.fail failed: ");
    expect(stderr).toContain("no such thing");
    // The guest stack in the log, mapped from the bundle back to the author's source.
    expect(stdout).toMatch(/ {4}at src\/index\.ts:11:\d+/);
    expect(stdout).not.toContain("dist/main.js:");
  });

  it("exits 1 when activate() throws, with the plugin's log", async () => {
    const dir = tempProject({
      ...counter,
      "src/index.ts": 'export function activate() {\n  throw new TypeError("not today");\n}\n',
    });
    const { code, stderr } = await cli(dir, "test", "--build");
    expect(code).toBe(1);
    expect(stderr).toContain("✗ the plugin did not load: activate() failed: ");
    expect(stderr).toContain("not today");
  });

  it("exits 2 for an --event payload that is not JSON", async () => {
    const dir = tempProject(counter);
    const { code, stderr } = await cli(dir, "test", "--event", "document.changed={length:3}");
    expect(code).toBe(2);
    expect(stderr).toContain("the value of --event document.changed is not JSON");
  });
});
