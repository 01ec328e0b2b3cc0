/**
 * The status bar: the editor's own items (file name, cursor position) and the items plugins set
 * through `statusBar.set` (capability `ui.status`), each owned by the plugin that set it.
 */

export interface StatusItem {
  /** `editor:cursor`, or `<pluginId>:<id>` for a plugin's item. */
  readonly key: string;
  readonly owner: "editor" | string;
  readonly text: string;
  /** Higher comes first (left). Editor items are 1000 and up. */
  readonly priority: number;
  readonly tooltip: string | undefined;
}

const MAX_TEXT = 80;

export class StatusBar {
  readonly #items = new Map<string, StatusItem>();
  readonly #listeners = new Set<(item: StatusItem, removed: boolean) => void>();

  set(
    owner: string,
    id: string,
    text: string,
    options: { priority?: number; tooltip?: string } = {},
  ): void {
    const key = `${owner}:${id}`;
    const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    const previous = this.#items.get(key);
    const item: StatusItem = {
      key,
      owner,
      text: clipped,
      priority: options.priority ?? previous?.priority ?? 0,
      tooltip: options.tooltip ?? previous?.tooltip,
    };
    if (previous?.text === item.text && previous.priority === item.priority) return;
    this.#items.set(key, item);
    for (const listener of this.#listeners) listener(item, false);
  }

  remove(owner: string, id: string): boolean {
    const key = `${owner}:${id}`;
    const item = this.#items.get(key);
    if (item === undefined) return false;
    this.#items.delete(key);
    for (const listener of this.#listeners) listener(item, true);
    return true;
  }

  /** Removes every item of `owner` (a plugin that was unloaded). */
  removeOwner(owner: string): number {
    let removed = 0;
    for (const item of [...this.#items.values()]) {
      if (item.owner === owner) {
        this.#items.delete(item.key);
        for (const listener of this.#listeners) listener(item, true);
        removed++;
      }
    }
    return removed;
  }

  get(key: string): StatusItem | undefined {
    return this.#items.get(key);
  }

  /** The items left to right: by priority, then by key. */
  items(): StatusItem[] {
    return [...this.#items.values()].sort(
      (a, b) => b.priority - a.priority || a.key.localeCompare(b.key),
    );
  }

  /** One line, as the editor draws it: `notes.md ● │ Ln 3, Col 7 │ 412 words · 2 min read`. */
  render(separator = " │ "): string {
    return this.items()
      .map((item) => item.text)
      .join(separator);
  }

  onChange(listener: (item: StatusItem, removed: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
