/**
 * Reads a test262 test's metadata: the YAML block between `/*---` and `---*\/`
 * (INTERPRETING.md, "Metadata"). test262 uses a small, regular subset of YAML — top-level keys at
 * column 0 with a scalar, a flow list (`[a, b]`), a block list (`- a` lines), a nested map
 * (`negative:` with indented `phase:`/`type:`) or a block scalar (`|`, `>`) — so this parses that
 * subset rather than pulling in a YAML library.
 */

export type Phase = "parse" | "resolution" | "runtime";

export interface Negative {
  phase: Phase;
  /** The expected error constructor's name, e.g. "SyntaxError". */
  type: string;
}

export interface TestMeta {
  includes: string[];
  flags: string[];
  features: string[];
  negative: Negative | undefined;
  description: string;
}

type YamlValue = string | string[] | Record<string, string>;

export class FrontmatterError extends Error {}

const KEY_LINE = /^([A-Za-z_$][\w.$-]*):(.*)$/;

/** Returns the raw frontmatter text of a test, or undefined when it has none. */
export function extractFrontmatter(source: string): string | undefined {
  const start = source.indexOf("/*---");
  if (start < 0) return undefined;
  const end = source.indexOf("---*/", start + 5);
  if (end < 0) throw new FrontmatterError("unterminated frontmatter (no ---*/)");
  return source.slice(start + 5, end);
}

/** Parses the YAML subset test262 frontmatter uses into plain values. */
export function parseYamlSubset(text: string): Record<string, YamlValue> {
  const out: Record<string, YamlValue> = {};
  const lines = dedent(text.split(/\r\n|\n|\r/));
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    i++;
    if (isBlank(line) || line.startsWith("#")) continue;
    const m = KEY_LINE.exec(line);
    if (m === null) throw new FrontmatterError(`unexpected frontmatter line: ${line.trim()}`);
    const key = m[1] as string;
    const rest = stripComment(m[2] as string).trim();
    // The block belonging to this key: the following indented or blank lines.
    const block: string[] = [];
    while (i < lines.length) {
      const next = lines[i] as string;
      if (!isBlank(next) && !/^\s/.test(next)) break;
      block.push(next);
      i++;
    }
    if (rest === "" || rest.startsWith("|") || rest.startsWith(">")) {
      out[key] = rest === "" ? parseBlock(key, block) : blockScalar(rest, block);
    } else if (rest.startsWith("[")) {
      out[key] = flowList(key, [rest, ...block.map((l) => stripComment(l).trim())].join(" "));
    } else {
      out[key] = unquote([rest, ...block.map((l) => l.trim())].join(" ").trim());
    }
  }
  return out;
}

/** Parses a test's metadata. Tests without frontmatter get empty metadata. */
export function parseFrontmatter(source: string): TestMeta {
  const text = extractFrontmatter(source);
  const yaml = text === undefined ? {} : parseYamlSubset(text);
  return {
    includes: asList(yaml, "includes"),
    flags: asList(yaml, "flags"),
    features: asList(yaml, "features"),
    negative: asNegative(yaml.negative),
    description: typeof yaml.description === "string" ? yaml.description : "",
  };
}

function parseBlock(key: string, block: string[]): YamlValue {
  const items = block.map((l) => stripComment(l).trim()).filter((l) => l !== "");
  if (items.length === 0) return "";
  if (items.every((l) => l.startsWith("-"))) return items.map((l) => unquote(l.slice(1).trim()));
  const map: Record<string, string> = {};
  for (const item of items) {
    const m = KEY_LINE.exec(item);
    if (m === null) throw new FrontmatterError(`cannot read "${item}" under "${key}:"`);
    map[m[1] as string] = unquote(stripComment(m[2] as string).trim());
  }
  return map;
}

function blockScalar(indicator: string, block: string[]): string {
  let end = block.length;
  while (end > 0 && isBlank(block[end - 1] as string)) end--;
  const body = block.slice(0, end);
  const indent = Math.min(...body.filter((l) => !isBlank(l)).map(leading));
  const stripped = body.map((l) => (isBlank(l) ? "" : l.slice(indent)));
  if (indicator.startsWith("|")) return stripped.join("\n");
  // Folded: single newlines become spaces, blank lines become newlines.
  return stripped.reduce((acc, l) => {
    if (l === "") return `${acc}\n`;
    return acc === "" || acc.endsWith("\n") ? acc + l : `${acc} ${l}`;
  }, "");
}

function flowList(key: string, text: string): string[] {
  const t = text.trim();
  if (!t.startsWith("[") || !t.endsWith("]")) {
    throw new FrontmatterError(`unterminated list for "${key}": ${t}`);
  }
  const inner = t.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((s) => unquote(s.trim()));
}

function asList(yaml: Record<string, YamlValue>, key: string): string[] {
  const v = yaml[key];
  if (v === undefined || v === "") return [];
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [v];
  throw new FrontmatterError(`"${key}" must be a list`);
}

function asNegative(v: YamlValue | undefined): Negative | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) {
    throw new FrontmatterError('"negative" must be a map with "phase" and "type"');
  }
  const { phase, type } = v;
  if (phase !== "parse" && phase !== "resolution" && phase !== "runtime") {
    throw new FrontmatterError(`unknown negative phase "${phase}"`);
  }
  if (type === undefined || type === "") throw new FrontmatterError('"negative" has no "type"');
  return { phase, type };
}

/** A few tests indent the whole block; YAML allows it, so the top level starts at its indent. */
function dedent(lines: string[]): string[] {
  const first = lines.find((l) => !isBlank(l));
  const indent = first === undefined ? 0 : (/^[ \t]*/.exec(first) as RegExpExecArray)[0].length;
  if (indent === 0) return lines;
  return lines.map((l) => (isBlank(l) ? "" : l.slice(Math.min(indent, leading(l)))));
}

function leading(line: string): number {
  return (/^[ \t]*/.exec(line) as RegExpExecArray)[0].length;
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function stripComment(s: string): string {
  const i = s.search(/(^|\s)#/);
  return i < 0 ? s : s.slice(0, i);
}

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) {
    return s.slice(1, -1);
  }
  return s;
}
