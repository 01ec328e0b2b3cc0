/**
 * Invariant: `validateManifest` never throws and never hangs, whatever it is given — it returns
 * problems. A host validates manifests from plugins it does not trust, inside its own process.
 */

import { describe, expect, it } from "vitest";
import { validateManifest } from "../../src/index.js";
import { minimalManifest } from "./fixtures.js";

function expectProblems(input: unknown) {
  const result = validateManifest(input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("unreachable");
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

describe("validateManifest on input that is not a manifest", () => {
  it("returns problems for every kind of non-object", () => {
    const inputs: unknown[] = [
      null,
      undefined,
      "",
      "cove-plugin.json",
      0,
      Number.NaN,
      true,
      [],
      [minimalManifest()],
      10n,
      Symbol("x"),
      () => minimalManifest(),
    ];
    for (const input of inputs) expectProblems(input);
    expect(expectProblems(null)).toEqual([{ path: "", message: "must be an object, not null" }]);
    expect(expectProblems([])).toEqual([{ path: "", message: "must be an object, not an array" }]);
  });

  it("refuses values JSON cannot hold, at their paths", () => {
    const problems = expectProblems({
      ...minimalManifest(),
      name: Number.POSITIVE_INFINITY,
      description: () => "text",
      "x-date": new Date(0),
      "x-map": new Map(),
      "x-list": [1, Symbol.iterator, 3n],
    });
    expect(problems).toEqual([
      { path: "name", message: "must be JSON data, not Infinity" },
      { path: "description", message: "must be JSON data, not a function" },
      { path: '["x-date"]', message: "must be JSON data, not an instance of Date" },
      { path: '["x-map"]', message: "must be JSON data, not an instance of Map" },
      { path: '["x-list"][1]', message: "must be JSON data, not a symbol" },
      { path: '["x-list"][2]', message: "must be JSON data, not a bigint" },
    ]);
  });

  it("reports a cycle instead of recursing forever", () => {
    const manifest: Record<string, unknown> = minimalManifest();
    const engines: Record<string, unknown> = { host: "^1.0.0" };
    engines.self = engines;
    manifest.engines = engines;
    manifest["x-me"] = [manifest];
    expect(expectProblems(manifest)).toEqual([
      { path: "engines.self", message: "refers back to engines: JSON data cannot be circular" },
      {
        path: '["x-me"][0]',
        message: "refers back to the manifest itself: JSON data cannot be circular",
      },
    ]);
  });

  it("accepts the same object twice when it is shared, not circular", () => {
    const shared = { fuel: 10 };
    const budgets = { perEvent: shared, cumulative: shared };
    expect(validateManifest({ ...minimalManifest(), budgets }).ok).toBe(true);
  });

  it("stops at deep nesting, huge arrays, huge strings and many values", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(expectProblems({ ...minimalManifest(), "x-deep": deep })[0]?.message).toBe(
      "is nested more than 32 levels deep",
    );

    const sparse = new Array(2 ** 31);
    expect(expectProblems({ ...minimalManifest(), "x-sparse": sparse })).toEqual([
      { path: "", message: "the manifest has more than 20000 values" },
    ]);

    const big = "x".repeat(50_000_000);
    expect(expectProblems({ ...minimalManifest(), name: big })).toEqual([
      { path: "", message: "the manifest's text is longer than 1000000 characters" },
    ]);

    const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`x-${i}`, i]));
    expect(expectProblems({ ...minimalManifest(), ...many })[0]?.message).toBe(
      "the manifest has more than 20000 values",
    );
  });

  it("survives getters and proxies that throw", () => {
    const hostile = { ...minimalManifest() };
    Object.defineProperty(hostile, "name", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(expectProblems(hostile)).toEqual([
      { path: "name", message: "the manifest could not be validated (boom)" },
    ]);

    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new TypeError("no keys for you");
        },
      },
    );
    expect(expectProblems(trap)[0]?.message).toMatch(/no keys for you/);

    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expectProblems(proxy);
    expectProblems({ ...minimalManifest(), "x-revoked": proxy });
  });

  it("reads each property once, so a getter cannot show the validator another value", () => {
    let reads = 0;
    const manifest = { ...minimalManifest() };
    Object.defineProperty(manifest, "version", {
      enumerable: true,
      get() {
        reads++;
        return reads === 1 ? "1.0.0" : "not a version";
      },
    });
    const result = validateManifest(manifest);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.manifest.version).toBe("1.0.0");
    expect(reads).toBe(1);
  });

  it('keeps a "__proto__" key as a key, and reports it as an unknown field', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, "manifestVersion": 1}`);
    const problems = expectProblems(input);
    expect(problems).toContainEqual({
      path: "__proto__",
      message: 'is not a manifest field (extension fields start with "x-")',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts null-prototype objects, as some JSON parsers produce", () => {
    const manifest = Object.assign(Object.create(null), minimalManifest());
    manifest.engines = Object.assign(Object.create(null), { host: "^1.0.0" });
    expect(validateManifest(manifest).ok).toBe(true);
  });
});
