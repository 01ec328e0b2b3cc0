import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inScope, ProfileError, parseProfile, selectTest } from "../../test262/profile.js";

const profile = parseProfile({
  edition: "ES2023",
  include: ["test/language", "test/built-ins/Array"],
  excluded: {
    features: { Temporal: "proposal", "regexp-v-flag": "ES2024" },
    flags: { CanBlockIsTrue: "cannot block" },
    paths: { "test/language/import/import-defer": "proposal" },
  },
  deferred: {
    features: { generators: "not yet" },
    flags: { module: "no loader" },
    paths: { "test/built-ins/Array/fromAsync": "later" },
  },
});

const meta = (flags: string[] = [], features: string[] = []) => ({ flags, features });

describe("profile", () => {
  it("puts only the included folders in scope", () => {
    expect(inScope(profile, "test/language/expressions/addition/S9.3_A1.js")).toBe(true);
    expect(inScope(profile, "test/built-ins/Array/from/a.js")).toBe(true);
    expect(inScope(profile, "test/built-ins/ArrayBuffer/a.js")).toBe(false);
    expect(inScope(profile, "test/built-ins/Map/a.js")).toBe(false);
  });

  it("runs tests with no excluded or deferred feature", () => {
    expect(selectTest(profile, "test/language/a.js", meta(["onlyStrict"], ["let"]))).toEqual({
      run: true,
    });
  });

  it("excludes by feature, flag and path with the reason", () => {
    expect(selectTest(profile, "test/language/a.js", meta([], ["let", "Temporal"]))).toEqual({
      run: false,
      kind: "excluded",
      reason: "feature Temporal: proposal",
    });
    expect(selectTest(profile, "test/language/a.js", meta(["CanBlockIsTrue"]))).toMatchObject({
      kind: "excluded",
      reason: "flag CanBlockIsTrue: cannot block",
    });
    expect(selectTest(profile, "test/language/import/import-defer/x.js", meta())).toMatchObject({
      kind: "excluded",
    });
  });

  it("prefers excluded over deferred and can include deferred tests", () => {
    const both = meta(["module"], ["regexp-v-flag"]);
    expect(selectTest(profile, "test/language/a.js", both)).toMatchObject({ kind: "excluded" });
    expect(selectTest(profile, "test/language/a.js", meta(["module"]))).toMatchObject({
      kind: "deferred",
      reason: "flag module: no loader",
    });
    expect(selectTest(profile, "test/built-ins/Array/fromAsync/x.js", meta())).toMatchObject({
      kind: "deferred",
    });
    expect(
      selectTest(profile, "test/language/a.js", meta([], ["generators"]), {
        includeDeferred: true,
      }),
    ).toEqual({ run: true });
  });

  it("does not treat inherited object keys as feature names", () => {
    expect(
      selectTest(profile, "test/language/a.js", meta([], ["constructor", "toString"])),
    ).toEqual({
      run: true,
    });
  });

  it("requires a reason for every entry", () => {
    expect(() => parseProfile({ include: [], excluded: { features: { Temporal: "" } } })).toThrow(
      ProfileError,
    );
    expect(() => parseProfile({ include: "test" })).toThrow(/include/);
  });

  it("accepts the checked-in profile", () => {
    const url = new URL("../../test262/profile.json", import.meta.url);
    const p = parseProfile(JSON.parse(readFileSync(url, "utf8")));
    expect(p.edition).toBe("ES2023");
    expect(p.include).toContain("test/language");
    expect(p.excluded.features.Temporal).toBeDefined();
    // ES2023 features stay in scope.
    for (const f of [
      "change-array-by-copy",
      "array-find-from-last",
      "hashbang",
      "symbols-as-weakmap-keys",
    ]) {
      expect(p.excluded.features[f]).toBeUndefined();
    }
  });
});
