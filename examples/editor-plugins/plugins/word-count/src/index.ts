/**
 * Word count: the number of words and the reading time in the status bar, kept up to date as the
 * document changes, and announced to other plugins as `wordCount.updated`.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events, statusBar, ui } from "cove";
import { measure, plural, type TextStats } from "./count.js";

interface Settings {
  readonly "wordCount.wordsPerMinute": number;
  readonly "wordCount.includeCode": boolean;
}

export const { activate } = definePlugin<Settings>({
  activate(context) {
    const wordsPerMinute = context.settings["wordCount.wordsPerMinute"];
    const includeCode = context.settings["wordCount.includeCode"];
    let last: TextStats | undefined;

    const update = () => {
      const stats = measure(editor.getText(), wordsPerMinute, includeCode);
      if (last !== undefined && last.words === stats.words && last.minutes === stats.minutes) {
        return;
      }
      last = stats;
      statusBar.set("words", `${plural(stats.words, "word")} · ${stats.minutes} min read`, {
        priority: 500,
        tooltip: `${plural(stats.characters, "character")}, at ${wordsPerMinute} words a minute`,
      });
      events.emit("wordCount.updated", { ...stats });
    };

    events.on("document.opened", update);
    events.on("document.changed", update);
    cove.commands.register("wordCount.show", () => {
      const stats = measure(editor.getText(), wordsPerMinute, includeCode);
      ui.showMessage(
        "info",
        `${plural(stats.words, "word")}, ${plural(stats.characters, "character")}, about ${plural(stats.minutes, "minute")} to read`,
      );
      return { ...stats };
    });
  },
});
