/**
 * Autosave: a moment after the last change (`autosave.delayMs`), the document's text goes into the
 * plugin's storage as a draft, so unsaved work survives a crash; saving the file drops the draft.
 * When a document opens and its draft differs from it, the draft is offered back
 * (`autosave.restore`).
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events, statusBar, storage, ui, workbench } from "cove";

interface Settings {
  readonly "autosave.delayMs": number;
  readonly "autosave.saveToDisk": boolean;
}

/** What is stored under `draft:<path>`. */
type Draft = {
  readonly version: number;
  readonly savedAt: number;
  readonly text: string;
};

/** What is stored under `stats`. */
type Stats = {
  readonly drafts: number;
  readonly lastDraftAt: number | null;
};

const draftKey = (path: string) => `draft:${path}`;

let timer: number | undefined;
let writeDraft: (() => void) | undefined;

export const { activate, deactivate } = definePlugin<Settings>({
  activate(context) {
    const delay = context.settings["autosave.delayMs"];
    const saveToDisk = context.settings["autosave.saveToDisk"];

    writeDraft = () => {
      timer = undefined;
      const info = editor.getInfo();
      if (!info.dirty) return;
      const draft: Draft = { version: info.version, savedAt: Date.now(), text: editor.getText() };
      storage.set(draftKey(info.path), draft);
      const stats = storage.get<Stats>("stats");
      storage.set("stats", { drafts: (stats?.drafts ?? 0) + 1, lastDraftAt: draft.savedAt });
      statusBar.set("state", `Draft saved (v${info.version})`, { priority: 100 });
      if (saveToDisk) workbench.executeCommand("file.save");
    };

    events.on("document.opened", (document) => {
      const draft = storage.get<Draft>(draftKey(document.path));
      if (draft !== undefined && draft.text !== editor.getText()) {
        ui.showMessage(
          "info",
          `A draft of ${document.name} with unsaved changes was kept; run "Autosave: restore the draft" to get it back.`,
        );
      }
      statusBar.set("state", "Autosave on", { priority: 100 });
    });

    events.on("document.changed", () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => writeDraft?.(), delay);
      statusBar.set("state", "Unsaved changes", { priority: 100 });
    });

    events.on("document.saved", (saved) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      storage.delete(draftKey(saved.path));
      statusBar.set("state", "All changes saved", { priority: 100 });
    });

    cove.commands.register("autosave.restore", () => {
      const info = editor.getInfo();
      const draft = storage.get<Draft>(draftKey(info.path));
      if (draft === undefined) {
        ui.showMessage("info", "There is no draft of this document.");
        return false;
      }
      editor.setText(draft.text, info.version);
      return true;
    });
  },

  // Unloaded with a draft pending (the editor is closing): write it now rather than lose it.
  deactivate() {
    if (timer !== undefined) {
      clearTimeout(timer);
      writeDraft?.();
    }
  },
});
