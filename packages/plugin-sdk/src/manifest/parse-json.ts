/**
 * A JSON parser that remembers where each value is, so a manifest problem can point at its
 * line and column, and that reports syntax errors at their position in words meant for people
 * (`JSON.parse` messages differ between engines and versions, and positions are offsets).
 * Duplicate keys, which `JSON.parse` resolves silently, are reported too.
 *
 * Grammar: RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259). A leading byte-order mark is
 * skipped. Nesting is limited, so hostile input cannot exhaust the stack.
 */

import { messages } from "./messages.js";
import { type FoundProblem, formatPath, type PathSegment } from "./problems.js";

export interface Position {
  line: number;
  column: number;
}

export type ParsedJson =
  | {
      ok: true;
      value: unknown;
      /** Where the value at `segments` starts; for an object member, where its key starts. */
      locate(segments: readonly PathSegment[]): Position | undefined;
      /** Keys given twice in one object, as problems located at the second. */
      duplicates: FoundProblem[];
    }
  | { ok: false; problem: FoundProblem };

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})$/;

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    detail: string,
  ) {
    super(detail);
  }
}

export function parseJson(source: string): ParsedJson {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const offsets = new Map<string, number>();
  const duplicateOffsets: { segments: PathSegment[]; key: string; offset: number }[] = [];
  const path: PathSegment[] = [];
  let pos = 0;

  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);

  function positionOf(offset: number): Position {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  }

  function skipWhitespace(): void {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else if (c === 0x2f && (text[pos + 1] === "/" || text[pos + 1] === "*")) {
        throw new SyntaxProblem(pos, "comments are not allowed in JSON");
      } else break;
    }
  }

  function unexpected(expected: string): SyntaxProblem {
    if (pos >= text.length) return new SyntaxProblem(pos, `unexpected end of file, ${expected}`);
    const found = text.codePointAt(pos) ?? 0;
    const shown =
      found < 0x20 ? `\\u${found.toString(16).padStart(4, "0")}` : String.fromCodePoint(found);
    return new SyntaxProblem(pos, `unexpected '${shown}', ${expected}`);
  }

  function parseValue(depth: number): unknown {
    skipWhitespace();
    const key = formatPath(path);
    if (!offsets.has(key)) offsets.set(key, pos);
    const c = text[pos];
    if (c === "{") return parseObject(depth + 1);
    if (c === "[") return parseArray(depth + 1);
    if (c === '"') return parseString();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return parseNumber();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    throw unexpected("expected a value");
  }

  function enter(depth: number): void {
    if (depth > MAX_DEPTH)
      throw new SyntaxProblem(pos, `nested more than ${MAX_DEPTH} levels deep`);
    pos++;
  }

  function parseObject(depth: number): Record<string, unknown> {
    enter(depth);
    const result: Record<string, unknown> = {};
    skipWhitespace();
    if (text[pos] === "}") {
      pos++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') {
        throw text[pos] === "}"
          ? new SyntaxProblem(pos, "trailing commas are not allowed in JSON")
          : unexpected("expected a property name in double quotes");
      }
      const keyOffset = pos;
      const key = parseString();
      path.push(key);
      if (Object.hasOwn(result, key)) {
        duplicateOffsets.push({ segments: [...path], key, offset: keyOffset });
      } else {
        offsets.set(formatPath(path), keyOffset);
      }
      skipWhitespace();
      if (text[pos] !== ":") throw unexpected('expected ":" after a property name');
      pos++;
      Object.defineProperty(result, key, {
        value: parseValue(depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      path.pop();
      skipWhitespace();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      if (text[pos] === "}") {
        pos++;
        return result;
      }
      throw unexpected('expected "," or "}" after a property value');
    }
  }

  function parseArray(depth: number): unknown[] {
    enter(depth);
    const result: unknown[] = [];
    skipWhitespace();
    if (text[pos] === "]") {
      pos++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] === "]")
        throw new SyntaxProblem(pos, "trailing commas are not allowed in JSON");
      path.push(result.length);
      result.push(parseValue(depth));
      path.pop();
      skipWhitespace();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      if (text[pos] === "]") {
        pos++;
        return result;
      }
      throw unexpected('expected "," or "]" after an array item');
    }
  }

  function parseString(): string {
    const start = pos;
    pos++;
    for (;;) {
      if (pos >= text.length) throw new SyntaxProblem(start, "this string is never closed");
      const c = text.charCodeAt(pos);
      if (c === 0x22) break;
      if (c < 0x20) {
        throw new SyntaxProblem(
          pos,
          "line breaks and control characters must be escaped in strings",
        );
      }
      if (c === 0x5c) {
        const length = text[pos + 1] === "u" ? 6 : 2;
        if (!ESCAPE.test(text.slice(pos, pos + length))) {
          throw new SyntaxProblem(pos, "invalid escape sequence in a string");
        }
        pos += length;
      } else {
        pos++;
      }
    }
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  }

  function parseNumber(): number {
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (match === null) throw unexpected("expected a number");
    pos = NUMBER.lastIndex;
    return Number(match[0]);
  }

  try {
    const value = parseValue(0);
    skipWhitespace();
    if (pos < text.length) throw unexpected("expected the end of the file after the value");
    return {
      ok: true,
      value,
      locate(segments) {
        // A missing field is located at the nearest enclosing value that exists.
        for (let n = segments.length; n >= 0; n--) {
          const offset = offsets.get(formatPath(segments.slice(0, n)));
          if (offset !== undefined) return positionOf(offset);
        }
        return undefined;
      },
      duplicates: duplicateOffsets.map(({ segments, key, offset }) => ({
        segments,
        message: messages.duplicateKey(key),
        ...positionOf(offset),
      })),
    };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return {
      ok: false,
      problem: {
        segments: [],
        message: messages.jsonSyntax(error.message),
        ...positionOf(error.offset),
      },
    };
  }
}
