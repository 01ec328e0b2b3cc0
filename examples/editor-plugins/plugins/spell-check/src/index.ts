/**
 * Spell check: misspellings (from a dictionary of common ones) in the problems list and their
 * number in the status bar; `spell.fixAll` corrects them all as one undoable edit; `spell.ignore`
 * remembers a word never to flag, in the plugin's storage.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events, statusBar, storage, ui } from "cove";
import { findMisspellings, type Misspelling } from "./check.js";
import { CORRECTIONS } from "./dictionary.js";

const IGNORED_KEY = "ignored";

export const { activate } = definePlugin({
  activate() {
    const ignored = new Set(storage.get<string[]>(IGNORED_KEY) ?? []);
    let found: Misspelling[] = [];
    let shown = "";

    const check = () => {
      const text = editor.getText();
      found = findMisspellings(text, CORRECTIONS, ignored);
      const key = found.map((m) => `${m.from}:${m.word}`).join(",");
      if (key === shown) return;
      shown = key;
      ui.setProblems(
        found.map((m) => {
          const { line, column } = editor.positionAt(m.from);
          return {
            line,
            column,
            length: m.to - m.from,
            message: `"${m.word}" is misspelled: ${m.correction}`,
            severity: "warning" as const,
            code: "spelling",
          };
        }),
      );
      statusBar.set(
        "count",
        found.length === 0
          ? "Spelling ✓"
          : `${found.length} misspelling${found.length === 1 ? "" : "s"}`,
        { priority: 200 },
      );
    };

    events.on("document.opened", check);
    events.on("document.changed", check);

    cove.commands.register("spell.fixAll", () => {
      const { version } = editor.getInfo();
      check();
      if (found.length === 0) return { fixed: 0 };
      editor.applyEdits(
        found.map((m) => ({ from: m.from, to: m.to, insert: m.correction })),
        version,
      );
      ui.showMessage(
        "info",
        `Fixed ${found.length} misspelling${found.length === 1 ? "" : "s"}: ${found
          .map((m) => `${m.word} → ${m.correction}`)
          .join(", ")}.`,
      );
      return { fixed: found.length };
    });

    cove.commands.register("spell.ignore", (word: unknown) => {
      if (typeof word !== "string" || word === "") return false;
      ignored.add(word.toLowerCase());
      storage.set(IGNORED_KEY, [...ignored]);
      shown = "";
      check();
      return true;
    });
  },
});
