import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const code = "export {}";

describe("resolution with semver", () => {
  it("loads in dependency order whatever the input order", async () => {
    const host = createHost({ version: "1.4.0" });
    const report = await host.load([
      plugin("acme.app", code, { dependencies: { "acme.ui": "^2.0.0" } }),
      plugin("acme.ui", code, { version: "2.3.0", dependencies: { "acme.core": "~1.1.0" } }),
      plugin("acme.core", code, { version: "1.1.5" }),
      plugin("acme.extra", code, { optionalDependencies: { "acme.app": "^1.0.0" } }),
    ]);
    expect(report.refused).toEqual([]);
    expect(report.loaded).toEqual(["acme.core", "acme.ui", "acme.app", "acme.extra"]);
  });

  it("refuses a plugin made for another host version", async () => {
    const host = createHost({ version: "2.0.0" });
    const report = await host.load([plugin("acme.old", code, { engines: "^1.0.0" })]);
    expect(report.refused).toMatchObject([
      {
        pluginId: "acme.old",
        code: "COVE_ENGINE_INCOMPATIBLE",
        reason: expect.stringContaining('host 2.0.0 does not satisfy engines.host "^1.0.0"'),
      },
    ]);
  });

  it("refuses missing, incompatible and cyclic dependencies with only their dependents", async () => {
    const host = createHost({ version: "1.0.0" });
    const report = await host.load([
      plugin("acme.needs-missing", code, { dependencies: { "acme.nowhere": "^1.0.0" } }),
      plugin("acme.needs-needs-missing", code, { dependencies: { "acme.needs-missing": "*" } }),
      plugin("acme.base", code, { version: "1.0.0" }),
      plugin("acme.wants-base-2", code, { dependencies: { "acme.base": "^2.0.0" } }),
      plugin("acme.uses-base", code, { dependencies: { "acme.base": "^1.0.0" } }),
      plugin("acme.cycle-a", code, { dependencies: { "acme.cycle-b": "*" } }),
      plugin("acme.cycle-b", code, { dependencies: { "acme.cycle-c": "*" } }),
      plugin("acme.cycle-c", code, { dependencies: { "acme.cycle-a": "*" } }),
      plugin("acme.on-cycle", code, { dependencies: { "acme.cycle-a": "*" } }),
      plugin("acme.optional-missing", code, { optionalDependencies: { "acme.nowhere": "*" } }),
    ]);
    expect([...report.loaded].sort()).toEqual([
      "acme.base",
      "acme.optional-missing",
      "acme.uses-base",
    ]);
    const byId = Object.fromEntries(report.refused.map((r) => [r.pluginId, r]));
    expect(byId["acme.needs-missing"]).toMatchObject({
      code: "COVE_DEPENDENCY_MISSING",
      reason: expect.stringContaining('depends on "acme.nowhere" ^1.0.0, which is not available'),
    });
    expect(byId["acme.needs-needs-missing"]).toMatchObject({
      code: "COVE_DEPENDENCY_MISSING",
      reason: expect.stringContaining('"acme.needs-missing", which was refused'),
    });
    expect(byId["acme.wants-base-2"]).toMatchObject({
      code: "COVE_DEPENDENCY_INCOMPATIBLE",
      reason: expect.stringContaining("version 1.0.0 is available"),
    });
    for (const id of ["acme.cycle-a", "acme.cycle-b", "acme.cycle-c"]) {
      expect(byId[id]?.code).toBe("COVE_DEPENDENCY_CYCLE");
    }
    expect(byId["acme.cycle-b"]?.reason).toContain(
      "acme.cycle-b → acme.cycle-c → acme.cycle-a → acme.cycle-b",
    );
    expect(byId["acme.on-cycle"]?.code).toBe("COVE_DEPENDENCY_MISSING");
  });

  it("refuses duplicate ids, and an id already loaded", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(plugin("acme.loaded", code));
    const report = await host.load([
      { ...plugin("acme.twice", code), origin: "first" },
      { ...plugin("acme.twice", code), origin: "second" },
      plugin("acme.loaded", code),
      plugin("acme.other", code),
    ]);
    expect(report.loaded).toEqual(["acme.other"]);
    expect(report.refused.map((r) => [r.pluginId, r.code])).toEqual([
      ["acme.twice", "COVE_DUPLICATE_PLUGIN"],
      ["acme.twice", "COVE_DUPLICATE_PLUGIN"],
      ["acme.loaded", "COVE_DUPLICATE_PLUGIN"],
    ]);
    expect(report.refused[0]?.reason).toContain("(first and second)");
  });

  it("refuses the second of two concurrent loads of one id", async () => {
    const host = createHost({ version: "1.0.0" });
    const [first, second] = await Promise.all([
      host.load(plugin("acme.racer", code)),
      host.load(plugin("acme.racer", code)),
    ]);
    expect(first.loaded).toEqual(["acme.racer"]);
    expect(second.refused.map((r) => r.code)).toEqual(["COVE_DUPLICATE_PLUGIN"]);
  });

  it("resolves against plugins loaded earlier", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(plugin("acme.lib", code, { version: "3.1.0" }));
    const report = await host.load([
      plugin("acme.ok", code, { dependencies: { "acme.lib": "^3.0.0" } }),
      plugin("acme.no", code, { dependencies: { "acme.lib": "^4.0.0" } }),
    ]);
    expect(report.loaded).toEqual(["acme.ok"]);
    expect(report.refused[0]?.code).toBe("COVE_DEPENDENCY_INCOMPATIBLE");
  });

  it("refuses the dependents of a plugin whose main fails to load", async () => {
    const host = createHost({ version: "1.0.0" });
    const report = await host.load([
      plugin("acme.throws", "throw new Error('boom');"),
      plugin("acme.dependent", code, { dependencies: { "acme.throws": "*" } }),
    ]);
    expect(report.loaded).toEqual([]);
    expect(report.refused.map((r) => [r.pluginId, r.code])).toEqual([
      ["acme.throws", "COVE_PLUGIN_LOAD_FAILED"],
      ["acme.dependent", "COVE_DEPENDENCY_MISSING"],
    ]);
    expect(report.refused[0]?.reason).toContain("Error: boom");
    expect(report.refused[0]?.reason).toContain("main.js:1");
  });
});
