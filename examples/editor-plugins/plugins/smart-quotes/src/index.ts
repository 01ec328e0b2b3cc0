/**
 * Smart quotes (buggy): a runaway loop. The scanner only moves forward when it sees a quote, so
 * the first change to a document that holds anything else never ends — until the host stops the
 * handler at its per-event fuel budget, and, after a few such events, unloads the plugin for
 * exhausting its cumulative fuel (`budget:fuel`). Its manifest asks for a billion fuel and a
 * minute per event; the editor's policy clamps both to its maximum.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events, statusBar } from "cove";

/** Counts the straight double quotes — with the bug: `i` advances only on a quote. */
function countQuotes(text: string): number {
  let quotes = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 34) {
      quotes++;
      i++;
    }
  }
  return quotes;
}

export const { activate } = definePlugin({
  activate() {
    statusBar.set("quotes", "“Smart quotes”", { priority: 50 });
    events.on("document.changed", () => {
      const quotes = countQuotes(editor.getText());
      statusBar.set("quotes", `${quotes} quotes to curl`, { priority: 50 });
    });
  },
});
