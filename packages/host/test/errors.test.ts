import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HOST_ERROR_CODES, HostError } from "../src/index.js";

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/errors");

describe("host errors", () => {
  it.each(HOST_ERROR_CODES)("%s has a page under docs/errors", (code) => {
    const page = path.join(docs, `${code}.md`);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, "utf8")).toMatch(new RegExp(`^# ${code}\\n`));
  });

  it("points every message at its page", () => {
    const error = new HostError("COVE_PLUGIN_NOT_FOUND", "No plugin.", "acme.x");
    expect(error.message).toBe("No plugin.\nSee docs/errors/COVE_PLUGIN_NOT_FOUND.md.");
    expect(error).toMatchObject({ code: "COVE_PLUGIN_NOT_FOUND", pluginId: "acme.x" });
  });
});
