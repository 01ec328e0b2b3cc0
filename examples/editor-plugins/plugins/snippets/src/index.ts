/**
 * Snippets: type a trigger such as `;todo`, `;note` or `;table` and it becomes its snippet, with
 * the cursor where the snippet's `$0` was. Only the user's typing expands, never a plugin's or the
 * undo history's changes.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events } from "cove";
import { BUILTIN_SNIPPETS, expand, isoDate, triggerAtEnd } from "./expand.js";

interface Settings {
  readonly "snippets.user": string;
  readonly "snippets.custom": Readonly<Record<string, unknown>>;
}

export const { activate } = definePlugin<Settings>({
  activate(context) {
    const snippets: Record<string, string> = { ...BUILTIN_SNIPPETS };
    for (const [trigger, body] of Object.entries(context.settings["snippets.custom"])) {
      if (typeof body === "string") snippets[trigger] = body;
    }
    const user = context.settings["snippets.user"];

    events.on("document.changed", (change) => {
      if (change.origin !== "user" || change.changes.length !== 1) return;
      const typed = change.changes[0];
      if (typed === undefined || typed.insert === "") return;
      const end = typed.from + typed.insert.length;
      const text = editor.getText();
      const lineStart = text.lastIndexOf("\n", end - 1) + 1;
      const trigger = triggerAtEnd(text.slice(lineStart, end));
      const body = trigger === undefined ? undefined : snippets[trigger];
      if (trigger === undefined || body === undefined) return;
      const from = end - trigger.length - 1;
      const expansion = expand(body, { user, date: isoDate(new Date()) });
      // Only if the document is still the one this change produced.
      editor.replaceRange(from, end, expansion.text, change.version);
      const cursor = from + expansion.cursor;
      editor.setSelections([{ anchor: cursor, head: cursor }]);
    });

    cove.commands.register("snippets.list", () =>
      Object.keys(snippets)
        .sort()
        .map((trigger) => `;${trigger}`),
    );
  },
});
