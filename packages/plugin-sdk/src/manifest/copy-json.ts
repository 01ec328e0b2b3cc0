/**
 * Copies a would-be manifest into fresh plain JSON data, or says why it is not JSON data.
 *
 * `validateManifest` accepts `unknown` — the result of `JSON.parse`, but also an object built in
 * code, a class instance, a cyclic graph, a proxy — and must never throw or hang on it. Copying
 * first means ajv only ever sees bounded, acyclic, plain data; every property is read exactly
 * once, so a getter cannot show the validator one value and the caller another; and the
 * manifest returned belongs to the caller alone.
 */

import { messages } from "./messages.js";
import { type FoundProblem, formatPath, type PathSegment } from "./problems.js";

export const LIMITS = {
  /** Nesting depth; the deepest valid manifest (a setting with nested objects) is far less. */
  depth: 32,
  /** Values (objects, arrays and primitives) in the whole manifest. */
  values: 20_000,
  /** Characters over all strings and keys. */
  text: 1_000_000,
  /** Values that are not JSON data reported before giving up. */
  problems: 100,
};

export type CopyResult = { ok: true; value: unknown } | { ok: false; problems: FoundProblem[] };

export function copyJson(input: unknown): CopyResult {
  const problems: FoundProblem[] = [];
  const ancestors: unknown[] = [];
  const path: PathSegment[] = [];
  let values = 0;
  let text = 0;

  // Thrown to stop the walk at the first exceeded limit; the problem is already recorded.
  const tooBig = Symbol("too big");

  function fail(message: string): void {
    problems.push({ segments: [...path], message });
    if (problems.length >= LIMITS.problems) {
      problems.push({ segments: [], message: messages.tooManyProblems(LIMITS.problems) });
      throw tooBig;
    }
  }

  function count(characters: number): void {
    values++;
    text += characters;
    if (values > LIMITS.values) tooManyValues();
    if (text > LIMITS.text) {
      problems.push({ segments: [], message: messages.tooMuchText(LIMITS.text) });
      throw tooBig;
    }
  }

  function tooManyValues(): never {
    problems.push({ segments: [], message: messages.tooManyValues(LIMITS.values) });
    throw tooBig;
  }

  function copy(value: unknown): unknown {
    count(typeof value === "string" ? value.length : 0);
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) fail(messages.notJsonData(value));
      return value;
    }
    if (typeof value !== "object") {
      fail(messages.notJsonData(value));
      return undefined;
    }
    const cycleAt = ancestors.indexOf(value);
    if (cycleAt !== -1) {
      fail(messages.circular(formatPath(path.slice(0, cycleAt))));
      return undefined;
    }
    if (ancestors.length >= LIMITS.depth) {
      fail(messages.tooDeep(LIMITS.depth));
      throw tooBig;
    }
    ancestors.push(value);
    try {
      return Array.isArray(value) ? copyArray(value) : copyObject(value);
    } finally {
      ancestors.pop();
    }
  }

  function copyArray(array: readonly unknown[]): unknown[] {
    const result: unknown[] = [];
    const length = array.length;
    if (values + length > LIMITS.values) tooManyValues();
    for (let index = 0; index < length; index++) {
      path.push(index);
      result.push(copy(array[index]));
      path.pop();
    }
    return result;
  }

  function copyObject(object: object): Record<string, unknown> | undefined {
    if (!isPlainObject(object)) {
      fail(messages.notJsonData(object));
      return undefined;
    }
    const result: Record<string, unknown> = {};
    const keys = Object.keys(object);
    if (values + keys.length > LIMITS.values) tooManyValues();
    for (const key of keys) {
      path.push(key);
      const item: unknown = (object as Record<string, unknown>)[key];
      // As in JSON.stringify, a property set to `undefined` is absent.
      if (item === undefined) {
        path.pop();
        continue;
      }
      count(key.length);
      // defineProperty, so a key such as "__proto__" stays a key (and is reported as unknown).
      Object.defineProperty(result, key, {
        value: copy(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      path.pop();
    }
    return result;
  }

  try {
    const value = copy(input);
    return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
  } catch (error) {
    if (error === tooBig) return { ok: false, problems };
    // A proxy trap or getter threw while reading the input.
    problems.push({ segments: [...path], message: messages.unexpected(error) });
    return { ok: false, problems };
  }
}

/** An object literal or `JSON.parse` result, possibly from another realm; not a class instance. */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null) return true;
  if (prototype === Object.prototype) return true;
  return (
    Object.prototype.toString.call(value) === "[object Object]" &&
    Object.getPrototypeOf(prototype) === null &&
    typeof prototype === "object" &&
    Object.hasOwn(prototype, "hasOwnProperty")
  );
}
