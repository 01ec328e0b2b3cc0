/**
 * Checks the application's API declaration once, when the host is created, and compiles one ajv
 * validator per method (its argument list) and per event (its payload). Calls then only run
 * compiled code.
 */

import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { HostError, messages } from "../errors.js";
import type {
  AnyMethod,
  ApiDeclaration,
  EventDeclaration,
  EventsDeclaration,
} from "./api-types.js";

/** Namespaces the host itself provides to plugins; an application may not declare them. */
export const RESERVED_NAMESPACES = new Set([
  "storage",
  "events",
  "commands",
  "requests",
  "plugin",
  "plugins",
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const CAPABILITY = /^[a-z][A-Za-z0-9-]*(?:\.[a-z][A-Za-z0-9-]*)*$/;
const EVENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:[.:][A-Za-z0-9][A-Za-z0-9_-]*)*$/;

export interface CompiledMethod {
  readonly namespace: string;
  readonly name: string;
  /** `namespace.method`, as the audit log and reports name it. */
  readonly qualifiedName: string;
  readonly declaration: AnyMethod;
  /** Returns `undefined` when the arguments are valid, else what is wrong with them. */
  readonly check: (args: readonly unknown[]) => string | undefined;
}

export interface CompiledEvent {
  readonly name: string;
  readonly capability: string;
  readonly declaration: EventDeclaration;
  readonly check: (payload: unknown) => string | undefined;
}

export interface CompiledApi {
  readonly methods: ReadonlyMap<string, CompiledMethod>;
  readonly events: ReadonlyMap<string, CompiledEvent>;
  /** Compiles a schema with the API's ajv instance (for plugin settings, payloads, …). */
  readonly compile: (
    schema: unknown,
    where: string,
    root?: string,
  ) => (value: unknown) => string | undefined;
}

export function compileApi(api: ApiDeclaration = {}, events: EventsDeclaration = {}): CompiledApi {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTuples: false,
    strictRequired: false,
    strictTypes: false,
  });
  const compile = (schema: unknown, where: string, root = "value") => {
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(schema as object);
    } catch (error) {
      throw new HostError(
        "COVE_API_DECLARATION_INVALID",
        messages.apiInvalid(where, String(error)),
      );
    }
    return (value: unknown) =>
      validate(value) ? undefined : describeErrors(validate.errors, root);
  };

  const methods = new Map<string, CompiledMethod>();
  for (const [namespace, declared] of Object.entries(api)) {
    if (!IDENTIFIER.test(namespace) || RESERVED_NAMESPACES.has(namespace)) {
      invalid(namespace, "a namespace must be an identifier other than the host's own namespaces");
    }
    for (const [name, declaration] of Object.entries(declared)) {
      const where = `${namespace}.${name}`;
      if (!IDENTIFIER.test(name)) invalid(where, "a method name must be an identifier");
      if (typeof declaration?.handler !== "function") invalid(where, "handler must be a function");
      if (typeof declaration.capability !== "string" || !CAPABILITY.test(declaration.capability)) {
        invalid(where, 'capability must be a capability name such as "editor.read"');
      }
      const argSchemas = declaration.args ?? [];
      const validate = compile(
        {
          type: "array",
          ...(argSchemas.length > 0 ? { items: [...argSchemas] } : {}),
          minItems: declaration.requiredArgs ?? argSchemas.length,
          maxItems: argSchemas.length,
        },
        `${where}.args`,
        "arguments",
      );
      methods.set(where, {
        namespace,
        name,
        qualifiedName: where,
        declaration,
        check: (args) => validate(trimUndefined(args)),
      });
    }
  }

  const compiledEvents = new Map<string, CompiledEvent>();
  for (const [name, declaration] of Object.entries(events)) {
    if (!EVENT_NAME.test(name)) invalid(name, "an event name is dot- or colon-separated segments");
    const validate =
      declaration.payload === undefined
        ? () => undefined
        : compile(declaration.payload, `${name}.payload`, "payload");
    compiledEvents.set(name, {
      name,
      capability: declaration.capability ?? "events.subscribe",
      declaration,
      check: validate,
    });
  }
  return { methods, events: compiledEvents, compile };
}

function invalid(where: string, detail: string): never {
  throw new HostError("COVE_API_DECLARATION_INVALID", messages.apiInvalid(where, detail));
}

/** Trailing `undefined` arguments are absent arguments, as in JavaScript. */
function trimUndefined(args: readonly unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

/** `arguments[0]: must be string; arguments[1].n: must be >= 1`, rooted at `root`. */
export function describeErrors(
  errors: readonly ErrorObject[] | null | undefined,
  root: string,
): string {
  if (!errors || errors.length === 0) return `${root}: invalid value`;
  return errors
    .map((error) => {
      const path = error.instancePath
        .split("/")
        .slice(1)
        .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
        .join("");
      const params = error.params as Record<string, unknown>;
      const detail =
        error.keyword === "additionalProperties"
          ? `must not have property "${String(params.additionalProperty)}"`
          : error.keyword === "maxItems" && path === "" && root === "arguments"
            ? `takes at most ${String(params.limit)} argument(s)`
            : error.keyword === "minItems" && path === "" && root === "arguments"
              ? `needs at least ${String(params.limit)} argument(s)`
              : (error.message ?? "is invalid");
      return `${root}${path}: ${detail}`;
    })
    .join("; ");
}
