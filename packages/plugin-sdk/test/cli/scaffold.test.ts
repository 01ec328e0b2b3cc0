/**
 * The acceptance test: a plugin made by `cove-plugin init` validates, builds, type-checks,
 * loads in the host, passes its own vitest test, and runs under `cove-plugin test`.
 */

import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTestHost } from "@cove/host";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, removeTempProjects, repoRoot, tempProject } from "./helpers.js";

let root: string;
let dir: string;

beforeAll(async () => {
  root = tempProject();
  dir = path.join(root, "hello-world");
  const { code, stdout } = await cli(root, "init", "hello-world");
  expect(code).toBe(0);
  expect(stdout).toContain("✓ Created local.hello-world");
});

afterAll(removeTempProjects);

/** Runs `node <script> ...args` in `cwd`; resolves with the exit code and the output. */
function run(cwd: string, script: string, ...args: string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith("VITEST") && key !== "NODE_OPTIONS",
    ),
  );
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...env, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("a plugin made by cove-plugin init", () => {
  it("has a manifest, TypeScript source, a test, package.json and tsconfig", () => {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "cove-plugin.json",
        "package.json",
        "tsconfig.json",
        path.join("src", "index.ts"),
        path.join("test", "plugin.test.ts"),
      ]),
    );
    const manifest = JSON.parse(readFileSync(path.join(dir, "cove-plugin.json"), "utf8"));
    expect(manifest.$schema).toBe("./node_modules/@cove/plugin-sdk/schema/cove-plugin.schema.json");
    expect(manifest.id).toBe("local.hello-world");
    expect(readFileSync(path.join(dir, "src/index.ts"), "utf8")).toContain(
      "definePlugin<Settings>(",
    );
  });

  it("validates", async () => {
    const { code, stdout } = await cli(dir, "validate");
    expect(code).toBe(0);
    expect(stdout).toContain("local.hello-world 0.1.0 is valid");
  });

  it("builds to one small ES module that imports only the host's module", async () => {
    const { code, stdout } = await cli(dir, "build");
    expect(code).toBe(0);
    expect(stdout).toContain("✓ src/index.ts → dist/main.js");
    const bundle = readFileSync(path.join(dir, "dist/main.js"), "utf8");
    expect(bundle.length).toBeLessThan(2000);
    expect([...bundle.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1])).toEqual(["cove"]);
    expect(bundle).not.toMatch(/ajv|semver|manifestSchema/);
    expect(bundle).toMatch(/export \{\n {2}activate,\n {2}deactivate\n\};/);
  });

  it("loads in the host and answers its command", async () => {
    const t = createTestHost();
    try {
      expect(await t.load(dir)).toBe("local.hello-world");
      expect(await t.executeCommand("helloWorld.greet", "Ada")).toBe("Hello, Ada!");
      expect(await t.storage()).toEqual({ greetings: 1 });
    } finally {
      await t.dispose();
    }
  });

  it("passes its own test and type-checks", { timeout: 60_000 }, async () => {
    const [tests, types] = await Promise.all([
      run(dir, path.join(repoRoot, "node_modules/vitest/vitest.mjs"), "run"),
      run(dir, path.join(repoRoot, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "."),
    ]);
    expect(tests.output).toMatch(/Tests\s+3 passed/);
    expect(tests.code).toBe(0);
    expect(types.output).toBe("");
    expect(types.code).toBe(0);
  });

  it("runs under cove-plugin test, which prints what it cost", async () => {
    const { code, stdout, stderr } = await cli(
      dir,
      "test",
      "--command",
      'helloWorld.greet=["Ada"]',
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("✓ loaded dist/main.js in a host of version 1.0.0");
    expect(stdout).toContain("✓ activated");
    expect(stdout).toContain('✓ command helloWorld.greet → "Hello, Ada!"');
    expect(stdout).toMatch(/ {2}fuel {8}\d+/);
    expect(stdout).toMatch(
      / {2}host calls {2}3 {2}\(commands\.register 1, storage\.get 1, storage\.set 1\)/,
    );
    expect(stdout).toContain("Hello, Ada! (greeting number 1)");
  });
});

describe("cove-plugin init refuses", () => {
  it("a directory that is not empty, unless --force", async () => {
    const again = await cli(root, "init", "hello-world");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("hello-world already exists and is not empty");
    const forced = await cli(root, "init", "hello-world", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain("hello-world/cove-plugin.json exists; left as it is");
  });

  it("an id that is not publisher.name", async () => {
    const { code, stderr } = await cli(root, "init", "other", "--id", "Other");
    expect(code).toBe(2);
    expect(stderr).toContain('"Other" is not a plugin id');
  });
});
