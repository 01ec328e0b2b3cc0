/**
 * Derives a TypeScript type from a JSON schema written as a `const` object, so the manifest
 * schema is the single source of both the validator and the `Manifest` type.
 *
 * It understands the subset the manifest schema uses, and nothing else: `$ref` to
 * `#/definitions/…`, `const`, `enum`, `type` (one type name, not a list), `items`, `properties`,
 * `required`, `additionalProperties` (`false`, `true` or a schema) and `patternProperties` whose
 * keys are literal prefixes (`"^x-"` becomes `` `x-${string}` ``). Keywords that only narrow the
 * set of values (`pattern`, `format`, `minimum`, `allOf` with `if`/`then`, …) leave the type as
 * it is; where a narrower type is worth having, {@link refine} states it next to the keyword.
 */

declare const refined: unique symbol;

/**
 * A schema node whose TypeScript type is narrower than its JSON type says. Type-level only: the
 * property never exists at run time, and its key is a symbol nothing else can name.
 */
export interface Refined<T> {
  readonly [refined]: T;
}

/**
 * Attaches a narrower TypeScript type to a schema node, typically a template-literal type for a
 * string `pattern` (`` `onCommand:${string}` ``). The object is returned unchanged: the
 * refinement exists only for the type checker and never appears in the JSON schema.
 */
export function refine<T extends string>() {
  return <const S extends { readonly type: "string" }>(schema: S): S & Refined<T> =>
    schema as S & Refined<T>;
}

/** The type of the values that `S` accepts; `$ref`s resolve in `D` (the `definitions`). */
export type FromSchema<S, D> = S extends Refined<infer T> ? T : Structural<S, D>;

type Structural<S, D> = S extends { readonly $ref: `#/definitions/${infer K}` }
  ? K extends keyof D
    ? FromSchema<D[K], D>
    : never
  : S extends { readonly const: infer C }
    ? C
    : S extends { readonly enum: readonly (infer E)[] }
      ? E
      : S extends { readonly type: infer T }
        ? FromTypeName<T, S, D>
        : unknown;

type FromTypeName<T, S, D> = T extends "string"
  ? string
  : T extends "number" | "integer"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "null"
        ? null
        : T extends "array"
          ? ArrayOf<S, D>
          : T extends "object"
            ? ObjectOf<S, D>
            : unknown;

type ArrayOf<S, D> = S extends { readonly items: infer I } ? FromSchema<I, D>[] : unknown[];

type PropertiesOf<S> = S extends { readonly properties: infer P } ? P : unknown;
type RequiredOf<S> = S extends { readonly required: readonly (infer R)[] } ? R : never;

type ObjectOf<S, D, P = PropertiesOf<S>, R = RequiredOf<S>> = Simplify<
  { -readonly [K in keyof P as K extends R ? K : never]: FromSchema<P[K], D> } & {
    -readonly [K in keyof P as K extends R ? never : K]?: FromSchema<P[K], D>;
  } & AdditionalOf<S, D>
>;

type AdditionalOf<S, D> = S extends { readonly additionalProperties: false }
  ? PatternPropertiesOf<S, D>
  : S extends { readonly additionalProperties: infer A }
    ? A extends true
      ? { [key: string]: unknown }
      : { [key: string]: FromSchema<A, D> }
    : { [key: string]: unknown };

type PatternPropertiesOf<S, D> = S extends { readonly patternProperties: infer P }
  ? { -readonly [K in keyof P as PrefixKey<K>]: FromSchema<P[K], D> }
  : unknown;

type PrefixKey<K> = K extends `^${infer Prefix}` ? `${Prefix}${string}` : string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
