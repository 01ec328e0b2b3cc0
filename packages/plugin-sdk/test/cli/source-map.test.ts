/** Mapping the host's bundle positions back to the plugin's sources. */

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mapPositions, readSourceMap } from "../../src/cli/source-map.js";
import { cli, manifestText, removeTempProjects, tempProject } from "./helpers.js";

afterEach(removeTempProjects);

describe("source maps of a build", () => {
  it("map a bundle position to the source file, line and column", async () => {
    const dir = tempProject({
      "cove-plugin.json": manifestText(),
      "src/index.ts":
        'import { twice } from "./lib/twice.js";\nexport const run = () => twice(2);\n',
      "src/lib/twice.ts": "export function twice(n: number): number {\n  return n * 2;\n}\n",
    });
    expect((await cli(dir, "build")).code).toBe(0);
    const bundle = path.join(dir, "dist/main.js");
    const lines = readFileSync(bundle, "utf8").split("\n");
    const at = lines.findIndex((line) => line.includes("return n * 2"));
    const column = (lines[at] ?? "").indexOf("return") + 1;

    const mapper = await readSourceMap(bundle, (file) => path.relative(dir, file));
    if (mapper === undefined) throw new Error("no source map next to the bundle");
    expect(mapper.original(at + 1, column)).toBe(`${path.join("src", "lib", "twice.ts")}:2:3`);
    expect(
      mapPositions(`at twice (dist/main.js:${at + 1}:${column})`, "dist/main.js", mapper),
    ).toBe(`at twice (${path.join("src", "lib", "twice.ts")}:2:3)`);
    expect(mapPositions("at x (dist/main.js:999:1)", "dist/main.js", mapper)).toBe(
      "at x (dist/main.js:999:1)",
    );
  });

  it("are optional", async () => {
    expect(await readSourceMap("/nonexistent/main.js", (f) => f)).toBeUndefined();
  });
});
