import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../src/index.js";

const docs = readFileSync(new URL("../../../../docs/manifest.md", import.meta.url), "utf8");
const jsonBlocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("docs/manifest.md", () => {
  it("shows a complete and a minimal manifest that are valid", () => {
    expect(jsonBlocks.length).toBeGreaterThan(8);
    const [complete, minimal] = jsonBlocks;
    expect(parseManifest(complete ?? "")).toMatchObject({ ok: true });
    expect(parseManifest(minimal ?? "")).toMatchObject({ ok: true });
  });

  it("shows field snippets that are valid parts of a manifest", () => {
    for (const block of jsonBlocks.slice(2)) {
      const text = block.trim().startsWith("{") ? block : `{${block}}`;
      const fields = JSON.parse(text);
      const manifest = {
        manifestVersion: 1,
        id: "acme.hello",
        name: "Hello",
        version: "0.1.0",
        engines: { host: "^1.0.0" },
        main: "main.js",
        activation: ["onStartup"],
        ...fields,
        ...("commands" in fields || "settings" in fields ? { contributes: fields } : {}),
      };
      delete manifest.commands;
      delete manifest.settings;
      expect(parseManifest(JSON.stringify(manifest)), block).toMatchObject({ ok: true });
    }
  });
});
