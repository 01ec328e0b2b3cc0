/**
 * The embedding application's API, declared once: namespaces of methods (each with the
 * capability it needs, a JSON schema per argument and a handler) and events (each with a payload
 * schema and the capability a plugin needs to receive it). The types of what plugins see and of
 * `host.emit` are inferred from this declaration.
 */

/** A JSON schema (ajv, draft-07). Kept loose: ajv checks it when the host is created. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** What a handler knows about the call it serves. */
export interface CallContext {
  /** The calling plugin. */
  readonly pluginId: string;
  /** `namespace.method`. */
  readonly method: string;
  /** The scope the caller was granted for the method's capability, if it has one. */
  readonly scope: readonly string[] | undefined;
}

export interface MethodDeclaration<Args extends unknown[] = never[], Result = unknown> {
  /** The capability a plugin must hold to call the method (`editor.read`). */
  readonly capability: string;
  /** One JSON schema per positional argument; extra arguments are refused. */
  readonly args?: readonly JsonSchema[];
  /** How many of `args` are required; the rest may be omitted. Defaults to all of them. */
  readonly requiredArgs?: number;
  /**
   * The scope item the call touches (an origin, a key prefix), checked against the scope the
   * plugin was granted for `capability`. Omit for capabilities without a scope.
   */
  readonly scope?: (...args: Args) => string;
  /**
   * What the call does. A result crosses to the plugin by the membrane's rules; a Promise (an
   * `async` handler) crosses as a promise the plugin awaits, within its per-event time budget.
   */
  readonly handler: (call: CallContext, ...args: Args) => Result;
  readonly description?: string;
}

export interface EventDeclaration<Payload = unknown> {
  /** The payload's JSON schema, checked on every emit. */
  readonly payload?: JsonSchema;
  /**
   * The capability a plugin needs to receive the event, with the event name in its scope.
   * Defaults to `events.subscribe`.
   */
  readonly capability?: string;
  readonly description?: string;
  /** Type-level only: the payload's TypeScript type (see {@link event}). */
  readonly __payload?: Payload;
}

// biome-ignore lint/suspicious/noExplicitAny: method argument lists are inferred per method.
export type AnyMethod = MethodDeclaration<any[], unknown>;

export type NamespaceDeclaration = { readonly [method: string]: AnyMethod };

/** The application's namespaces of methods: `{ editor: { getText: { … } } }`. */
export type ApiDeclaration = { readonly [namespace: string]: NamespaceDeclaration };

/** The application's events: `{ "document.changed": { payload, capability } }`. */
export type EventsDeclaration = { readonly [event: string]: EventDeclaration };

/**
 * Declares a method with its argument types inferred from `handler`. Identity at run time.
 */
export function method<const Args extends unknown[], Result>(
  declaration: MethodDeclaration<Args, Result>,
): MethodDeclaration<Args, Result> {
  return declaration;
}

/** Declares an event whose payload has type `Payload`. Identity at run time. */
export function event<Payload>(
  declaration: Omit<EventDeclaration<Payload>, "__payload"> = {},
): EventDeclaration<Payload> {
  return declaration;
}

/** Declares the namespaces; identity at run time, keeps literal types for inference. */
export function defineApi<const A extends ApiDeclaration>(api: A): A {
  return api;
}

/** Declares the events; identity at run time. */
export function defineEvents<const E extends EventsDeclaration>(events: E): E {
  return events;
}

/** A method as a plugin calls it: the handler's arguments after the call context. */
export type PluginMethod<M> =
  M extends MethodDeclaration<infer Args, infer Result> ? (...args: Args) => Result : never;

/** The app-declared part of the API object a plugin sees (every namespace; grants filter it). */
export type PluginApiOf<A extends ApiDeclaration> = {
  readonly [N in keyof A]: { readonly [M in keyof A[N]]: PluginMethod<A[N][M]> };
};

/** The payload type of event `K` of `E`. */
export type EventPayloadOf<E extends EventsDeclaration, K extends keyof E> =
  E[K] extends EventDeclaration<infer P> ? P : unknown;
