import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { manifestSchema } from "../../src/index.js";
import { fullManifest } from "./fixtures.js";

const file = new URL("../../schema/cove-plugin.schema.json", import.meta.url);

describe("schema/cove-plugin.schema.json", () => {
  it("is the schema generated from manifestSchema (run `npm run build -w @cove/plugin-sdk`)", () => {
    expect(JSON.parse(readFileSync(file, "utf8"))).toStrictEqual(
      JSON.parse(JSON.stringify(manifestSchema)),
    );
  });

  it("works for a tool that knows nothing of Cove's formats and annotations", () => {
    // An editor or a generic validator: draft-07, unknown formats and keywords ignored.
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(file, "utf8")));
    expect(validate(fullManifest())).toBe(true);
    expect(validate({ ...fullManifest(), id: "Not An Id" })).toBe(false);
  });

  it("is exported as @cove/plugin-sdk/schema.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(pkg.exports["./schema.json"]).toBe("./schema/cove-plugin.schema.json");
    expect(pkg.files).toContain("schema");
  });
});

describe("manifestSchema", () => {
  it("is frozen, so no caller can change the schema every validator shares", () => {
    expect(Object.isFrozen(manifestSchema)).toBe(true);
    expect(Object.isFrozen(manifestSchema.properties.engines.properties.host)).toBe(true);
    expect(Object.isFrozen(manifestSchema.required)).toBe(true);
  });
});
