/**
 * Pins the TypeScript types derived from the manifest schema. `npm run typecheck` checks these
 * assertions; a schema change that changes a type fails here until this file says so too.
 */

import { describe, expectTypeOf, it } from "vitest";
import type {
  ActivationEvent,
  Budget,
  Budgets,
  Capability,
  CapabilityName,
  CommandContribution,
  Manifest,
  SettingContribution,
  SettingValueSchema,
} from "../../src/index.js";
import { validateManifest } from "../../src/index.js";

type Flat<T> = { [K in keyof T]: T[K] };

type SettingKeywords<Nested> = {
  type: "string" | "number" | "integer" | "boolean" | "array" | "object";
  title?: string;
  description?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  items?: Nested;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: { [key: string]: Nested };
  required?: string[];
  additionalProperties?: boolean;
};

describe("manifest types", () => {
  it("derive Manifest field by field from the schema", () => {
    expectTypeOf<Manifest["manifestVersion"]>().toEqualTypeOf<1>();
    expectTypeOf<Manifest["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Manifest["name"]>().toEqualTypeOf<string>();
    expectTypeOf<Manifest["version"]>().toEqualTypeOf<string>();
    expectTypeOf<Manifest["engines"]>().toEqualTypeOf<{ host: string }>();
    expectTypeOf<Manifest["main"]>().toEqualTypeOf<string>();
    expectTypeOf<Manifest["activation"]>().toEqualTypeOf<ActivationEvent[]>();
    expectTypeOf<Manifest["$schema"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Manifest["description"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Manifest["publisher"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Manifest["dependencies"]>().toEqualTypeOf<{ [id: string]: string } | undefined>();
    expectTypeOf<Manifest["optionalDependencies"]>().toEqualTypeOf<
      { [id: string]: string } | undefined
    >();
    expectTypeOf<Manifest["contributes"]>().toEqualTypeOf<
      | { commands?: CommandContribution[]; settings?: { [key: string]: SettingContribution } }
      | undefined
    >();
    expectTypeOf<Manifest["capabilities"]>().toEqualTypeOf<Capability[] | undefined>();
    expectTypeOf<Manifest["globals"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Manifest["budgets"]>().toEqualTypeOf<Budgets | undefined>();
    expectTypeOf<Manifest[`x-${string}`]>().toEqualTypeOf<unknown>();
  });

  it("has exactly the manifest's fields, plus x-* extensions", () => {
    type Fields = Exclude<keyof Manifest, `x-${string}`>;
    expectTypeOf<Fields>().toEqualTypeOf<
      | "$schema"
      | "manifestVersion"
      | "id"
      | "name"
      | "version"
      | "description"
      | "publisher"
      | "engines"
      | "main"
      | "dependencies"
      | "optionalDependencies"
      | "activation"
      | "contributes"
      | "capabilities"
      | "globals"
      | "budgets"
    >();
    expectTypeOf<{
      manifestVersion: 1;
      id: string;
      name: string;
      version: string;
      engines: { host: string };
      main: string;
      activation: ["onStartup", "onCommand:a.b", "onEvent:document.changed"];
      "x-marketplace": { category: string };
    }>().toExtend<Manifest>();
    expectTypeOf<{ manifestVersion: 2 }>().not.toExtend<Partial<Manifest>>();
  });

  it("types activation events and capability names more narrowly than string", () => {
    expectTypeOf<"onStartup">().toExtend<ActivationEvent>();
    expectTypeOf<"onCommand:wordCount.show">().toExtend<ActivationEvent>();
    expectTypeOf<"onEvent:document.changed">().toExtend<ActivationEvent>();
    expectTypeOf<"onLoad">().not.toExtend<ActivationEvent>();
    expectTypeOf<"editor.read">().toExtend<CapabilityName>();
    expectTypeOf<"acmeEditor.projects.read">().toExtend<CapabilityName>();
  });

  it("derive the parts", () => {
    expectTypeOf<Capability>().toEqualTypeOf<{
      name: CapabilityName;
      scope?: string[];
      reason: string;
    }>();
    expectTypeOf<CommandContribution>().toEqualTypeOf<{ id: string; title: string }>();
    expectTypeOf<Budget>().toEqualTypeOf<{
      fuel?: number;
      cpuMs?: number;
      allocationBytes?: number;
      heapBytes?: number;
      hostCalls?: number;
      errors?: number;
    }>();
    expectTypeOf<Budgets>().toEqualTypeOf<{ perEvent?: Budget; cumulative?: Budget }>();
    expectTypeOf<SettingContribution>().toEqualTypeOf<
      Flat<SettingKeywords<SettingValueSchema> & { default: unknown }>
    >();
    expectTypeOf<SettingValueSchema>().toEqualTypeOf<
      Flat<SettingKeywords<SettingValueSchema> & { default?: unknown }>
    >();
  });

  it("narrow validateManifest's result to Manifest", () => {
    const result = validateManifest({});
    if (result.ok) expectTypeOf(result.manifest).toEqualTypeOf<Manifest>();
    else
      expectTypeOf(result.problems).toEqualTypeOf<
        { path: string; message: string; file?: string; line?: number; column?: number }[]
      >();
  });
});
