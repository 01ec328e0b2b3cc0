/**
 * The editor's document model: the text, the selections and the undo/redo history. Offsets are
 * UTF-16 code units from the start of the text, as JavaScript strings count them; lines and
 * columns are 1-based, as people read them.
 */

/** A selection: `anchor` is where it started, `head` where the cursor is. Empty when equal. */
export interface Selection {
  readonly anchor: number;
  readonly head: number;
}

/** Replace `[from, to)` with `insert`. */
export interface Change {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Who made a change: the user, the history, or a plugin (`plugin:acme.snippets`). */
export type ChangeOrigin = "user" | "undo" | "redo" | `plugin:${string}`;

/** One applied edit, as the document reports it to listeners. */
export interface AppliedEdit {
  readonly version: number;
  readonly origin: ChangeOrigin;
  /** The changes, each against the text before the edit, in document order. */
  readonly changes: readonly Change[];
}

interface HistoryEntry {
  /** What undoing the edit applies: the inverse changes, against the text after the edit. */
  readonly undo: readonly Change[];
  /** What redoing it applies, against the text before it. */
  readonly redo: readonly Change[];
  readonly selectionsBefore: readonly Selection[];
  readonly selectionsAfter: readonly Selection[];
}

const HISTORY_LIMIT = 200;

export class TextDocument {
  #text: string;
  #version = 1;
  #savedVersion = 1;
  #selections: Selection[] = [{ anchor: 0, head: 0 }];
  #undo: HistoryEntry[] = [];
  #redo: HistoryEntry[] = [];
  #lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    text: string,
  ) {
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }

  get length(): number {
    return this.#text.length;
  }

  /** Goes up by one for each edit, undo and redo. */
  get version(): number {
    return this.#version;
  }

  /** Changed since it was opened or last saved. */
  get dirty(): boolean {
    return this.#version !== this.#savedVersion;
  }

  get name(): string {
    return this.path.split(/[\\/]/).pop() ?? this.path;
  }

  get lineCount(): number {
    return this.#starts().length;
  }

  get selections(): readonly Selection[] {
    return this.#selections;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  markSaved(): void {
    this.#savedVersion = this.#version;
  }

  /** The text of line `line` (1-based), without its line break. */
  line(line: number): string {
    const starts = this.#starts();
    const start = starts[line - 1];
    if (start === undefined) throw new RangeError(`line ${line} is outside 1..${starts.length}`);
    const next = starts[line];
    const end = next === undefined ? this.#text.length : next - 1;
    return this.#text.slice(start, this.#text[end - 1] === "\r" ? end - 1 : end);
  }

  positionAt(offset: number): Position {
    const clamped = clamp(offset, 0, this.#text.length);
    const starts = this.#starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] as number) + 1 };
  }

  offsetAt(position: Position): number {
    const starts = this.#starts();
    const line = clamp(position.line, 1, starts.length);
    const start = starts[line - 1] as number;
    const next = starts[line];
    const end = next === undefined ? this.#text.length : next - 1;
    return clamp(start + position.column - 1, start, end);
  }

  /**
   * Applies `changes` (each against the current text, not overlapping) as one undoable edit and
   * maps the selections through it. Returns undefined when nothing changes.
   */
  apply(changes: readonly Change[], origin: ChangeOrigin): AppliedEdit | undefined {
    const sorted = this.#check(changes).filter((c) => c.from !== c.to || c.insert !== "");
    if (sorted.length === 0) return undefined;
    const before = this.#selections;
    const inverse = this.#replace(sorted);
    this.#selections = before.map((s) => ({
      anchor: mapOffset(s.anchor, sorted),
      head: mapOffset(s.head, sorted),
    }));
    this.#undo.push({
      undo: inverse,
      redo: sorted,
      selectionsBefore: before,
      selectionsAfter: this.#selections,
    });
    if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift();
    this.#redo = [];
    return { version: this.#version, origin, changes: sorted };
  }

  undo(): AppliedEdit | undefined {
    const entry = this.#undo.pop();
    if (entry === undefined) return undefined;
    this.#replace(entry.undo);
    this.#selections = [...entry.selectionsBefore];
    this.#redo.push(entry);
    return { version: this.#version, origin: "undo", changes: entry.undo };
  }

  redo(): AppliedEdit | undefined {
    const entry = this.#redo.pop();
    if (entry === undefined) return undefined;
    this.#replace(entry.redo);
    this.#selections = [...entry.selectionsAfter];
    this.#undo.push(entry);
    return { version: this.#version, origin: "redo", changes: entry.redo };
  }

  /** Sets the selections, clamped to the text; the first is the primary one. */
  select(selections: readonly Selection[]): boolean {
    if (selections.length === 0) throw new RangeError("at least one selection is needed");
    const next = selections.map((s) => ({
      anchor: clamp(s.anchor, 0, this.#text.length),
      head: clamp(s.head, 0, this.#text.length),
    }));
    const same =
      next.length === this.#selections.length &&
      next.every(
        (s, i) => s.anchor === this.#selections[i]?.anchor && s.head === this.#selections[i]?.head,
      );
    this.#selections = next;
    return !same;
  }

  /** Replaces every selection with `text` and puts each cursor after its insertion. */
  replaceSelections(text: string, origin: ChangeOrigin): AppliedEdit | undefined {
    const ranges = this.#selections.map((s) => ({
      from: Math.min(s.anchor, s.head),
      to: Math.max(s.anchor, s.head),
    }));
    const edit = this.apply(
      ranges.map((r) => ({ ...r, insert: text })),
      origin,
    );
    if (edit === undefined) return undefined;
    // Each cursor goes after its own insertion, whatever the mapping made of it.
    const ordered = [...ranges].sort((a, b) => a.from - b.from);
    let shift = 0;
    const after = new Map<{ from: number; to: number }, number>();
    for (const r of ordered) {
      after.set(r, r.from + shift + text.length);
      shift += text.length - (r.to - r.from);
    }
    this.#selections = ranges.map((r) => {
      const at = after.get(r) as number;
      return { anchor: at, head: at };
    });
    const top = this.#undo[this.#undo.length - 1];
    if (top !== undefined)
      this.#undo[this.#undo.length - 1] = { ...top, selectionsAfter: this.#selections };
    return edit;
  }

  #check(changes: readonly Change[]): Change[] {
    const sorted = [...changes].sort((a, b) => a.from - b.from || a.to - b.to);
    let end = 0;
    for (const c of sorted) {
      if (!Number.isInteger(c.from) || !Number.isInteger(c.to) || c.from > c.to) {
        throw new RangeError(`invalid range ${c.from}..${c.to}`);
      }
      if (c.from < 0 || c.to > this.#text.length) {
        throw new RangeError(
          `range ${c.from}..${c.to} is outside the document (0..${this.length})`,
        );
      }
      if (c.from < end) throw new RangeError(`changes overlap at ${c.from}`);
      end = c.to;
    }
    return sorted;
  }

  /** Replaces the sorted ranges; returns the inverse changes (against the new text). */
  #replace(sorted: readonly Change[]): Change[] {
    let out = "";
    let last = 0;
    let shift = 0;
    const inverse: Change[] = [];
    for (const c of sorted) {
      out += this.#text.slice(last, c.from) + c.insert;
      inverse.push({
        from: c.from + shift,
        to: c.from + shift + c.insert.length,
        insert: this.#text.slice(c.from, c.to),
      });
      shift += c.insert.length - (c.to - c.from);
      last = c.to;
    }
    this.#text = out + this.#text.slice(last);
    this.#version++;
    this.#lineStarts = undefined;
    return inverse;
  }

  #starts(): number[] {
    if (this.#lineStarts === undefined) {
      const starts = [0];
      for (let i = this.#text.indexOf("\n"); i !== -1; i = this.#text.indexOf("\n", i + 1)) {
        starts.push(i + 1);
      }
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }
}

/** Where `offset` ends up after `changes` (sorted, against the text the offset refers to). */
export function mapOffset(offset: number, changes: readonly Change[]): number {
  let shift = 0;
  for (const c of changes) {
    if (c.from >= offset && !(c.from === offset && c.to === offset)) break;
    if (offset < c.to) return c.from + shift + c.insert.length;
    shift += c.insert.length - (c.to - c.from);
  }
  return offset + shift;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
