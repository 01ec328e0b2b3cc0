/**
 * A setting's `default` must be a value its own schema accepts: otherwise the plugin starts with
 * a setting the host would refuse if a user typed it. The manifest schema has already checked
 * that each setting schema uses only the safe subset of keywords; here each one is compiled and
 * its default validated against it.
 */

import { problemsFromAjv } from "./ajv-problems.js";
import { messages } from "./messages.js";
import type { FoundProblem, PathSegment } from "./problems.js";
import { getSettingsAjv } from "./validators.js";

/**
 * @param settings `contributes.settings` of a copied manifest (plain, acyclic data).
 * @param isSound whether the manifest schema found no problem under a setting's path.
 */
export function checkSettingDefaults(
  settings: unknown,
  isSound: (key: string) => boolean,
): FoundProblem[] {
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) return [];
  const problems: FoundProblem[] = [];
  for (const [key, setting] of Object.entries(settings)) {
    if (!isSound(key) || typeof setting !== "object" || setting === null) continue;
    const at: PathSegment[] = ["contributes", "settings", key];
    const { default: value, ...schema } = setting as Record<string, unknown>;
    const ajv = getSettingsAjv();
    try {
      const validate = ajv.compile(schema);
      if (!validate(value)) {
        problems.push(...problemsFromAjv(validate.errors ?? [], value, [...at, "default"]));
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push({ segments: at, message: messages.unusableSettingSchema(detail) });
    } finally {
      ajv.removeSchema(schema);
    }
  }
  return problems;
}
