/**
 * Writing goal: progress towards a number of words, from the counts the Word count plugin
 * announces (`wordCount.updated`) — which is why it depends on `acme.word-count` `^1.2.0`, the
 * first version that announces them.
 */

import { definePlugin } from "@cove/plugin-sdk";
import { events, statusBar, ui } from "cove";
import { progressBar } from "./progress.js";

interface Settings {
  readonly "writingGoal.target": number;
}

/** What `acme.word-count` announces. */
interface WordCountUpdated {
  readonly words: number;
  readonly characters: number;
  readonly minutes: number;
}

export const { activate } = definePlugin<Settings>({
  activate(context) {
    const target = context.settings["writingGoal.target"];
    let reached: boolean | undefined;

    events.on("wordCount.updated", (payload) => {
      const { words } = payload as WordCountUpdated;
      const fraction = words / target;
      statusBar.set(
        "goal",
        `Goal ${progressBar(fraction)} ${Math.min(100, Math.floor(fraction * 100))}%`,
        { priority: 400, tooltip: `${words} of ${target} words` },
      );
      const now = words >= target;
      if (now && reached === false) {
        ui.showMessage("info", `Writing goal reached: ${words} of ${target} words.`);
      }
      reached = now;
    });
  },
});
