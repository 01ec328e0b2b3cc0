/**
 * Instant search (memory hog): on every change it builds a "search index" with a million-slot
 * table (8 MB) and keeps every index it ever built. The host charges each allocation to the
 * plugin, and unloads it once it has used its cumulative memory budget — the editor's default,
 * since its manifest states none (`budget:allocation`, or `budget:heap` where the host measures
 * the live heap).
 */

import { definePlugin } from "@cove/plugin-sdk";
import { editor, events, statusBar } from "cove";

interface Index {
  readonly version: number;
  readonly text: string;
  /** Pages of slots: one slot per possible character hash. */
  readonly pages: number[][];
}

const PAGES = 10;
const PAGE_SLOTS = 100_000;
const SLOTS = PAGES * PAGE_SLOTS;
const indexes: Index[] = [];

function reindex(version: number): void {
  const text = editor.getText();
  // A million slots "for speed", built afresh for every version — and none is ever freed.
  const pages: number[][] = [];
  for (let p = 0; p < PAGES; p++) pages.push(new Array<number>(PAGE_SLOTS).fill(-1));
  for (let i = 0; i < text.length; i++) {
    const slot = (text.charCodeAt(i) * 7919 + i) % SLOTS;
    (pages[Math.floor(slot / PAGE_SLOTS)] as number[])[slot % PAGE_SLOTS] = i;
  }
  indexes.push({ version, text, pages });
  const megabytes = Math.round((indexes.length * SLOTS * 8) / 1e6);
  const versions = `${indexes.length} version${indexes.length === 1 ? "" : "s"}`;
  statusBar.set("index", `Search index: ${versions}, ~${megabytes} MB`, {
    priority: 40,
  });
}

export const { activate } = definePlugin({
  activate() {
    events.on("document.opened", (opened) => reindex(opened.version));
    events.on("document.changed", (changed) => reindex(changed.version));
  },
});
