import { describe, expect, it } from "vitest";
import { type ManifestProblem, validateManifest } from "../../src/index.js";
import { fullManifest, minimalManifest } from "./fixtures.js";

type Data = Record<string, unknown>;

function problemsOf(change: (manifest: Data) => void, base = minimalManifest()): ManifestProblem[] {
  change(base);
  const result = validateManifest(base);
  if (result.ok) throw new Error("expected the manifest to be invalid");
  return result.problems;
}

/** The single problem a one-field change causes. */
function problemOf(change: (manifest: Data) => void, base?: Data): ManifestProblem {
  const problems = problemsOf(change, base);
  expect(problems).toHaveLength(1);
  return problems[0] as ManifestProblem;
}

describe("validateManifest: valid manifests", () => {
  it("accepts the smallest manifest", () => {
    expect(validateManifest(minimalManifest())).toEqual({ ok: true, manifest: minimalManifest() });
  });

  it("accepts a manifest using every field, extension fields included", () => {
    const result = validateManifest(fullManifest());
    expect(result).toEqual({ ok: true, manifest: fullManifest() });
  });

  it("returns a copy the caller owns, not the input", () => {
    const input = fullManifest();
    const result = validateManifest(input);
    if (!result.ok) throw new Error("expected a valid manifest");
    expect(result.manifest).not.toBe(input);
    expect(result.manifest.engines).not.toBe(input.engines);
  });

  it("treats a property set to undefined as absent, as JSON.stringify does", () => {
    expect(validateManifest({ ...minimalManifest(), description: undefined }).ok).toBe(true);
  });

  it("accepts the expected plugin id and refuses another", () => {
    expect(validateManifest(minimalManifest(), { pluginId: "acme.word-count" }).ok).toBe(true);
    expect(validateManifest(minimalManifest(), { pluginId: "acme.other" })).toEqual({
      ok: false,
      problems: [
        {
          path: "id",
          message: '"acme.word-count" does not match the expected plugin id "acme.other"',
        },
      ],
    });
  });
});

describe("validateManifest: each problem at its path", () => {
  it("reports a missing field at the field's own path", () => {
    expect(problemOf((m) => delete m.main)).toEqual({ path: "main", message: "is required" });
    expect(problemOf((m) => (m.engines = {}))).toEqual({
      path: "engines.host",
      message: "is required",
    });
  });

  it("refuses unknown top-level fields but not x-* extension fields, and suggests a near name", () => {
    expect(problemOf((m) => (m.homepage = "https://acme.example"))).toEqual({
      path: "homepage",
      message: 'is not a manifest field (extension fields start with "x-")',
    });
    expect(problemOf((m) => (m.versoin = "1.0.0")).message).toMatch(/did you mean "version"\?$/);
    expect(validateManifest({ ...minimalManifest(), "x-anything": [1, { a: 2 }] }).ok).toBe(true);
  });

  it("refuses unknown fields in nested objects", () => {
    expect(problemOf((m) => (m.engines = { host: "^1.0.0", hots: "^1.0.0" }))).toEqual({
      path: "engines.hots",
      message: 'is not a known field; did you mean "host"?',
    });
  });

  it("checks manifestVersion, name and types", () => {
    expect(problemOf((m) => (m.manifestVersion = 2))).toEqual({
      path: "manifestVersion",
      message: "must be 1, not 2",
    });
    expect(problemOf((m) => (m.name = ""))).toEqual({
      path: "name",
      message: "must not be empty",
    });
    expect(problemOf((m) => (m.name = 42))).toEqual({
      path: "name",
      message: "must be a string, not 42",
    });
    expect(problemOf((m) => (m.engines = "^1.0.0"))).toEqual({
      path: "engines",
      message: 'must be an object, not "^1.0.0"',
    });
  });

  it("checks the id against the publisher.name rule", () => {
    for (const id of ["word-count", "Acme.WordCount", "acme/word-count", "acme..x"]) {
      const problem = problemOf((m) => (m.id = id));
      expect(problem.path).toBe("id");
      expect(problem.message).toMatch(/is not valid\. Use a plugin id of the form publisher\.name/);
    }
  });

  it("checks version with semver", () => {
    expect(problemOf((m) => (m.version = "1.0"))).toEqual({
      path: "version",
      message: '"1.0" is not a valid semver version (such as "1.2.3")',
    });
    for (const version of ["v1.2.3", " 1.2.3", "1.2.3.4", "01.2.3", "latest"]) {
      expect(problemOf((m) => (m.version = version)).path).toBe("version");
    }
    for (const version of ["0.0.1", "1.2.3-rc.1", "1.2.3+sha.abc", "10.20.30-alpha+001"]) {
      expect(validateManifest({ ...minimalManifest(), version }).ok).toBe(true);
    }
  });

  it('refuses an engines.host range that accepts every version ("*", "", "x", ">=0.0.0")', () => {
    for (const host of ["*", "", " ", "x", "X", ">=0.0.0", "*.*.*"]) {
      expect(problemOf((m) => (m.engines = { host }))).toEqual({
        path: "engines.host",
        message: expect.stringMatching(/^must be a semver range other than "\*"/),
      });
    }
  });

  it("refuses an engines.host that is not a semver range", () => {
    expect(problemOf((m) => (m.engines = { host: "one point oh" }))).toEqual({
      path: "engines.host",
      message: '"one point oh" is not a valid semver range (such as "^1.2.0")',
    });
  });

  it("accepts main as a relative .js or .mjs path inside the plugin, and nothing else", () => {
    for (const main of ["main.js", "./main.js", "dist/main.mjs", "lib/@scope/x-1.0.js"]) {
      expect(validateManifest({ ...minimalManifest(), main }).ok, main).toBe(true);
    }
    const refused = [
      "../main.js",
      "dist/../../main.js",
      "/abs/main.js",
      "C:\\main.js",
      "C:/main.js",
      "dist\\main.js",
      "https://cdn.example/main.js",
      "main.ts",
      "main",
      ".hidden/main.js",
      "dist//main.js",
      "main.js?v=1",
    ];
    for (const main of refused) {
      const problem = problemOf((m) => (m.main = main));
      expect(problem.path, main).toBe("main");
      expect(problem.message).toMatch(/is not valid\. Use a relative path/);
    }
  });

  it("checks dependency ids and ranges", () => {
    expect(problemOf((m) => (m.dependencies = { "Acme Base": "^1.0.0" }))).toEqual({
      path: 'dependencies["Acme Base"]',
      message: expect.stringMatching(/^"Acme Base" is not valid\. Use a plugin id/),
    });
    expect(problemOf((m) => (m.optionalDependencies = { "acme.base": "latest" }))).toEqual({
      path: 'optionalDependencies["acme.base"]',
      message: '"latest" is not a valid semver range (such as "^1.2.0")',
    });
    expect(problemOf((m) => (m.dependencies = { "acme.base": 1 })).message).toBe(
      "must be a string, not 1",
    );
  });

  it("refuses a dependency on itself and one listed as both required and optional", () => {
    expect(problemOf((m) => (m.dependencies = { "acme.word-count": "^1.0.0" }))).toEqual({
      path: 'dependencies["acme.word-count"]',
      message: "a plugin cannot depend on itself",
    });
    const problem = problemOf((m) => {
      m.dependencies = { "acme.base": "^1.0.0" };
      m.optionalDependencies = { "acme.base": "^1.0.0" };
    });
    expect(problem).toEqual({
      path: 'optionalDependencies["acme.base"]',
      message: '"acme.base" is in both dependencies and optionalDependencies; keep one',
    });
  });

  it("checks activation events", () => {
    expect(problemOf((m) => (m.activation = []))).toEqual({
      path: "activation",
      message: "must list at least one item",
    });
    for (const event of ["onFoo", "onCommand:", "onEvent:", "onstartup", "onCommand:a b"]) {
      expect(problemOf((m) => (m.activation = ["onStartup", event]))).toEqual({
        path: "activation[1]",
        message: expect.stringMatching(/is not valid\. Use "onStartup", "onCommand:<command id>"/),
      });
    }
    expect(problemOf((m) => (m.activation = ["onStartup", "onEvent:a", "onStartup"]))).toEqual({
      path: "activation[2]",
      message: '"onStartup" is listed twice (first at activation[0])',
    });
  });

  it("checks contributed commands", () => {
    const problems = problemsOf((m) => {
      m.contributes = {
        commands: [
          { id: "wordCount.show", title: "Show" },
          { id: "wordCount.show", title: "Show again" },
          { id: "bad id", title: "" },
          { id: "wordCount.hide", label: "Hide" },
        ],
        menus: [],
      };
    });
    expect(problems).toEqual([
      { path: "contributes.menus", message: "is not a known field" },
      {
        path: "contributes.commands[2].id",
        message: expect.stringMatching(/^"bad id" is not valid/),
      },
      { path: "contributes.commands[2].title", message: "must not be empty" },
      { path: "contributes.commands[3].title", message: "is required" },
      {
        path: "contributes.commands[3].label",
        message: expect.stringMatching(/^is not a known field/),
      },
      {
        path: "contributes.commands[1].id",
        message: 'command "wordCount.show" is declared twice (first at contributes.commands[0].id)',
      },
    ]);
  });

  it("checks capabilities: names, reasons, required scopes and scope values", () => {
    const problems = problemsOf((m) => {
      m.capabilities = [
        { name: "net.fetch", reason: "Fetches." },
        { name: "net.fetch", scope: ["https://API.example.com/v1"], reason: "Fetches." },
        { name: "events.subscribe", scope: ["document changed"], reason: "Listens." },
        { name: "Storage", reason: "" },
        { name: "storage", scope: [], reason: "Stores.", grant: true },
      ];
    });
    expect(problems).toEqual([
      {
        path: "capabilities[0].scope",
        message: 'is required for "net.fetch": list the origins it may fetch from',
      },
      {
        path: "capabilities[1].scope[0]",
        message:
          '"https://API.example.com/v1" is not an origin: use scheme://host[:port], here "https://api.example.com"',
      },
      {
        path: "capabilities[2].scope[0]",
        message: expect.stringMatching(/^"document changed" is not valid\. Use an event name/),
      },
      {
        path: "capabilities[3].name",
        message: expect.stringMatching(/^"Storage" is not valid\. Use a capability name/),
      },
      { path: "capabilities[3].reason", message: "must not be empty" },
      { path: "capabilities[4].grant", message: "is not a known field" },
      { path: "capabilities[4].scope", message: "must list at least one item" },
      {
        path: "capabilities[1].name",
        message: 'capability "net.fetch" is declared twice (first at capabilities[0].name)',
      },
    ]);
  });

  it("accepts application-defined capability names, with or without a scope", () => {
    const capabilities = [
      { name: "canvas.draw", reason: "Draws." },
      { name: "myApp.projects.write", scope: ["project:42"], reason: "Saves." },
    ];
    expect(validateManifest({ ...minimalManifest(), capabilities }).ok).toBe(true);
  });

  it("checks globals", () => {
    expect(problemsOf((m) => (m.globals = ["console", "set-timeout", "console"]))).toEqual([
      { path: "globals[1]", message: expect.stringMatching(/^"set-timeout" is not valid/) },
      { path: "globals[2]", message: '"console" is listed twice (first at globals[0])' },
    ]);
  });

  it("checks budgets: positive integers, known limits only", () => {
    const problems = problemsOf((m) => {
      m.budgets = {
        perEvent: { fuel: 0, cpuMs: 1.5, memory: 10 },
        cumulative: { heapBytes: -1, hostCalls: "100", errors: 2 ** 60 },
        total: {},
      };
    });
    expect(problems).toEqual([
      { path: "budgets.total", message: "is not a known field" },
      { path: "budgets.perEvent.memory", message: "is not a known field" },
      { path: "budgets.perEvent.fuel", message: "must be at least 1, not 0" },
      { path: "budgets.perEvent.cpuMs", message: "must be an integer, not 1.5" },
      { path: "budgets.cumulative.heapBytes", message: "must be at least 1, not -1" },
      { path: "budgets.cumulative.hostCalls", message: 'must be an integer, not "100"' },
      {
        path: "budgets.cumulative.errors",
        message: `must be at most ${Number.MAX_SAFE_INTEGER}, not ${2 ** 60}`,
      },
    ]);
  });
});

describe("validateManifest: all problems at once", () => {
  it("reports every problem of a manifest in one result", () => {
    const result = validateManifest({
      manifestVersion: 1,
      id: "Acme",
      name: "Broken",
      version: "1.0",
      engines: { host: "*" },
      main: "../main.js",
      activation: ["onFoo"],
      capabilities: [{ name: "net.fetch", reason: "Fetches." }],
      budgets: { perEvent: { fuel: 0 } },
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      "extra",
      "id",
      "version",
      "engines.host",
      "main",
      "activation[0]",
      "capabilities[0].scope",
      "budgets.perEvent.fuel",
    ]);
  });

  it("reports every missing required field of an empty object", () => {
    const result = validateManifest({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      ["manifestVersion", "id", "name", "version", "engines", "main", "activation"].map((path) => ({
        path,
        message: "is required",
      })),
    );
  });
});
