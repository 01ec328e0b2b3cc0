/** Finding TODO notes: a pure function of the text. */

export interface Note {
  readonly line: number;
  readonly column: number;
  readonly keyword: string;
  /** `maria` in `TODO(maria): …`. */
  readonly owner: string | null;
  readonly text: string;
}

const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * Every note: a keyword (as a whole word, in capitals) followed by an optional `(owner)`, an
 * optional `:` and the note's text up to the end of the line.
 */
export function findNotes(text: string, keywords: readonly string[]): Note[] {
  const notes: Note[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    for (const keyword of keywords) {
      let at = line.indexOf(keyword);
      while (at !== -1) {
        const before = at === 0 ? "" : line.charAt(at - 1);
        const after = line.charAt(at + keyword.length);
        if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) {
          notes.push(parseNote(line, at, keyword, index + 1));
          break;
        }
        at = line.indexOf(keyword, at + keyword.length);
      }
    }
  }
  return notes.sort((a, b) => a.line - b.line || a.column - b.column);
}

function parseNote(line: string, at: number, keyword: string, lineNumber: number): Note {
  let rest = line.slice(at + keyword.length);
  let owner: string | null = null;
  const match = /^\(([^)]{1,40})\)/.exec(rest);
  if (match !== null) {
    owner = match[1] as string;
    rest = rest.slice(match[0].length);
  }
  rest = rest.replace(/^\s*:?\s*/, "").trim();
  return { line: lineNumber, column: at + 1, keyword, owner, text: rest };
}
