/** The README's example, run as written (storage in a temporary directory, plugins in memory). */

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CallContext, createFileStorage, createHost } from "../src/index.js";

const manifest = {
  manifestVersion: 1,
  id: "acme.word-count",
  name: "Word count",
  version: "1.0.0",
  engines: { host: "^1.0.0" },
  main: "main.js",
  activation: ["onStartup"],
  contributes: { commands: [{ id: "wordCount.show", title: "Show word count" }] },
  capabilities: [
    { name: "editor.read", reason: "Counts the words of the document." },
    { name: "events.subscribe", scope: ["document.*"], reason: "Recounts on change." },
    { name: "storage", reason: "Remembers the last count." },
  ],
  globals: ["console"],
  budgets: { perEvent: { fuel: 1000000 }, cumulative: { errors: 5 } },
};

const main = `import { editor, events, commands, storage } from "cove";

const count = () => editor.getText().split(/\\s+/).filter(Boolean).length;

export function activate(context) {
  console.log(\`activated by \${context.reason}\`);
  events.on("document.changed", () => storage.set("words", count()));
  commands.register("wordCount.show", () => count());
}

export function deactivate() {
  storage.set("words", count());
}
`;

describe("the README example", () => {
  it("runs", async () => {
    let text = "Hello plugins";
    const logged: string[] = [];
    const host = createHost({
      version: "1.4.0",
      api: {
        editor: {
          getText: { capability: "editor.read", handler: () => text },
          insert: {
            capability: "editor.write",
            args: [{ type: "string", maxLength: 10_000 }],
            handler: (_call: CallContext, more: string) => {
              text += more;
              return text.length;
            },
          },
        },
        net: {
          fetchJson: {
            capability: "net.fetch",
            args: [{ type: "string", maxLength: 2048 }],
            scope: (url: string) => new URL(url).origin,
            handler: (call: CallContext, url: string) => ({ url, from: call.pluginId }),
          },
        },
      },
      events: {
        "document.changed": { payload: { type: "object", required: ["length"] } },
      },
      policy: {
        capabilities: (pluginId, capability) =>
          capability.name !== "editor.write" || pluginId === "acme.formatter",
        budgets: {
          perEvent: { max: { fuel: 5_000_000, cpuMs: 100 } },
          cumulative: { max: { fuel: 1_000_000_000, errors: 20 } },
        },
        queue: { capacity: 100, overflow: "drop-oldest" },
        restart: { maxRestarts: 3, backoffMs: 1000 },
      },
      storage: createFileStorage(await mkdtemp(path.join(tmpdir(), "cove-readme-"))),
      logger: {
        log: ({ pluginId, level, text }) => logged.push(`[${pluginId}] ${level}: ${text}`),
      },
    });
    const report = await host.load({ manifest, files: { "main.js": main } });
    expect(report.refused).toEqual([]);
    text = "one two three";
    await host.emit("document.changed", { length: text.length });
    expect(await host.executeCommand("wordCount.show")).toBe(3);
    expect(logged).toEqual(["[acme.word-count] log: activated by onStartup"]);
    expect(host.usage().plugins[0]?.storage?.usedBytes).toBe("words".length + 1);
    await host.dispose();
  });
});
