/** JSON data: what crosses between a plugin and its host by value (storage, events, commands). */

export type JsonPrimitive = string | number | boolean | null;

/** A JSON value. Arrays and objects may be readonly: the host copies what it receives. */
export type JsonValue =
  | JsonPrimitive
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
