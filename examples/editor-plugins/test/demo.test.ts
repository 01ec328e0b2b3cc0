import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// Runs the built demo with plain `node`, as `npm run demo` does: this proves the published
// entry points (`dist/index.js` of this example and of @cove/interpreter) load without a
// TypeScript loader.
it("runs the built demo under plain node", () => {
  const demo = fileURLToPath(new URL("../dist/demo.js", import.meta.url));
  const result = spawnSync(process.execPath, [demo], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.stdout).toContain("word-count plugin, run in a Cove sandbox: 10 words");
  expect(result.status).toBe(0);
});
