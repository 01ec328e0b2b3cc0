import { describe, expect, it } from "vitest";
import { clampBudget, resolvePolicy } from "../src/policy/host-policy.js";
import { matchesScope } from "../src/policy/match-scope.js";

describe("scopes", () => {
  it("match exactly or by a prefix ending in .*", () => {
    expect(matchesScope(["document.changed"], "document.changed")).toBe(true);
    expect(matchesScope(["document.*"], "document.changed")).toBe(true);
    expect(matchesScope(["document.*"], "document.saved.remote")).toBe(true);
    expect(matchesScope(["document.*"], "document")).toBe(false);
    expect(matchesScope(["document.*"], "documents.changed")).toBe(false);
    expect(matchesScope(["https://a.example"], "https://a.example.evil")).toBe(false);
    expect(matchesScope([], "anything")).toBe(false);
  });
});

describe("budget clamping", () => {
  const policy = resolvePolicy({
    budgets: { perEvent: { default: { fuel: 1000 }, max: { fuel: 5000, cpuMs: 50 } } },
  });

  it("uses what the manifest asks for, up to the policy's maximum", () => {
    expect(clampBudget({ fuel: 2000 }, policy.perEvent).fuel).toBe(2000);
    expect(clampBudget({ fuel: 9000 }, policy.perEvent).fuel).toBe(5000);
    expect(clampBudget({ cpuMs: 10_000 }, policy.perEvent).cpuMs).toBe(50);
  });

  it("uses the policy's default for limits the manifest leaves out, also clamped", () => {
    expect(clampBudget(undefined, policy.perEvent).fuel).toBe(1000);
    expect(clampBudget(undefined, policy.perEvent).cpuMs).toBe(50);
  });

  it("has bounded defaults", () => {
    const defaults = resolvePolicy();
    for (const value of Object.values(clampBudget(undefined, defaults.perEvent))) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(defaults.errors).toBe("sanitize");
    expect(defaults.overflow).toBe("drop-oldest");
  });
});
