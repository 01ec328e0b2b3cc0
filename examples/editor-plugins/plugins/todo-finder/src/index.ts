/**
 * TODO finder: the notes left in the document (`TODO`, `FIXME`, `XXX`) in the problems list and
 * their number in the status bar, kept up to date as the document changes.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events, statusBar, ui } from "cove";
import { findNotes, type Note } from "./find.js";

interface Settings {
  readonly "todo.keywords": readonly string[];
}

export const { activate, deactivate } = definePlugin<Settings>({
  activate(context) {
    const keywords = context.settings["todo.keywords"];
    let notes: Note[] = [];
    let shown = "";

    const scan = () => {
      notes = findNotes(editor.getText(), keywords);
      const key = notes.map((n) => `${n.line}:${n.column}:${n.text}`).join("\n");
      if (key === shown) return;
      shown = key;
      ui.setProblems(
        notes.map((note) => ({
          line: note.line,
          column: note.column,
          length: note.keyword.length,
          message: `${note.keyword}${note.owner === null ? "" : ` (${note.owner})`}: ${note.text || "(no text)"}`,
          severity: note.keyword === "TODO" ? "info" : "warning",
          code: note.keyword.toLowerCase(),
        })),
      );
      statusBar.set("count", notes.length === 1 ? "1 TODO" : `${notes.length} TODOs`, {
        priority: 300,
      });
    };

    events.on("document.opened", scan);
    events.on("document.changed", scan);
    cove.commands.register("todo.list", () => {
      scan();
      return notes.map((note) => ({ ...note }));
    });
    // Activated by the document opening: that event is delivered after activation.
  },
  deactivate() {
    ui.setProblems([]);
  },
});
