/**
 * Which runs a test gets and what each run evaluates (INTERPRETING.md, "Strict Mode" and
 * "flags"): one run per variant, strict variants prefixed with the directive.
 */
import type { TestMeta } from "./frontmatter.js";

export type Variant = "non-strict" | "strict" | "module";

export const VARIANTS: readonly Variant[] = ["non-strict", "strict", "module"];

export const STRICT_PREFIX = '"use strict";\n';

/** The variants a test runs in, in a fixed order. */
export function variantsFor(flags: readonly string[]): Variant[] {
  const has = (f: string) => flags.includes(f);
  if (has("onlyStrict") && (has("noStrict") || has("raw"))) {
    throw new Error("flags onlyStrict and noStrict/raw exclude each other");
  }
  if (has("module")) return ["module"];
  if (has("raw") || has("noStrict")) return ["non-strict"];
  if (has("onlyStrict")) return ["strict"];
  return ["non-strict", "strict"];
}

/** The test's own source as evaluated in `variant`: raw tests are never modified. */
export function testSourceFor(source: string, variant: Variant, flags: readonly string[]): string {
  if (variant === "strict" && !flags.includes("raw")) return STRICT_PREFIX + source;
  return source;
}

/**
 * The harness files evaluated before the test, in order: assert.js and sta.js, then
 * doneprintHandle.js for async tests, then the test's includes. None for raw tests.
 */
export function harnessFilesFor(meta: Pick<TestMeta, "flags" | "includes">): string[] {
  if (meta.flags.includes("raw")) return [];
  const files = ["assert.js", "sta.js"];
  if (meta.flags.includes("async")) files.push("doneprintHandle.js");
  for (const f of meta.includes) if (!files.includes(f)) files.push(f);
  return files;
}

/** The identifier of one run of a test, as written in known-failures.txt. */
export function runId(path: string, variant: Variant): string {
  return `${path} ${variant}`;
}
