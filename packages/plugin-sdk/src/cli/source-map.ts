/**
 * Maps positions in a built plugin back to its sources, so `cove-plugin test` shows the author's
 * own file:line (`src/index.ts:5:25`) where the host reports the bundle's (`dist/main.js:9:30`).
 * Reads the source map `build` writes next to the bundle (source map v3, the `mappings` VLQ
 * encoding: https://tc39.es/ecma426/#sec-mappings).
 */

import { readFile } from "node:fs/promises";
import path from "node:path";

interface Segment {
  readonly column: number;
  readonly source: number;
  readonly line: number;
  readonly sourceColumn: number;
}

export interface SourceMapper {
  /** `file:line:column` of the source, for a 1-based line and column of the bundle. */
  original(line: number, column: number): string | undefined;
}

/** The mapper of `bundle`'s `.map` file, or `undefined` when there is none or it is unreadable. */
export async function readSourceMap(
  bundle: string,
  show: (file: string) => string,
): Promise<SourceMapper | undefined> {
  let map: { sources?: unknown; mappings?: unknown };
  try {
    map = JSON.parse(await readFile(`${bundle}.map`, "utf8")) as typeof map;
  } catch {
    return undefined;
  }
  if (!Array.isArray(map.sources) || typeof map.mappings !== "string") return undefined;
  const sources = map.sources.map((source) =>
    show(path.resolve(path.dirname(bundle), String(source))),
  );
  const lines = decodeMappings(map.mappings);
  return {
    original(line, column) {
      const segments = lines[line - 1];
      if (segments === undefined) return undefined;
      let found: Segment | undefined;
      for (const segment of segments) {
        if (segment.column > column - 1) break;
        found = segment;
      }
      const source = found === undefined ? undefined : sources[found.source];
      if (found === undefined || source === undefined) return undefined;
      return `${source}:${found.line + 1}:${found.sourceColumn + 1}`;
    },
  };
}

/** Replaces each `bundle:line:column` in `text` by the source position it came from. */
export function mapPositions(text: string, bundleName: string, mapper: SourceMapper): string {
  const escaped = bundleName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, "g"), (match, line, column) => {
    return mapper.original(Number(line), Number(column)) ?? match;
  });
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Each generated line's segments, sorted by column, with absolute values. */
function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let sourceColumn = 0;
  for (const text of mappings.split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const encoded of text.split(",")) {
      if (encoded === "") continue;
      const fields = decodeVlq(encoded);
      column += fields[0] ?? 0;
      if (fields.length < 4) continue;
      source += fields[1] ?? 0;
      line += fields[2] ?? 0;
      sourceColumn += fields[3] ?? 0;
      segments.push({ column, source, line, sourceColumn });
    }
    lines.push(segments.sort((a, b) => a.column - b.column));
  }
  return lines;
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit === -1) return values;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
