/** Finding misspellings in Markdown text: pure functions. */

export interface Misspelling {
  readonly from: number;
  readonly to: number;
  readonly word: string;
  readonly correction: string;
}

/** Keeps the case of the original: `Teh` → `The`, `TEH` → `THE`. */
export function matchCase(original: string, correction: string): string {
  if (original === original.toUpperCase() && original.length > 1) return correction.toUpperCase();
  if (original[0] === original[0]?.toUpperCase()) {
    return correction.charAt(0).toUpperCase() + correction.slice(1);
  }
  return correction;
}

/**
 * Every word found in `corrections` (lowercased) and not in `ignored`, outside fenced code blocks
 * and inline code spans.
 */
export function findMisspellings(
  text: string,
  corrections: Readonly<Record<string, string>>,
  ignored: ReadonlySet<string>,
): Misspelling[] {
  const found: Misspelling[] = [];
  let inFence = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence) checkLine(line, lineStart, corrections, ignored, found);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return found;
}

function checkLine(
  line: string,
  offset: number,
  corrections: Readonly<Record<string, string>>,
  ignored: ReadonlySet<string>,
  found: Misspelling[],
): void {
  let inCode = false;
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const ch = i < line.length ? line.charCodeAt(i) : 32;
    const letter = (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90);
    if (letter && start === -1) start = i;
    if (!letter && start !== -1) {
      const word = line.slice(start, i);
      const lower = word.toLowerCase();
      const correction = Object.hasOwn(corrections, lower) ? corrections[lower] : undefined;
      if (!inCode && correction !== undefined && !ignored.has(lower)) {
        found.push({
          from: offset + start,
          to: offset + i,
          word,
          correction: matchCase(word, correction),
        });
      }
      start = -1;
    }
    if (ch === 96) inCode = !inCode; // a backtick opens or closes a code span
  }
}
