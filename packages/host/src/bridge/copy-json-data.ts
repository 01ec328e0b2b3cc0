/**
 * Copies a value that crosses from one plugin to another (a request's payload, its answer) into
 * fresh JSON data, or says why it is not JSON data. Only data crosses between plugins: never a
 * function (it would let one plugin run code in another's sandbox, outside its budget), never
 * a cycle, and never more than a bounded amount, because the copy is made in host memory.
 *
 * JSON's own rules for what it leaves out apply: an object property whose value is `undefined`
 * is dropped, an `undefined` array element becomes `null`, and a value that is `undefined` as a
 * whole stays `undefined` (a request without a payload, a handler that returns nothing).
 */

export const JSON_DATA_LIMITS = {
  depth: 64,
  /** Values (objects, arrays and primitives) in one copy. */
  values: 100_000,
  /** Characters over all strings and keys of one copy. */
  text: 4 * 1024 * 1024,
} as const;

export type JsonCopy = { ok: true; value: unknown } | { ok: false; problem: string };

class NotJson extends Error {}

export function copyJsonData(input: unknown, root: string): JsonCopy {
  if (input === undefined) return { ok: true, value: undefined };
  let values = 0;
  let text = 0;
  const ancestors = new Set<object>();
  const fail = (path: string, why: string): never => {
    throw new NotJson(`${path}: ${why}`);
  };
  const copy = (value: unknown, path: string, depth: number): unknown => {
    if (++values > JSON_DATA_LIMITS.values) {
      fail(root, `more than ${JSON_DATA_LIMITS.values} values`);
    }
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "number") {
      return Number.isFinite(value) ? value : fail(path, `${value} is not a JSON number`);
    }
    if (typeof value === "string") {
      text += value.length;
      if (text > JSON_DATA_LIMITS.text) fail(root, `more than ${JSON_DATA_LIMITS.text} characters`);
      return value;
    }
    if (typeof value !== "object") return fail(path, `a ${typeof value} is not JSON data`);
    if (depth >= JSON_DATA_LIMITS.depth) fail(path, `nested deeper than ${JSON_DATA_LIMITS.depth}`);
    if (ancestors.has(value)) fail(path, "a cycle is not JSON data");
    ancestors.add(value);
    try {
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out.push(item === undefined ? null : copy(item, `${path}[${i}]`, depth + 1));
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        fail(path, "only plain objects and arrays are JSON data");
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        text += key.length;
        Object.defineProperty(out, key, {
          value: copy(item, `${path}.${key}`, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    } finally {
      ancestors.delete(value);
    }
  };
  try {
    return { ok: true, value: copy(input, root, 0) };
  } catch (error) {
    if (error instanceof NotJson) return { ok: false, problem: error.message };
    throw error;
  }
}
