/**
 * The ajv instances, created on first use and kept for the life of the module: compiling the
 * manifest schema costs milliseconds, validating a manifest microseconds.
 */

import { Ajv, type ValidateFunction } from "ajv";
import { manifestFormats } from "./formats.js";
import { manifestSchema } from "./schema.js";

/** Annotations the schema carries for editors; ajv's strict mode must know them. */
const ANNOTATIONS = ["patternErrorMessage"];

let manifestValidator: ValidateFunction | undefined;
let settingsAjv: Ajv | undefined;

export function getManifestValidator(): ValidateFunction {
  if (manifestValidator === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: "string" });
    for (const [name, format] of Object.entries(manifestFormats)) {
      ajv.addFormat(name, { type: "string", validate: format.validate });
    }
    manifestValidator = ajv.compile(manifestSchema);
  }
  return manifestValidator;
}

/**
 * The instance that compiles plugins' setting schemas. Strict, so a keyword that cannot apply
 * (`minimum` on a string) or a `required` name missing from `properties` is reported rather
 * than silently ignored. Compiled setting schemas are removed after use (see `check-settings.ts`),
 * so the instance does not grow with every manifest it sees.
 */
export function getSettingsAjv(): Ajv {
  settingsAjv ??= new Ajv({ allErrors: true, verbose: true, strict: true });
  return settingsAjv;
}
