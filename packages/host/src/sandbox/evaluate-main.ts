/**
 * Evaluates a plugin's `main` as an ES module in its sandbox. Relative imports resolve among the
 * plugin's own files; the bare specifier `"cove"` is the plugin's API object (the same one the
 * `cove` global holds), so `import { storage } from "cove"` works. Nothing else resolves.
 */

import type { RunLimits, Sandbox } from "@cove/interpreter";

export const API_MODULE = "cove";

export async function evaluateMain(
  sandbox: Sandbox,
  main: string,
  files: Readonly<Record<string, string>>,
  api: Record<string, unknown>,
  limits: Partial<RunLimits>,
): Promise<Record<string, unknown>> {
  const namespace = await sandbox.runModule(files[main] ?? "", {
    path: main,
    limits,
    resolver: { files: { ...files }, externals: { [API_MODULE]: api } },
  });
  return typeof namespace === "object" && namespace !== null
    ? (namespace as Record<string, unknown>)
    : {};
}
