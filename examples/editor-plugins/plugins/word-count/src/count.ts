/** Counting words in Markdown: pure functions, tested on their own. */

export interface TextStats {
  readonly words: number;
  readonly characters: number;
  /** Whole minutes, at least 1 for a non-empty text. */
  readonly minutes: number;
}

/**
 * Words are runs of letters, digits, apostrophes and hyphens; Markdown markup (`#`, `*`, `>`,
 * `|`) is not a word. Fenced code blocks count only with `includeCode`.
 */
export function countWords(text: string, includeCode: boolean): number {
  let words = 0;
  let inCode = false;
  for (const line of text.split("\n")) {
    if (line.trimStart().startsWith("```")) {
      inCode = !inCode;
      continue;
    }
    if (inCode && !includeCode) continue;
    words += countInLine(line);
  }
  return words;
}

function countInLine(line: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const wordChar: boolean =
      (code >= 97 && code <= 122) || // a-z
      (code >= 65 && code <= 90) || // A-Z
      (code >= 48 && code <= 57) || // 0-9
      code > 127 ||
      ((code === 39 || code === 45) && inWord); // ' and - inside a word
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  return words;
}

export function measure(text: string, wordsPerMinute: number, includeCode: boolean): TextStats {
  const words = countWords(text, includeCode);
  return {
    words,
    characters: text.length,
    minutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)),
  };
}

/** `1 word`, `1,234 words`. */
export function plural(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? "" : "s"}`;
}

/** `1234567` → `1,234,567`. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
