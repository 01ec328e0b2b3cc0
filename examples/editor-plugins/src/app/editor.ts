/**
 * The editor application: one open document, a status bar, commands, settings, messages and a
 * problems list — and `@cove/host`, through which plugins read and change the document, show
 * status and messages, keep storage and run commands, each only with the capabilities the
 * editor's policy grants it.
 */

import { EventEmitter } from "node:events";
import { readFile, writeFile } from "node:fs/promises";
import {
  createHost,
  createMemoryStorage,
  discoverPlugins,
  type Host,
  type HostPolicy,
  type LoadReport,
  type PluginSource,
  type StorageAdapter,
} from "@cove/host";
import { type Manifest, parseManifest, validateManifest } from "@cove/plugin-sdk";
import { type CommandInfo, CommandRegistry } from "./commands.js";
import {
  createEditorApi,
  type DocumentInfo,
  type EditorEvents,
  type EditorServices,
  editorEvents,
  type MessageLevel,
  type Problem,
  type StatusOptions,
} from "./editor-api.js";
import { createEditorPolicy } from "./policy.js";
import { matchesPattern, Settings, type SettingsData } from "./settings.js";
import { StatusBar } from "./status-bar.js";
import {
  type AppliedEdit,
  type Change,
  type ChangeOrigin,
  type Position,
  type Selection,
  TextDocument,
} from "./text-document.js";

/** The editor's version: plugins state the range they work with in `engines.host`. */
export const EDITOR_VERSION = "1.4.0";

export interface EditorOptions {
  /** The user's settings (`settings.json`). */
  readonly settings?: SettingsData;
  /** Where plugins' storage lives; in memory by default. */
  readonly storage?: StorageAdapter;
}

export interface Message {
  /** `editor`, or the plugin that showed it. */
  readonly source: string;
  readonly level: MessageLevel;
  readonly text: string;
}

/** What the editor's UI listens to; the demo prints them. */
export interface EditorEventMap {
  message: [message: Message];
  problems: [owner: string, problems: readonly Problem[]];
  edit: [edit: AppliedEdit];
  saved: [path: string, version: number];
  command: [command: string, by: string, ok: boolean, result: unknown];
}

export class Editor implements EditorServices {
  readonly host: Host<EditorEvents>;
  readonly settings: Settings;
  readonly statusBar = new StatusBar();
  readonly commands = new CommandRegistry();
  readonly messages: Message[] = [];
  readonly problems = new Map<string, readonly Problem[]>();
  readonly ui = new EventEmitter<EditorEventMap>();
  readonly storage: StorageAdapter;
  readonly policy: HostPolicy;
  #document: TextDocument | undefined;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #manifests = new Map<string, Manifest>();
  #pluginEvents = 0;

  constructor(options: EditorOptions = {}) {
    this.settings = new Settings(options.settings);
    this.storage = options.storage ?? createMemoryStorage();
    this.policy = createEditorPolicy(() => this.settings.list("plugins.trusted"));
    this.host = createHost({
      version: EDITOR_VERSION,
      api: createEditorApi(this),
      events: editorEvents,
      policy: this.policy,
      storage: this.storage,
      settings: () => this.settings.toJSON(),
    });
    this.host.on("plugin:unloaded", ({ pluginId }) => this.#forget(pluginId));
    this.host.on("plugin:event", () => {
      this.#pluginEvents++;
    });
    this.#registerOwnCommands();
  }

  get document(): TextDocument {
    if (this.#document === undefined) throw new Error("no document is open");
    return this.#document;
  }

  /** Loads every plugin directory under `dir`, except those disabled in the settings. */
  async loadPlugins(dir: string): Promise<LoadReport> {
    const disabled = this.settings.get<string[]>("plugins.disabled", []);
    const sources = (await discoverPlugins(dir)).filter((source) => {
      const id = manifestOf(source)?.id;
      return id === undefined || !disabled.some((pattern) => matchesPattern(id, pattern));
    });
    return this.loadSources(sources);
  }

  async loadSources(sources: readonly PluginSource[]): Promise<LoadReport> {
    const manifests = new Map<string, Manifest>();
    for (const source of sources) {
      const manifest = manifestOf(source);
      if (manifest !== undefined) manifests.set(manifest.id, manifest);
    }
    const report = await this.host.load(sources);
    for (const id of report.loaded) {
      const manifest = manifests.get(id);
      if (manifest === undefined) continue;
      this.#manifests.set(id, manifest);
      for (const command of manifest.contributes?.commands ?? []) {
        this.commands.register(command.id, command.title, id, (...args) =>
          this.host.executeCommand(command.id, args),
        );
      }
    }
    await this.settle();
    return report;
  }

  /** The manifest of a loaded plugin. */
  manifest(pluginId: string): Manifest | undefined {
    return this.#manifests.get(pluginId);
  }

  /** The capabilities a loaded plugin asked for, split by what the editor's policy decided. */
  grants(pluginId: string): { granted: string[]; refused: string[] } {
    const granted: string[] = [];
    const refused: string[] = [];
    const decide = this.policy.capabilities;
    for (const capability of this.#manifests.get(pluginId)?.capabilities ?? []) {
      const ok =
        decide === undefined ||
        (typeof decide === "function"
          ? decide(pluginId, capability)
          : decide.includes(capability.name));
      (ok ? granted : refused).push(capability.name);
    }
    return { granted, refused };
  }

  async open(path: string): Promise<TextDocument> {
    const text = await readFile(path, "utf8");
    const document = new TextDocument(path, text);
    this.#document = document;
    this.#updateFileStatus();
    this.#updateCursorStatus();
    this.#emit("document.opened", {
      path,
      name: document.name,
      version: document.version,
      length: document.length,
      lineCount: document.lineCount,
    });
    await this.settle();
    return document;
  }

  async save(): Promise<void> {
    const document = this.document;
    await writeFile(document.path, document.text, "utf8");
    document.markSaved();
    this.#updateFileStatus();
    this.ui.emit("saved", document.path, document.version);
    this.#emit("document.saved", {
      path: document.path,
      version: document.version,
      bytes: Buffer.byteLength(document.text),
    });
  }

  /** Types `text` at every cursor, replacing what is selected, as the user. */
  type(text: string): AppliedEdit | undefined {
    return this.#edited(this.document.replaceSelections(text, "user"));
  }

  /** Puts the cursor at `line`, `column` (1-based). */
  moveTo(line: number, column = 1): void {
    const at = this.document.offsetAt({ line, column });
    this.select(at, at, "user");
  }

  /** Puts the cursor at the end of the first line containing `needle`, or at the document's end. */
  moveToEndOfLineWith(needle: string): void {
    const document = this.document;
    const found = document.text.indexOf(needle);
    const start = found === -1 ? document.length : found;
    const lineEnd = document.text.indexOf("\n", start);
    const at = lineEnd === -1 ? document.length : lineEnd;
    this.select(at, at, "user");
  }

  select(anchor: number, head = anchor, origin = "user"): void {
    this.setSelections([{ anchor, head }], origin);
  }

  undo(): AppliedEdit | undefined {
    return this.#edited(this.document.undo());
  }

  redo(): AppliedEdit | undefined {
    return this.#edited(this.document.redo());
  }

  /**
   * Runs a command as the user: the editor's own, or a plugin's through the host. Emits
   * `command.executed`; resolves with the command's result.
   */
  async execute(command: string, ...args: unknown[]): Promise<unknown> {
    return this.#run(command, args, "user");
  }

  /**
   * Waits until every event emitted so far, and everything it caused, has been handled: the
   * editor's own events and commands, and the events plugins sent each other on the way. The host
   * does not say when a plugin's event has been delivered (no `host.idle()` yet), but it queues
   * each delivery at once and starts it from a microtask, so one turn of the event loop after the
   * last of the editor's own deliveries is enough for them to have run.
   */
  async settle(): Promise<void> {
    for (;;) {
      while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
      const seen = this.#pluginEvents;
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#pending.size === 0 && seen === this.#pluginEvents) return;
    }
  }

  async dispose(): Promise<void> {
    await this.settle();
    await this.host.flush();
    await this.host.dispose();
  }

  // EditorServices: what the API's handlers do, for the plugin that calls them.

  text(): string {
    return this.document.text;
  }

  info(): DocumentInfo {
    const document = this.document;
    return {
      path: document.path,
      name: document.name,
      languageId: document.name.endsWith(".md") ? "markdown" : "plaintext",
      version: document.version,
      dirty: document.dirty,
      length: document.length,
      lineCount: document.lineCount,
    };
  }

  selections(): readonly Selection[] {
    return this.document.selections;
  }

  line(line: number): string {
    return this.document.line(line);
  }

  positionAt(offset: number): Position {
    return this.document.positionAt(offset);
  }

  offsetAt(line: number, column: number): number {
    return this.document.offsetAt({ line, column });
  }

  replaceRange(
    from: number,
    to: number,
    text: string,
    origin: ChangeOrigin,
    expectedVersion?: number,
  ): number {
    return this.applyEdits([{ from, to, insert: text }], origin, expectedVersion);
  }

  applyEdits(changes: readonly Change[], origin: ChangeOrigin, expectedVersion?: number): number {
    const document = this.document;
    if (expectedVersion !== undefined && expectedVersion !== document.version) {
      throw new Error(
        `the document is at version ${document.version}, not ${expectedVersion}: read it again`,
      );
    }
    this.#edited(document.apply(changes, origin));
    return document.version;
  }

  insertText(text: string, origin: ChangeOrigin): number {
    this.#edited(this.document.replaceSelections(text, origin));
    return this.document.version;
  }

  setSelections(selections: readonly Selection[], origin: string): void {
    if (this.document.select(selections)) {
      this.#updateCursorStatus();
      const { line, column } = this.document.positionAt(this.document.selections[0]?.head ?? 0);
      this.#emit("selection.changed", {
        selections: [...this.document.selections],
        line,
        column,
        origin,
      });
    }
  }

  setStatus(pluginId: string, id: string, text: string, options: StatusOptions): void {
    this.statusBar.set(pluginId, id, text, {
      priority: Math.min(options.priority ?? 0, 999),
      ...(options.tooltip === undefined ? {} : { tooltip: options.tooltip }),
    });
  }

  removeStatus(pluginId: string, id: string): boolean {
    return this.statusBar.remove(pluginId, id);
  }

  showMessage(source: string, level: MessageLevel, text: string): void {
    const message = { source, level, text };
    this.messages.push(message);
    if (this.messages.length > 500) this.messages.shift();
    this.ui.emit("message", message);
  }

  setProblems(pluginId: string, problems: readonly Problem[]): void {
    if (problems.length === 0) this.problems.delete(pluginId);
    else this.problems.set(pluginId, problems);
    this.ui.emit("problems", pluginId, problems);
  }

  executeCommand(id: string, args: readonly unknown[], by: string): boolean {
    if (this.commands.get(id) === undefined) return false;
    this.#run(id, args, by).catch(() => undefined);
    return true;
  }

  commandList(): CommandInfo[] {
    return this.commands.list();
  }

  #run(command: string, args: readonly unknown[], by: string): Promise<unknown> {
    const entry = this.commands.get(command);
    const run = async () => {
      if (entry === undefined) throw new Error(`no command "${command}"`);
      let ok = false;
      let result: unknown;
      try {
        result = await entry.run(...args);
        ok = true;
        return result;
      } finally {
        this.ui.emit("command", command, by, ok, result);
        this.#emit("command.executed", { command, by, ok });
      }
    };
    return this.#track(run());
  }

  #registerOwnCommands(): void {
    this.commands.register("file.save", "Save", "editor", () => this.save());
    this.commands.register("edit.undo", "Undo", "editor", () => this.undo()?.version);
    this.commands.register("edit.redo", "Redo", "editor", () => this.redo()?.version);
    this.commands.register("edit.selectAll", "Select all", "editor", () =>
      this.select(0, this.document.length),
    );
  }

  #edited(edit: AppliedEdit | undefined): AppliedEdit | undefined {
    if (edit === undefined) return undefined;
    const document = this.document;
    this.#updateFileStatus();
    this.#updateCursorStatus();
    this.ui.emit("edit", edit);
    this.#emit("document.changed", {
      version: edit.version,
      length: document.length,
      origin: edit.origin,
      changes: edit.changes.map((c) => ({ from: c.from, to: c.to, insert: c.insert })),
    });
    return edit;
  }

  #emit<K extends keyof EditorEvents & string>(name: K, payload: unknown): void {
    this.#track(this.host.emit(name, payload as never)).catch(() => undefined);
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    const done = () => this.#pending.delete(promise);
    promise.then(done, done);
    return promise;
  }

  #updateFileStatus(): void {
    const document = this.document;
    this.statusBar.set("editor", "file", `${document.name}${document.dirty ? " ●" : ""}`, {
      priority: 1100,
    });
  }

  #updateCursorStatus(): void {
    const document = this.document;
    const primary = document.selections[0] ?? { anchor: 0, head: 0 };
    const { line, column } = document.positionAt(primary.head);
    const selected = Math.abs(primary.head - primary.anchor);
    this.statusBar.set(
      "editor",
      "cursor",
      `Ln ${line}, Col ${column}${selected > 0 ? ` (${selected} selected)` : ""}`,
      { priority: 1050 },
    );
  }

  /** A plugin was unloaded: its status items, problems and commands go with it. */
  #forget(pluginId: string): void {
    this.statusBar.removeOwner(pluginId);
    if (this.problems.delete(pluginId)) this.ui.emit("problems", pluginId, []);
    this.commands.removeOwner(pluginId);
  }
}

function manifestOf(source: PluginSource): Manifest | undefined {
  const result =
    typeof source.manifest === "string"
      ? parseManifest(source.manifest)
      : validateManifest(source.manifest);
  return result.ok ? result.manifest : undefined;
}
