/**
 * Every message a manifest problem can carry, in one place. A message completes
 * `<path>: …`, starts in lowercase and has no final period; it says what is wrong and, where it
 * can, what to write instead.
 */

const MAX_SHOWN = 60;

/** A value as the author wrote it, shortened: `"1.0"`, `42`, `null`, `an object`. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(shown);
}

function withArticle(typeName: string): string {
  return /^[aeiou]/.test(typeName) ? `an ${typeName}` : `a ${typeName}`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** A `patternErrorMessage` written as a sentence for editors, as the end of a problem. */
function hint(sentence: string): string {
  return sentence.replace(/\.$/, "");
}

export const messages = {
  // Shape
  required: () => "is required",
  unknownField: (topLevel: boolean, suggestion: string | undefined) =>
    (topLevel
      ? 'is not a manifest field (extension fields start with "x-")'
      : "is not a known field") + (suggestion ? `; did you mean "${suggestion}"?` : ""),
  notSettingKeyword: (keyword: string, suggestion: string | undefined) =>
    suggestion
      ? `is not a setting schema keyword; did you mean "${suggestion}"?`
      : `is not supported in a setting schema${
          keyword === "pattern" || keyword === "patternProperties"
            ? " (a regular expression from a plugin could stall the host)"
            : ""
        }; docs/manifest.md lists the keywords a setting may use`,
  wrongType: (expected: string, actual: unknown) =>
    `must be ${expected.split(",").map(withArticle).join(" or ")}, not ${describe(actual)}`,
  notConst: (expected: unknown, actual: unknown) =>
    `must be ${JSON.stringify(expected)}, not ${describe(actual)}`,
  notInEnum: (allowed: readonly unknown[], actual: unknown) =>
    `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, not ${describe(actual)}`,
  patternMismatch: (value: unknown, sentence: string | undefined) =>
    `${describe(value)} is not valid${sentence ? `. ${hint(sentence)}` : ""}`,
  tooShort: (limit: number) =>
    limit === 1 ? "must not be empty" : `must be at least ${limit} characters long`,
  tooLong: (limit: number) => `must be at most ${limit} characters long`,
  tooFewItems: (limit: number) =>
    limit === 1 ? "must list at least one item" : `must list at least ${limit} items`,
  tooManyItems: (limit: number) => `must list at most ${plural(limit, "item", "items")}`,
  tooManyEntries: (limit: number) => `must have at most ${plural(limit, "entry", "entries")}`,
  listedTwice: (value: unknown, firstPath: string) =>
    `${describe(value)} is listed twice (first at ${firstPath})`,
  outOfRange: (comparison: string, limit: number, actual: unknown) =>
    `must be ${comparison} ${limit}, not ${describe(actual)}`,
  notMultipleOf: (divisor: number, actual: unknown) =>
    `must be a multiple of ${divisor}, not ${describe(actual)}`,

  // Formats
  notSemverVersion: (value: string) =>
    `${quote(value)} is not a valid semver version (such as "1.2.3")`,
  notSemverRange: (value: string) =>
    `${quote(value)} is not a valid semver range (such as "^1.2.0")`,
  hostRangeAcceptsEverything: () =>
    'must be a semver range other than "*", naming the host versions the plugin works with (such as "^1.0.0")',
  notOrigin: (value: string, suggestion: string | undefined) =>
    `${quote(value)} is not an origin: use scheme://host[:port]` +
    (suggestion ? `, here ${quote(suggestion)}` : ', such as "https://api.example.com"'),

  // Meaning
  declaredTwice: (what: string, value: string, firstPath: string) =>
    `${what} ${quote(value)} is declared twice (first at ${firstPath})`,
  scopeRequired: (capability: string) =>
    `is required for ${quote(capability)}: list the ${
      capability === "net.fetch" ? "origins it may fetch from" : "event names it covers"
    }`,
  dependsOnItself: () => "a plugin cannot depend on itself",
  inBothDependencyLists: (id: string) =>
    `${quote(id)} is in both dependencies and optionalDependencies; keep one`,
  idMismatch: (actual: string, expected: string) =>
    `${quote(actual)} does not match the expected plugin id ${quote(expected)}`,
  unusableSettingSchema: (detail: string) => `is not a usable setting schema: ${detail}`,

  // Input that is not JSON data
  notJsonData: (actual: unknown) => `must be JSON data, not ${describeNonJson(actual)}`,
  circular: (targetPath: string) =>
    `refers back to ${targetPath || "the manifest itself"}: JSON data cannot be circular`,
  tooDeep: (limit: number) => `is nested more than ${limit} levels deep`,
  tooManyValues: (limit: number) => `the manifest has more than ${limit} values`,
  tooManyProblems: (limit: number) => `stopped after ${limit} problems`,
  tooMuchText: (limit: number) => `the manifest's text is longer than ${limit} characters`,

  // JSON text
  notText: (actual: unknown) => `the manifest text must be a string, not ${describe(actual)}`,
  jsonSyntax: (detail: string) => `invalid JSON: ${detail}`,
  duplicateKey: (key: string) =>
    `${quote(key)} is given twice in the same object; JSON keeps only the last, so remove one`,

  unexpected: (error: unknown) =>
    `the manifest could not be validated (${error instanceof Error ? error.message : String(error)})`,
};

function describeNonJson(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null) {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === "string" && name !== "" ? `an instance of ${name}` : "an exotic object";
  }
  return withArticle(typeof value);
}
