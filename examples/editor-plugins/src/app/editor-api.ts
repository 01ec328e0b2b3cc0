/**
 * What the editor offers plugins, declared once for the host: namespaces of methods, each behind
 * a capability and with a JSON schema per argument, and the events the editor emits. The host
 * checks every call against this declaration; the plugins' TypeScript types come from it too
 * (plugins/editor-api.d.ts), so the editor and its plugins cannot disagree.
 *
 * | capability     | methods                                                             |
 * | -------------- | ------------------------------------------------------------------- |
 * | `editor.read`  | `editor.getText/getInfo/getSelections/getLine/positionAt/offsetAt`  |
 * | `editor.write` | `editor.replaceRange/applyEdits/insertText/setText/setSelections`   |
 * | `ui.status`    | `statusBar.set/remove`                                              |
 * | `ui.message`   | `ui.showMessage/setProblems`                                        |
 * | `commands`     | `workbench.executeCommand/listCommands`                             |
 * | `storage`      | the host's own `storage.get/set/delete/keys`                        |
 */

import { type CallContext, defineApi, defineEvents, event, method } from "@cove/host";
import type { CommandInfo } from "./commands.js";
import type { Change, ChangeOrigin, Position, Selection } from "./text-document.js";

export interface DocumentInfo {
  readonly path: string;
  readonly name: string;
  readonly languageId: string;
  readonly version: number;
  readonly dirty: boolean;
  readonly length: number;
  readonly lineCount: number;
}

export type MessageLevel = "info" | "warning" | "error";

/** A problem a plugin reports on the document (a TODO, a misspelling), shown in the problems list. */
export interface Problem {
  readonly line: number;
  readonly column: number;
  /** Characters from `column`; 1 when absent. */
  readonly length?: number;
  readonly message: string;
  readonly severity: "hint" | "info" | "warning" | "error";
  /** A short code such as `todo` or `spelling`. */
  readonly code?: string;
}

export interface StatusOptions {
  /** Higher is further left; plugins get 0..999. */
  readonly priority?: number;
  readonly tooltip?: string;
}

/** What the editor does for the API's handlers; `Editor` implements it. */
export interface EditorServices {
  text(): string;
  info(): DocumentInfo;
  selections(): readonly Selection[];
  line(line: number): string;
  positionAt(offset: number): Position;
  offsetAt(line: number, column: number): number;
  /** Returns the document's new version. Throws when `expectedVersion` is given and stale. */
  replaceRange(
    from: number,
    to: number,
    text: string,
    origin: ChangeOrigin,
    expectedVersion?: number,
  ): number;
  /** Applies non-overlapping changes as one undoable edit; returns the new version. */
  applyEdits(changes: readonly Change[], origin: ChangeOrigin, expectedVersion?: number): number;
  insertText(text: string, origin: ChangeOrigin): number;
  setSelections(selections: readonly Selection[], origin: string): void;
  setStatus(pluginId: string, id: string, text: string, options: StatusOptions): void;
  removeStatus(pluginId: string, id: string): boolean;
  showMessage(pluginId: string, level: MessageLevel, text: string): void;
  setProblems(pluginId: string, problems: readonly Problem[]): void;
  /** Queues a command of the editor or of a plugin; false when there is no such command. */
  executeCommand(id: string, args: readonly unknown[], by: string): boolean;
  commandList(): CommandInfo[];
}

const MAX_TEXT = 1_000_000;
const offset = { type: "integer", minimum: 0 } as const;
const text = { type: "string", maxLength: MAX_TEXT } as const;
const version = { type: "integer", minimum: 1 } as const;
const id = { type: "string", pattern: "^[A-Za-z0-9][\\w.-]{0,63}$" } as const;
const selections = {
  type: "array",
  minItems: 1,
  maxItems: 100,
  items: {
    type: "object",
    required: ["anchor", "head"],
    additionalProperties: false,
    properties: { anchor: offset, head: offset },
  },
} as const;
const problem = {
  type: "object",
  required: ["line", "column", "message", "severity"],
  additionalProperties: false,
  properties: {
    line: { type: "integer", minimum: 1 },
    column: { type: "integer", minimum: 1 },
    length: { type: "integer", minimum: 0 },
    message: { type: "string", maxLength: 500 },
    severity: { enum: ["hint", "info", "warning", "error"] },
    code: { type: "string", maxLength: 40 },
  },
} as const;

const pluginOrigin = (call: CallContext): ChangeOrigin => `plugin:${call.pluginId}`;

/** The editor's API for `createHost({ api })`. */
export function createEditorApi(editor: EditorServices) {
  return defineApi({
    editor: {
      getText: method({
        capability: "editor.read",
        description: "The whole text of the document.",
        handler: (_call: CallContext): string => editor.text(),
      }),
      getInfo: method({
        capability: "editor.read",
        description: "Path, name, version, dirty flag, length and line count of the document.",
        handler: (_call: CallContext): DocumentInfo => editor.info(),
      }),
      getSelections: method({
        capability: "editor.read",
        handler: (_call: CallContext): Selection[] => [...editor.selections()],
      }),
      getLine: method({
        capability: "editor.read",
        args: [{ type: "integer", minimum: 1 }],
        handler: (_call: CallContext, line: number): string => editor.line(line),
      }),
      positionAt: method({
        capability: "editor.read",
        args: [offset],
        handler: (_call: CallContext, at: number): Position => editor.positionAt(at),
      }),
      offsetAt: method({
        capability: "editor.read",
        args: [
          { type: "integer", minimum: 1 },
          { type: "integer", minimum: 1 },
        ],
        handler: (_call: CallContext, line: number, column: number): number =>
          editor.offsetAt(line, column),
      }),
      replaceRange: method({
        capability: "editor.write",
        description:
          "Replaces [from, to) with text; with expectedVersion, only if the document is still at it.",
        args: [offset, offset, text, version],
        requiredArgs: 3,
        handler: (
          call: CallContext,
          from: number,
          to: number,
          insert: string,
          expectedVersion?: number,
        ): number => editor.replaceRange(from, to, insert, pluginOrigin(call), expectedVersion),
      }),
      applyEdits: method({
        capability: "editor.write",
        description:
          "Applies non-overlapping changes, each against the current text, as one undoable edit.",
        args: [
          {
            type: "array",
            maxItems: 10_000,
            items: {
              type: "object",
              required: ["from", "to", "insert"],
              additionalProperties: false,
              properties: { from: offset, to: offset, insert: text },
            },
          },
          version,
        ],
        requiredArgs: 1,
        handler: (call: CallContext, changes: Change[], expectedVersion?: number): number =>
          editor.applyEdits(changes, pluginOrigin(call), expectedVersion),
      }),
      insertText: method({
        capability: "editor.write",
        description: "Replaces every selection with text.",
        args: [text],
        handler: (call: CallContext, insert: string): number =>
          editor.insertText(insert, pluginOrigin(call)),
      }),
      setText: method({
        capability: "editor.write",
        args: [text, version],
        requiredArgs: 1,
        handler: (call: CallContext, all: string, expectedVersion?: number): number =>
          editor.replaceRange(0, editor.text().length, all, pluginOrigin(call), expectedVersion),
      }),
      setSelections: method({
        capability: "editor.write",
        args: [selections],
        handler: (call: CallContext, list: Selection[]): void =>
          editor.setSelections(list, pluginOrigin(call)),
      }),
    },
    statusBar: {
      set: method({
        capability: "ui.status",
        description: "Shows text in the status bar under the plugin's item id.",
        args: [
          id,
          { type: "string", maxLength: 200 },
          {
            type: "object",
            additionalProperties: false,
            properties: {
              priority: { type: "integer", minimum: 0, maximum: 999 },
              tooltip: { type: "string", maxLength: 500 },
            },
          },
        ],
        requiredArgs: 2,
        handler: (call: CallContext, item: string, value: string, options?: StatusOptions): void =>
          editor.setStatus(call.pluginId, item, value, options ?? {}),
      }),
      remove: method({
        capability: "ui.status",
        args: [id],
        handler: (call: CallContext, item: string): boolean =>
          editor.removeStatus(call.pluginId, item),
      }),
    },
    ui: {
      showMessage: method({
        capability: "ui.message",
        args: [{ enum: ["info", "warning", "error"] }, { type: "string", maxLength: 1000 }],
        handler: (call: CallContext, level: MessageLevel, message: string): void =>
          editor.showMessage(call.pluginId, level, message),
      }),
      setProblems: method({
        capability: "ui.message",
        description: "Replaces the problems this plugin reports on the document.",
        args: [{ type: "array", maxItems: 1000, items: problem }],
        handler: (call: CallContext, list: Problem[]): void =>
          editor.setProblems(call.pluginId, list),
      }),
    },
    workbench: {
      executeCommand: method({
        capability: "commands",
        description: "Queues a command of the editor or of a plugin; false when none has that id.",
        args: [
          { type: "string", minLength: 1, maxLength: 200 },
          { type: "array", maxItems: 20 },
        ],
        requiredArgs: 1,
        handler: (call: CallContext, command: string, args?: unknown[]): boolean =>
          editor.executeCommand(command, args ?? [], call.pluginId),
      }),
      listCommands: method({
        capability: "commands",
        handler: (_call: CallContext): CommandInfo[] => editor.commandList(),
      }),
    },
  });
}

export interface DocumentOpened {
  readonly path: string;
  readonly name: string;
  readonly version: number;
  readonly length: number;
  readonly lineCount: number;
}

export interface DocumentChanged {
  readonly version: number;
  readonly length: number;
  readonly origin: string;
  /** The edit's changes, each against the text before it. */
  readonly changes: readonly {
    readonly from: number;
    readonly to: number;
    readonly insert: string;
  }[];
}

export interface DocumentSaved {
  readonly path: string;
  readonly version: number;
  readonly bytes: number;
}

export interface SelectionChanged {
  readonly selections: readonly Selection[];
  /** The primary cursor, as people read it. */
  readonly line: number;
  readonly column: number;
  readonly origin: string;
}

export interface CommandExecuted {
  readonly command: string;
  /** `user`, or the plugin that ran it. */
  readonly by: string;
  readonly ok: boolean;
}

const nonNegative = { type: "integer", minimum: 0 } as const;

/** The events the editor emits, for `createHost({ events })`. */
export const editorEvents = defineEvents({
  "document.opened": event<DocumentOpened>({
    description: "A document was opened.",
    payload: {
      type: "object",
      required: ["path", "name", "version", "length", "lineCount"],
      properties: { path: { type: "string" }, name: { type: "string" }, version: nonNegative },
    },
  }),
  "document.changed": event<DocumentChanged>({
    description: "The document's text changed (typing, undo, redo, a plugin's edit).",
    payload: {
      type: "object",
      required: ["version", "length", "origin", "changes"],
      properties: { version: nonNegative, length: nonNegative, changes: { type: "array" } },
    },
  }),
  "document.saved": event<DocumentSaved>({
    description: "The document was written to disk.",
    payload: { type: "object", required: ["path", "version", "bytes"] },
  }),
  "selection.changed": event<SelectionChanged>({
    description: "The selections or the cursor moved.",
    payload: { type: "object", required: ["selections", "line", "column", "origin"] },
  }),
  "command.executed": event<CommandExecuted>({
    description: "A command ran.",
    payload: { type: "object", required: ["command", "by", "ok"] },
  }),
});

export type EditorApi = ReturnType<typeof createEditorApi>;
export type EditorEvents = typeof editorEvents;
