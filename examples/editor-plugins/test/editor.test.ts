/** The editor application and its API, with small plugins written inline. */

import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PluginSource } from "@cove/host";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Editor } from "../src/app/editor.js";

let dir: string;
let file: string;
let editor: Editor;

function plugin(
  id: string,
  main: string,
  extra: Record<string, unknown> = {},
  capabilities: string[] = [],
): PluginSource {
  return {
    manifest: {
      manifestVersion: 1,
      id,
      name: id,
      version: "1.0.0",
      engines: { host: "^1.4.0" },
      main: "main.js",
      activation: ["onStartup"],
      capabilities: capabilities.map((name) =>
        name.startsWith("events.")
          ? { name, scope: ["document.*", "selection.*", "command.*"], reason: "test" }
          : { name, reason: "test" },
      ),
      globals: ["console"],
      ...extra,
    },
    files: { "main.js": main },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cove-editor-"));
  file = path.join(dir, "doc.md");
  await writeFile(file, "hello world\n");
  editor = new Editor({ settings: { "plugins.trusted": ["acme.*"], "demo.greeting": "hi" } });
});

afterEach(async () => {
  await editor.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("the editor's API for plugins", () => {
  it("lets a trusted plugin change the document and denies an untrusted one, with an audit entry", async () => {
    const writer = `export function activate() {
      cove.requests.handle("write", (text) => {
        try { return cove.editor.insertText(text); } catch (e) { return e.name + ": " + e.code; }
      });
    }`;
    await editor.loadSources([
      plugin("acme.writer", writer, {}, ["editor.read", "editor.write"]),
      plugin("other.writer", writer, {}, ["editor.read", "editor.write"]),
    ]);
    await editor.open(file);
    expect(await editor.host.request("acme.writer", "write", "A")).toBe(2);
    expect(await editor.host.request("other.writer", "write", "B")).toBe(
      "PermissionDenied: COVE_CAPABILITY_DENIED",
    );
    expect(editor.document.text).toBe("Ahello world\n");
    expect(editor.grants("other.writer")).toEqual({
      granted: ["editor.read"],
      refused: ["editor.write"],
    });
    expect(editor.host.audit()).toEqual([
      expect.objectContaining({
        pluginId: "other.writer",
        capability: "editor.write",
        method: "editor.insertText",
      }),
    ]);
  });

  it("refuses an edit against a stale version and invalid arguments", async () => {
    await editor.loadSources([
      plugin(
        "acme.stale",
        `export function activate() {
          cove.requests.handle("stale", () => {
            try { cove.editor.replaceRange(0, 5, "bye", 1); return "ok"; } catch (e) { return e.message; }
          });
          cove.requests.handle("bad", () => {
            try { cove.statusBar.set("no spaces allowed", "x"); return "ok"; } catch (e) { return e.name + " " + e.code; }
          });
        }`,
        {},
        ["editor.read", "editor.write", "ui.status"],
      ),
    ]);
    await editor.open(file);
    editor.type("!");
    await editor.settle();
    expect(await editor.host.request("acme.stale", "stale")).toMatch(
      /the document is at version 2, not 1/,
    );
    expect(await editor.host.request("acme.stale", "bad")).toBe("TypeError COVE_INVALID_ARGUMENTS");
  });

  it("delivers the editor's events with their payloads", async () => {
    await editor.loadSources([
      plugin(
        "acme.listener",
        `const seen = [];
        export function activate() {
          for (const name of ["document.opened", "document.changed", "document.saved", "selection.changed", "command.executed"]) {
            cove.events.on(name, (p) => seen.push(name + " " + (p.origin ?? p.command ?? p.name ?? p.version)));
          }
          cove.requests.handle("seen", () => seen);
        }`,
        {},
        ["events.subscribe"],
      ),
    ]);
    await editor.open(file);
    editor.moveTo(1, 6);
    editor.type(",");
    await editor.execute("file.save");
    await editor.settle();
    expect(await editor.host.request("acme.listener", "seen")).toEqual([
      "document.opened doc.md",
      "selection.changed user",
      "document.changed user",
      "document.saved 2",
      "command.executed file.save",
    ]);
    expect(await readFile(file, "utf8")).toBe("hello, world\n");
    expect(editor.statusBar.render()).toBe("doc.md │ Ln 1, Col 7");
  });

  it("runs the editor's commands for a plugin with `commands`, and plugins' commands for the user", async () => {
    await editor.loadSources([
      plugin(
        "acme.saver",
        `export function activate(context) {
          cove.commands.register("saver.greet", (name) => context.settings["demo.greeting"] + " " + name);
          cove.requests.handle("save", () => cove.workbench.executeCommand("file.save"));
        }`,
        {
          contributes: {
            commands: [{ id: "saver.greet", title: "Greet" }],
            settings: { "demo.greeting": { type: "string", default: "hello" } },
          },
        },
        ["commands"],
      ),
    ]);
    await editor.open(file);
    editor.type("x");
    expect(editor.document.dirty).toBe(true);
    expect(await editor.host.request("acme.saver", "save")).toBe(true);
    await editor.settle();
    expect(editor.document.dirty).toBe(false);
    expect(await editor.execute("saver.greet", "dana")).toBe("hi dana");
    expect(editor.commands.get("saver.greet")?.owner).toBe("acme.saver");
  });

  it("removes an unloaded plugin's status items, problems and commands", async () => {
    await editor.loadSources([
      plugin(
        "acme.shown",
        `export function activate() {
          cove.statusBar.set("n", "shown", { priority: 5 });
          cove.ui.setProblems([{ line: 1, column: 1, message: "m", severity: "info" }]);
          cove.commands.register("shown.run", () => 1);
        }`,
        { contributes: { commands: [{ id: "shown.run", title: "Run" }] } },
        ["ui.status", "ui.message"],
      ),
    ]);
    await editor.open(file);
    expect(editor.statusBar.render()).toContain("shown");
    expect(editor.problems.get("acme.shown")).toHaveLength(1);
    await editor.host.unload("acme.shown");
    expect(editor.statusBar.render()).not.toContain("shown");
    expect(editor.problems.has("acme.shown")).toBe(false);
    expect(editor.commands.get("shown.run")).toBeUndefined();
  });

  it("skips plugins disabled in the settings", async () => {
    const root = path.join(dir, "plugins");
    for (const id of ["acme.one", "acme.two"]) {
      const pluginDir = path.join(root, id);
      await mkdir(pluginDir, { recursive: true });
      const source = plugin(id, "export function activate() {}");
      await writeFile(path.join(pluginDir, "cove-plugin.json"), JSON.stringify(source.manifest));
      await writeFile(path.join(pluginDir, "main.js"), source.files["main.js"] as string);
    }
    editor.settings.set("plugins.disabled", ["acme.two"]);
    const report = await editor.loadPlugins(root);
    expect(report.loaded).toEqual(["acme.one"]);
  });
});
