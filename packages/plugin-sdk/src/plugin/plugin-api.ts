/**
 * The API object a plugin sees (DESIGN.md §3.3): the application's namespaces of methods plus the
 * host's own `storage`, `events`, `commands`, `requests` and `plugins`. Guest code reaches it as the global
 * `cove` or as the module `"cove"` (`import { storage } from "cove"`); both are the same object,
 * built for the plugin from its granted capabilities. These types mirror what `@cove/host` builds
 * (packages/host/src/bridge/make-builtins.ts); test/plugin/api-conformance.test.ts runs every
 * method through a real host to keep the two in step.
 */

import type { JsonValue } from "./json.js";

/** A method of the application's API, as a plugin calls it. */
// biome-ignore lint/suspicious/noExplicitAny: a method's arguments are whatever the application declares.
export type ApiMethod = (...args: any[]) => unknown;

/** One namespace of the application's API: `{ getText(): string; insert(text: string): number }`. */
export type ApiNamespace = { readonly [method: string]: ApiMethod };

/**
 * The application's API as plugins call it, by namespace: `{ editor: { getText(): string } }`.
 * `@cove/host`'s `PluginApiOf<typeof api>` computes it from an API declaration, and so does
 * {@link PluginApiFromDeclaration} here.
 */
export type ApiShape = { readonly [namespace: string]: ApiNamespace };

/** Event names to payload types: `{ "document.changed": { length: number } }`. */
export type EventMap = { readonly [event: string]: unknown };

/** The plugin's own key-value store (capability `storage`), bounded by the host's quota. */
export interface PluginStorage {
  /**
   * The value stored under `key`, or `undefined`. `T` is a claim, not a check: storage holds what
   * this plugin wrote, so it is as reliable as the plugin's own writes.
   */
  get<T extends JsonValue = JsonValue>(key: string): T | undefined;
  /** Stores a copy of `value`; throws a guest error when the quota would be exceeded. */
  set(key: string, value: JsonValue): void;
  /** Removes `key`; true when it was there. */
  delete(key: string): boolean;
  /** Every key, in insertion order. */
  keys(): string[];
}

/** A function that receives an event's payload. */
export type EventHandler<Payload = unknown> = (payload: Payload) => void;

/**
 * Events in and out. `on` needs the event's capability (`events.subscribe` unless the application
 * declared another) with the name in its scope; `emit` needs `events.emit` with the name in scope,
 * and may not emit an event the application declared.
 */
export interface PluginEvents<Events extends EventMap = EventMap> {
  /** Receives an event the application declared, with its payload type. */
  on<K extends keyof Events & string>(name: K, handler: EventHandler<Events[K]>): void;
  /** Receives events by a `prefix.*` pattern, or events other plugins emit. */
  on(name: string, handler: EventHandler<unknown>): void;
  /** Stops one handler, or every handler of `name` when none is given. */
  off(name: string, handler?: EventHandler<never>): void;
  /** Sends an event to the application and to plugins subscribed to it. */
  emit(name: string, payload?: JsonValue): void;
}

/** Commands the plugin contributes, and commands it runs. */
export interface PluginCommands {
  /**
   * The handler of a command listed in the manifest's `contributes.commands`; the application's
   * `host.executeCommand(id, args)` gets its return value.
   */
  register<Args extends unknown[] = JsonValue[]>(
    id: string,
    handler: (...args: Args) => unknown,
  ): void;
  /** Runs any plugin's command (capability `commands`). Queued; the result is not returned. */
  execute(id: string, ...args: JsonValue[]): void;
}

/** Who sent a request: another plugin's id, or `null` for the application. */
export interface RequestSender {
  readonly from: string | null;
}

/**
 * Answers the application's `host.request(pluginId, name, payload)` and other plugins'
 * `plugins.request(pluginId, name, payload)`. The handler may be `async`; its result is the
 * answer (JSON data, when another plugin asks).
 */
export interface PluginRequests {
  handle<Payload = unknown>(
    name: string,
    handler: (payload: Payload, sender: RequestSender) => unknown,
  ): void;
}

/** Options of {@link PluginPlugins.request}. */
export interface PluginRequestOptions {
  /** Give up after this long (default: the host's request timeout, 5 s unless it says otherwise). */
  readonly timeoutMs?: number;
}

/** Other plugins (capability `plugins.request`, scoped to plugin ids or `pluginId:name`). */
export interface PluginPlugins {
  /**
   * Asks another plugin: its `requests.handle(name, …)` handler runs in its own queue, under its
   * own budget. Resolves with its answer; rejects with a `TimeoutError`, an `AbortError`, an
   * `Unavailable` (it unloaded), a `NotFound` (no handler) or a `RequestFailed` (its handler
   * threw — `message` says what — or its answer was not JSON data) guest error, each with a
   * `code`. The payload and the answer are copied as JSON data.
   */
  request<Answer = JsonValue>(
    pluginId: string,
    name: string,
    payload?: JsonValue,
    options?: PluginRequestOptions,
  ): Promise<Answer>;
}

/** The host's own namespaces, present in every plugin's API object. */
export interface BuiltinApi<Events extends EventMap = EventMap> {
  /** Present when the manifest asks for `storage`. */
  readonly storage: PluginStorage;
  readonly events: PluginEvents<Events>;
  readonly commands: PluginCommands;
  readonly requests: PluginRequests;
  /** Present when the manifest asks for `plugins.request`. */
  readonly plugins: PluginPlugins;
}

/**
 * The API object of a plugin of an application whose API is `Api` and whose events are `Events`:
 * the `cove` global and the `"cove"` module. A namespace exists only when the manifest asks for a
 * capability one of its methods needs; a method whose capability the host's policy refused exists
 * and throws a guest `PermissionDenied` error.
 */
export type CoveApi<
  Api extends ApiShape = Record<never, never>,
  Events extends EventMap = EventMap,
> = { readonly [N in keyof Api]: Api[N] } & BuiltinApi<Events>;
