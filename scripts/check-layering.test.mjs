import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./check-layering.mjs", import.meta.url));
const trees = [];

const PACKAGES = {
  "packages/interpreter": "@cove/interpreter",
  "packages/plugin-sdk": "@cove/plugin-sdk",
  "packages/host": "@cove/host",
  "examples/editor-plugins": "@cove/example-editor-plugins",
};

/** The SDK's package.json: @cove/host is its optional peer, loaded at run time by the CLI. */
const SDK_PACKAGE = {
  name: "@cove/plugin-sdk",
  peerDependencies: { "@cove/host": "*" },
  peerDependenciesMeta: { "@cove/host": { optional: true } },
};

/** Writes a repo tree with the four packages' package.json files plus `files`, then checks it. */
function checkTree(files) {
  const root = mkdtempSync(path.join(tmpdir(), "cove-layering-"));
  trees.push(root);
  const all = {};
  for (const [dir, name] of Object.entries(PACKAGES)) {
    all[`${dir}/package.json`] = JSON.stringify(name === SDK_PACKAGE.name ? SDK_PACKAGE : { name });
  }
  Object.assign(all, files);
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const result = spawnSync(process.execPath, [script, root], { encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});

const CLEAN = {
  "packages/interpreter/src/index.ts":
    'import { parse } from "acorn";\nexport * from "./run.js";\n',
  "packages/interpreter/src/run.ts": 'import type { Node } from "acorn";\nexport const x = 1;\n',
  "packages/plugin-sdk/src/index.ts": 'import Ajv from "ajv";\nexport { Ajv };\n',
  "packages/host/src/index.ts": [
    'import { createSandbox } from "@cove/interpreter";',
    'import type { Manifest } from "@cove/plugin-sdk";',
    'import { helper } from "./util/helper.js";',
    'const late = await import("@cove/interpreter");',
  ].join("\n"),
  "packages/host/src/util/helper.ts":
    'import pkg from "../../package.json" with { type: "json" };\n',
  "examples/editor-plugins/src/index.ts": 'import { createHost } from "@cove/host";\n',
};

describe("check-layering", () => {
  it("passes a tree that respects the layering", () => {
    const { status, output } = checkTree(CLEAN);
    expect(output).toContain("check-layering: 6 source files, layering respected");
    expect(status).toBe(0);
  });

  it("fails when the interpreter imports another package, naming file and line", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/interpreter/src/run.ts": 'export const x = 1;\n\nimport { y } from "@cove/host";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      'packages/interpreter/src/run.ts:3: @cove/interpreter may not import "@cove/host" (it may import no @cove package)',
    );
  });

  it("fails when the SDK imports the interpreter, even by type or dynamic import", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/plugin-sdk/src/index.ts": [
        'import type { Sandbox } from "@cove/interpreter";',
        'export const load = () => import("@cove/interpreter");',
      ].join("\n"),
    });
    expect(status).toBe(1);
    expect(output).toContain("packages/plugin-sdk/src/index.ts:1: @cove/plugin-sdk may not import");
    expect(output).toContain("packages/plugin-sdk/src/index.ts:2: @cove/plugin-sdk may not import");
  });

  it("lets the SDK's CLI load the host at run time, by dynamic import in load-host.ts only", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/plugin-sdk/src/cli/load-host.ts":
        'export const loadHost = () => import("@cove/host");\n',
    });
    expect(output).toContain("layering respected");
    expect(status).toBe(0);
  });

  it("fails when the SDK names the host anywhere else or any other way", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/plugin-sdk/src/cli/load-host.ts": [
        'import type { TestHost } from "@cove/host";',
        'export type Host = typeof import("@cove/host");',
        'export const loadHost = () => import("@cove/host");',
      ].join("\n"),
      "packages/plugin-sdk/src/cli/other.ts": 'export const h = () => import("@cove/host");\n',
    });
    expect(status).toBe(1);
    const only = "only a dynamic import() in src/cli/load-host.ts may load it, at run time";
    expect(output).toContain(
      `packages/plugin-sdk/src/cli/load-host.ts:1: @cove/plugin-sdk may not import "@cove/host" (${only})`,
    );
    expect(output).toContain(
      `packages/plugin-sdk/src/cli/load-host.ts:2: @cove/plugin-sdk may not import "@cove/host" (${only})`,
    );
    expect(output).not.toContain("load-host.ts:3");
    expect(output).toContain(
      `packages/plugin-sdk/src/cli/other.ts:1: @cove/plugin-sdk may not import "@cove/host" (${only})`,
    );
  });

  it("fails the SDK's run-time import of the host unless the host is an optional peer", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/plugin-sdk/package.json": JSON.stringify({
        name: "@cove/plugin-sdk",
        dependencies: { "@cove/host": "*" },
      }),
      "packages/plugin-sdk/src/cli/load-host.ts":
        'export const loadHost = () => import("@cove/host");\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      'packages/plugin-sdk/src/cli/load-host.ts:1: @cove/plugin-sdk may load "@cove/host" at run time only as an optional peer dependency',
    );
  });

  it("fails when the host imports a package other than the interpreter and the SDK", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/host/src/index.ts": 'export { x } from "@cove/example-editor-plugins";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      'packages/host/src/index.ts:1: @cove/host may not import "@cove/example-editor-plugins" (it may import only @cove/interpreter and @cove/plugin-sdk)',
    );
  });

  it("fails on a deep import, also from an example", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "examples/editor-plugins/src/index.ts":
        'import { meter } from "@cove/interpreter/dist/meter.js";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      'examples/editor-plugins/src/index.ts:1: "@cove/interpreter/dist/meter.js" is a deep import',
    );
  });

  it("fails when a package reaches into another by relative path", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/host/src/util/helper.ts": 'import "../../../interpreter/src/index.js";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      'packages/host/src/util/helper.ts:1: "../../../interpreter/src/index.js" reaches outside @cove/host by path',
    );
  });

  it("fails for a package that has no layering rule", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/extra/package.json": JSON.stringify({ name: "@cove/extra" }),
      "packages/extra/src/index.ts": 'import { createSandbox } from "@cove/interpreter";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain("packages/extra/src/index.ts:1: @cove/extra has no layering rule");
  });

  it("ignores import-like text in comments, strings, templates and regular expressions", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/interpreter/src/run.ts": [
        '// import { a } from "@cove/host";',
        '/* export * from "@cove/host"; */',
        "const s = 'import \"@cove/host\"';",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source text, not a template
        'const t = `${s} from "@cove/host" ${`import("@cove/host")`}`;',
        'const r = /from "@cove\\/host"/;',
        'const q = obj.import("@cove/host");',
        "export { s, t, r, q };",
      ].join("\n"),
    });
    expect(output).toContain("layering respected");
    expect(status).toBe(0);
  });

  it("keeps counting lines across multi-line comments and templates", () => {
    const { status, output } = checkTree({
      ...CLEAN,
      "packages/interpreter/src/run.ts": [
        "/*",
        " * header",
        " */",
        "const t = `a",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this is source text, not a template
        "b ${1}",
        "c`;",
        'import "@cove/plugin-sdk";',
      ].join("\n"),
    });
    expect(status).toBe(1);
    expect(output).toContain("packages/interpreter/src/run.ts:7: @cove/interpreter may not import");
  });
});
