/** Markdown formatting rules, as pure functions of the text. */

export interface FormatOptions {
  readonly bullet: "-" | "*" | "+";
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{1,6})[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^(\s*)[-*+][ \t]+/;
const ORDERED = /^\s*\d+[.)][ \t]+/;

type Kind = "blank" | "heading" | "list" | "code" | "code-end" | "text";

/**
 * - ATX headings get one space after the `#`s and lose closing `#`s: `##Install` → `## Install`;
 * - a blank line before and after each heading and fenced code block, and before a list;
 * - unordered list items use one bullet marker;
 * - trailing whitespace goes, runs of blank lines become one, the file ends with one newline;
 * - fenced code blocks are left exactly as they are.
 */
export function formatMarkdown(text: string, options: FormatOptions): string {
  const out: string[] = [];
  let previous: Kind | undefined;
  const push = (line: string, kind: Kind) => {
    if (kind === "blank") {
      if (previous !== "blank" && previous !== undefined) out.push("");
      previous = previous === undefined ? undefined : "blank";
      return;
    }
    const needsGap =
      previous !== undefined &&
      previous !== "blank" &&
      (kind === "heading" ||
        previous === "heading" ||
        previous === "code-end" ||
        (kind === "code" && previous !== "code") ||
        (kind === "list" && previous === "text"));
    if (needsGap) out.push("");
    out.push(line);
    previous = kind;
  };

  let fence: string | undefined;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (fence !== undefined) {
      const closes = raw.trim().startsWith(fence);
      if (closes) fence = undefined;
      out.push(raw);
      previous = closes ? "code-end" : "code";
      continue;
    }
    const line = raw.replace(/[ \t]+$/, "");
    const opening = FENCE.exec(line);
    if (opening !== null) {
      push(line, "code");
      fence = opening[1];
      continue;
    }
    if (line === "") {
      push("", "blank");
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      push(`${heading[1]} ${heading[2]}`, "heading");
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      push(`${bullet[1]}${options.bullet} ${line.slice(bullet[0].length)}`, "list");
      continue;
    }
    if (ORDERED.test(line)) {
      push(line, "list");
      continue;
    }
    // An indented line right after a list item continues it.
    push(line, previous === "list" && /^\s/.test(line) ? "list" : "text");
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}

/** The smallest single change turning `before` into `after`: common prefix and suffix kept. */
export function diff(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { from: start, to: endBefore, insert: after.slice(start, endAfter) };
}

/** How many lines differ between two texts (by position, for a summary). */
export function changedLines(before: string, after: string): number {
  const a = before.split("\n");
  const b = after.split("\n");
  const common = new Map<string, number>();
  for (const line of a) common.set(line, (common.get(line) ?? 0) + 1);
  let kept = 0;
  for (const line of b) {
    const n = common.get(line) ?? 0;
    if (n > 0) {
      kept++;
      common.set(line, n - 1);
    }
  }
  return Math.max(a.length, b.length) - kept;
}
