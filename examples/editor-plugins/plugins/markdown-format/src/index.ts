/**
 * Markdown formatter: the command `markdown.format` rewrites the document's Markdown into one
 * consistent style, as one undoable edit that touches only what changed.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, ui } from "cove";
import { changedLines, diff, type FormatOptions, formatMarkdown } from "./format.js";

interface Settings {
  readonly "markdown.bullet": FormatOptions["bullet"];
}

export const { activate } = definePlugin<Settings>({
  activate(context) {
    const options: FormatOptions = { bullet: context.settings["markdown.bullet"] };

    cove.commands.register("markdown.format", () => {
      const { version } = editor.getInfo();
      const before = editor.getText();
      const after = formatMarkdown(before, options);
      if (after === before) {
        ui.showMessage("info", "Already formatted.");
        return { changedLines: 0 };
      }
      const change = diff(before, after);
      // Only if nobody changed the document since we read it.
      editor.replaceRange(change.from, change.to, change.insert, version);
      const lines = changedLines(before, after);
      ui.showMessage(
        "info",
        `Formatted the document: ${lines} line${lines === 1 ? "" : "s"} changed.`,
      );
      return { changedLines: lines };
    });
  },
});
