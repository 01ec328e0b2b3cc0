/**
 * Turns ajv's errors (with `allErrors` and `verbose`) into manifest problems: a path made of
 * segments, pointing at the value at fault (the missing field, the unknown field, the invalid
 * key, the second of two duplicates), and a message a person can act on.
 */

import type { ErrorObject } from "ajv";
import { manifestFormats } from "./formats.js";
import { messages } from "./messages.js";
import { type FoundProblem, formatPath, type PathSegment } from "./problems.js";
import { manifestSchema } from "./schema.js";

type AjvError = ErrorObject & { propertyName?: string };

const SETTING_SCHEMAS = new Set<unknown>([
  manifestSchema.definitions.setting,
  manifestSchema.definitions.settingValue,
]);

export function problemsFromAjv(
  errors: readonly ErrorObject[],
  data: unknown,
  prefix: readonly PathSegment[] = [],
): FoundProblem[] {
  const problems: FoundProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors as readonly AjvError[]) {
    const problem = problemFromAjv(error, data, prefix);
    if (problem === undefined) continue;
    // A value failing the same rule through two schemas (a type checked twice) is one problem.
    const key = `${formatPath(problem.segments)}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function problemFromAjv(
  error: AjvError,
  data: unknown,
  prefix: readonly PathSegment[],
): FoundProblem | undefined {
  const at = [...prefix, ...segmentsOf(error.instancePath, data)];
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const value: unknown = error.data;

  switch (error.keyword) {
    // Summaries of errors reported on their own: the failing `then` and the invalid key.
    case "if":
    case "propertyNames":
      return undefined;
    case "required": {
      const missing = String(params.missingProperty);
      return { segments: [...at, missing], message: requiredMessage(error, missing) };
    }
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      const known = Object.keys((parentSchema.properties as object | undefined) ?? {});
      const suggestion = closest(field, known);
      if (SETTING_SCHEMAS.has(parentSchema)) {
        return { segments: [...at, field], message: messages.notSettingKeyword(field, suggestion) };
      }
      const topLevel = at.length === 0 && "patternProperties" in parentSchema;
      return { segments: [...at, field], message: messages.unknownField(topLevel, suggestion) };
    }
    case "type":
      return { segments: at, message: messages.wrongType(String(params.type), value) };
    case "const":
      return { segments: at, message: messages.notConst(params.allowedValue, value) };
    case "enum":
      return {
        segments: at,
        message: messages.notInEnum(params.allowedValues as unknown[], value),
      };
    case "pattern": {
      // A `propertyNames` failure: the key is the value at fault.
      const segments = error.propertyName === undefined ? at : [...at, error.propertyName];
      const hint = parentSchema.patternErrorMessage;
      return {
        segments,
        message: messages.patternMismatch(value, typeof hint === "string" ? hint : undefined),
      };
    }
    case "format": {
      const format = manifestFormats[String(params.format)];
      const message =
        format && typeof value === "string" ? format.message(value) : (error.message ?? "");
      return { segments: at, message };
    }
    case "minLength":
      return { segments: at, message: messages.tooShort(Number(params.limit)) };
    case "maxLength":
      return { segments: at, message: messages.tooLong(Number(params.limit)) };
    case "minItems":
      return { segments: at, message: messages.tooFewItems(Number(params.limit)) };
    case "maxItems":
      return { segments: at, message: messages.tooManyItems(Number(params.limit)) };
    case "maxProperties":
      return { segments: at, message: messages.tooManyEntries(Number(params.limit)) };
    case "uniqueItems": {
      const first = Math.min(Number(params.i), Number(params.j));
      const second = Math.max(Number(params.i), Number(params.j));
      const item = Array.isArray(value) ? value[second] : undefined;
      return {
        segments: [...at, second],
        message: messages.listedTwice(item, formatPath([...at, first])),
      };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        segments: at,
        message: messages.outOfRange(
          comparisonWords(params.comparison),
          Number(params.limit),
          value,
        ),
      };
    case "multipleOf":
      return { segments: at, message: messages.notMultipleOf(Number(params.multipleOf), value) };
    default:
      return { segments: at, message: error.message ?? `fails "${error.keyword}"` };
  }
}

function requiredMessage(error: AjvError, missing: string): string {
  const data = error.data as Record<string, unknown> | undefined;
  // `scope` is required by a capability's `if`/`then`: say for which capability and why.
  if (missing === "scope" && typeof data?.name === "string") {
    return messages.scopeRequired(data.name);
  }
  return messages.required();
}

function comparisonWords(comparison: unknown): string {
  switch (comparison) {
    case ">=":
      return "at least";
    case "<=":
      return "at most";
    case ">":
      return "greater than";
    default:
      return "less than";
  }
}

/**
 * Segments of an ajv instance path (a JSON pointer), with array indexes as numbers. Whether a
 * segment is an index depends on the data, so the pointer is walked through it.
 */
export function segmentsOf(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const segments: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(current) && /^\d+$/.test(key)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current =
        typeof current === "object" && current !== null
          ? (current as Record<string, unknown>)[key]
          : undefined;
    }
  }
  return segments;
}

/** The known name within two edits of `name`, for "did you mean". */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64 || b.length > 64) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] ?? 3;
}
