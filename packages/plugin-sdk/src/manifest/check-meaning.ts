/**
 * Rules a JSON schema cannot state: names that must be unique across entries, and dependency
 * lists that must make sense for this plugin. They run on the copied manifest even when the
 * schema found problems, so one pass reports everything; each check skips data of the wrong
 * shape, which the schema has reported already.
 */

import { messages } from "./messages.js";
import { type FoundProblem, formatPath, type PathSegment } from "./problems.js";

type Data = Record<string, unknown>;

export function checkMeaning(manifest: Data, expectedId: string | undefined): FoundProblem[] {
  const problems: FoundProblem[] = [];
  const contributes = asObject(manifest.contributes);

  problems.push(
    ...findRepeats(contributes?.commands, ["contributes", "commands"], "id", "command"),
    ...findRepeats(manifest.capabilities, ["capabilities"], "name", "capability"),
  );

  const id = manifest.id;
  const dependencies = asObject(manifest.dependencies) ?? {};
  const optional = asObject(manifest.optionalDependencies) ?? {};
  if (typeof id === "string") {
    if (Object.hasOwn(dependencies, id)) {
      problems.push({ segments: ["dependencies", id], message: messages.dependsOnItself() });
    }
    if (Object.hasOwn(optional, id)) {
      problems.push({
        segments: ["optionalDependencies", id],
        message: messages.dependsOnItself(),
      });
    }
  }
  for (const dependency of Object.keys(optional)) {
    if (Object.hasOwn(dependencies, dependency) && dependency !== id) {
      problems.push({
        segments: ["optionalDependencies", dependency],
        message: messages.inBothDependencyLists(dependency),
      });
    }
  }

  if (expectedId !== undefined && typeof id === "string" && id !== expectedId) {
    problems.push({ segments: ["id"], message: messages.idMismatch(id, expectedId) });
  }
  return problems;
}

/** Entries of `list` whose `field` repeats an earlier entry's. */
function findRepeats(
  list: unknown,
  at: readonly PathSegment[],
  field: string,
  what: string,
): FoundProblem[] {
  if (!Array.isArray(list)) return [];
  const problems: FoundProblem[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((entry: unknown, index) => {
    const value = asObject(entry)?.[field];
    if (typeof value !== "string") return;
    const first = firstIndex.get(value);
    if (first === undefined) {
      firstIndex.set(value, index);
      return;
    }
    problems.push({
      segments: [...at, index, field],
      message: messages.declaredTwice(what, value, formatPath([...at, first, field])),
    });
  });
  return problems;
}

function asObject(value: unknown): Data | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Data)
    : undefined;
}
