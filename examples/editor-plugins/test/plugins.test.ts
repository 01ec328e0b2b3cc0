/**
 * Each useful plugin on its own, as its author would test it: the built plugin (plugins/*\/dist)
 * in `createTestHost()` from @cove/host, with the editor's real API declaration over a document in
 * memory. The tests check the calls a plugin makes and pin what it costs.
 */

import { createTestHost, type TestHost } from "@cove/host";
import { afterEach, describe, expect, it } from "vitest";
import type { CommandInfo } from "../src/app/commands.js";
import {
  createEditorApi,
  type EditorEvents,
  type EditorServices,
  editorEvents,
  type Problem,
} from "../src/app/editor-api.js";
import { TextDocument } from "../src/app/text-document.js";

const TEXT = [
  "#Notes",
  "Teh first line. TODO(ann): check the numbers",
  "* one",
  "+ two",
  "",
  "FIXME: spelling is seperate from grammar",
  "",
].join("\n");

/** The editor's services over one document, recording what plugins show. */
function fakeEditor(text = TEXT) {
  const document = new TextDocument("/docs/notes.md", text);
  const status = new Map<string, string>();
  const messages: string[] = [];
  const problems = new Map<string, readonly Problem[]>();
  const commands: string[] = [];
  const services: EditorServices = {
    text: () => document.text,
    info: () => ({
      path: document.path,
      name: document.name,
      languageId: "markdown",
      version: document.version,
      dirty: document.dirty,
      length: document.length,
      lineCount: document.lineCount,
    }),
    selections: () => document.selections,
    line: (n) => document.line(n),
    positionAt: (offset) => document.positionAt(offset),
    offsetAt: (line, column) => document.offsetAt({ line, column }),
    replaceRange(from, to, insert, origin, expected) {
      return services.applyEdits([{ from, to, insert }], origin, expected);
    },
    applyEdits(changes, origin, expected) {
      if (expected !== undefined && expected !== document.version) throw new Error("stale");
      document.apply(changes, origin);
      return document.version;
    },
    insertText: (insert, origin) => {
      document.replaceSelections(insert, origin);
      return document.version;
    },
    setSelections: (list) => void document.select(list),
    setStatus: (pluginId, id, value) => void status.set(`${pluginId}:${id}`, value),
    removeStatus: (pluginId, id) => status.delete(`${pluginId}:${id}`),
    showMessage: (_pluginId, _level, message) => void messages.push(message),
    setProblems: (pluginId, list) => void problems.set(pluginId, list),
    executeCommand: (id) => {
      commands.push(id);
      return true;
    },
    commandList: (): CommandInfo[] => [],
  };
  return { document, services, status, messages, problems, commands };
}

/** Events plugins send each other are delivered from a microtask after the emit that caused them. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

const plugin = (name: string) => new URL(`../plugins/${name}/`, import.meta.url);

let testHost: TestHost<EditorEvents> | undefined;

function hostFor(
  services: EditorServices,
  settings: Record<string, unknown> = {},
): TestHost<EditorEvents> {
  testHost = createTestHost({
    version: "1.4.0",
    api: createEditorApi(services),
    events: editorEvents,
    settings: () => settings,
  });
  return testHost;
}

const opened = (editor: ReturnType<typeof fakeEditor>) => ({
  path: editor.document.path,
  name: editor.document.name,
  version: editor.document.version,
  length: editor.document.length,
  lineCount: editor.document.lineCount,
});

afterEach(async () => {
  await testHost?.dispose();
  testHost = undefined;
});

describe("acme.word-count", () => {
  it("shows words and reading time, announces them, and costs little per event", async () => {
    const editor = fakeEditor();
    const t = hostFor(editor.services, { "wordCount.wordsPerMinute": 100 });
    await t.load(plugin("word-count"));
    const cost = await t.measure(() => t.emit("document.opened", opened(editor)));
    expect(editor.status.get("acme.word-count:words")).toBe("17 words · 1 min read");
    expect(t.emitted).toEqual([
      {
        pluginId: "acme.word-count",
        name: "wordCount.updated",
        payload: { words: 17, characters: TEXT.length, minutes: 1 },
      },
    ]);
    expect(cost.fuel).toBeLessThan(20_000);
    expect(cost.hostCalls).toBe(3); // getText, statusBar.set, events.emit
    expect(await t.executeCommand("wordCount.show")).toEqual({
      words: 17,
      characters: TEXT.length,
      minutes: 1,
    });
  });
});

describe("acme.writing-goal", () => {
  it("needs acme.word-count ^1.2.0 and follows its counts", async () => {
    const editor = fakeEditor();
    const t = hostFor(editor.services, { "writingGoal.target": 20 });
    await expect(t.load(plugin("writing-goal"))).rejects.toMatchObject({
      code: "COVE_DEPENDENCY_MISSING",
    });
    await t.load(plugin("word-count"));
    await t.load(plugin("writing-goal"));
    await t.emit("document.opened", opened(editor));
    await turn();
    expect(editor.status.get("acme.writing-goal:goal")).toBe("Goal ▰▰▰▰▰▰▰▱ 85%");
    editor.document.apply([{ from: 0, to: 0, insert: "More words here now. " }], "user");
    await t.emit("document.changed", {
      version: editor.document.version,
      length: editor.document.length,
      origin: "user",
      changes: [],
    });
    await turn();
    expect(editor.status.get("acme.writing-goal:goal")).toBe("Goal ▰▰▰▰▰▰▰▰ 100%");
    expect(editor.messages).toEqual(["Writing goal reached: 21 of 20 words."]);
  });
});

describe("acme.markdown-format", () => {
  it("formats with one edit against the version it read, activated by its command", async () => {
    const editor = fakeEditor();
    const t = hostFor(editor.services);
    await t.load(plugin("markdown-format"));
    expect(t.host.plugin("acme.markdown-format")?.state).toBe("loaded");
    expect(await t.executeCommand("markdown.format")).toEqual({ changedLines: 5 });
    expect(editor.document.text).toBe(
      "# Notes\n\nTeh first line. TODO(ann): check the numbers\n\n- one\n- two\n\nFIXME: spelling is seperate from grammar\n",
    );
    expect(t.callsTo("editor.replaceRange")).toHaveLength(1);
    expect(t.callsTo("editor.replaceRange")[0]?.args[3]).toBe(1);
    expect(await t.executeCommand("markdown.format")).toEqual({ changedLines: 0 });
  });
});

describe("acme.todo-finder", () => {
  it("reports the notes as problems, activated by the document opening", async () => {
    const editor = fakeEditor();
    const t = hostFor(editor.services);
    await t.load(plugin("todo-finder"));
    await t.emit("document.opened", opened(editor));
    expect(t.usage("acme.todo-finder").activation?.reason).toBe("onEvent:document.opened");
    expect(editor.problems.get("acme.todo-finder")?.map((p) => [p.line, p.message])).toEqual([
      [2, "TODO (ann): check the numbers"],
      [6, "FIXME: spelling is seperate from grammar"],
    ]);
    expect(editor.status.get("acme.todo-finder:count")).toBe("2 TODOs");
  });
});

describe("acme.autosave", () => {
  it("writes a draft to its storage after the delay, and drops it on save", async () => {
    const editor = fakeEditor();
    const t = hostFor(editor.services, { "autosave.delayMs": 20 });
    await t.load(plugin("autosave"));
    editor.document.apply([{ from: 0, to: 0, insert: "x" }], "user");
    await t.emit("document.changed", {
      version: editor.document.version,
      length: editor.document.length,
      origin: "user",
      changes: [],
    });
    for (let i = 0; i < 200 && !(await t.storage())["draft:/docs/notes.md"]; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await t.storage())["draft:/docs/notes.md"]).toEqual({
      version: 2,
      savedAt: expect.any(Number),
      text: `x${TEXT}`,
    });
    await t.emit("document.saved", { path: editor.document.path, version: 2, bytes: 1 });
    expect(Object.keys(await t.storage())).toEqual(["stats"]);
    expect(editor.status.get("acme.autosave:state")).toBe("All changes saved");
  });
});

describe("acme.snippets", () => {
  it("expands a trigger the user typed, and only the user's", async () => {
    const editor = fakeEditor("");
    const t = hostFor(editor.services, { "snippets.user": "ann" });
    await t.load(plugin("snippets"));
    const type = async (text: string, origin: "user" | "plugin:x") => {
      const from = editor.document.length;
      editor.document.select([{ anchor: from, head: from }]);
      editor.document.replaceSelections(text, origin);
      await t.emit("document.changed", {
        version: editor.document.version,
        length: editor.document.length,
        origin,
        changes: [{ from, to: from, insert: text }],
      });
    };
    await type("a ;todo", "plugin:x");
    expect(editor.document.text).toBe("a ;todo");
    await type(" ;todo", "user");
    expect(editor.document.text).toBe("a ;todo TODO(ann): ");
    expect(editor.document.selections).toEqual([{ anchor: 19, head: 19 }]);
  });
});

describe("acme.spell-check", () => {
  it("flags misspellings and fixes them in one edit", async () => {
    const editor = fakeEditor();
    const t = hostFor(editor.services);
    await t.load(plugin("spell-check"));
    await t.emit("document.opened", opened(editor));
    expect(editor.status.get("acme.spell-check:count")).toBe("2 misspellings");
    expect(await t.executeCommand("spell.fixAll")).toEqual({ fixed: 2 });
    expect(t.callsTo("editor.applyEdits")).toHaveLength(1);
    expect(editor.document.text).toContain("The first line");
    expect(editor.document.text).toContain("is separate from");
    expect(await t.executeCommand("spell.ignore", "Teh")).toBe(true);
    expect((await t.storage()).ignored).toEqual(["teh"]);
  });
});
