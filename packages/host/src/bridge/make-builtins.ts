/**
 * The host's own namespaces in every plugin's API object, next to the application's:
 *
 * - `storage.get/set/delete/keys` — the plugin's key-value store (capability `storage`);
 * - `events.on/off` — receive events: a host event needs the capability it was declared with
 *   (default `events.subscribe`) with the event in its scope; another plugin's event needs
 *   `events.subscribe` with it in scope;
 * - `events.emit` — send an event to the application and to plugins subscribed to it
 *   (`events.emit` with the name in scope; names the host declared are the host's alone);
 * - `commands.register` — the handler of a command the manifest contributes;
 *   `commands.execute` — run any plugin's command (capability `commands`);
 * - `requests.handle` — answer the application's `host.request(pluginId, name, …)` and other
 *   plugins' `plugins.request`; the handler gets the payload and `{ from }`, who asks;
 * - `plugins.request` — ask another plugin (capability `plugins.request`, its scope naming the
 *   plugins — `acme.spell`, `acme.*` — or single requests — `acme.spell:check`); returns a
 *   promise of the answer (see `request-between-plugins.ts`).
 */

import { isValidPluginId } from "@cove/plugin-sdk";
import type { CompiledApi } from "../api/compile-api.js";
import { messages } from "../errors.js";
import type { GuestFunction, PluginRuntime } from "../lifecycle/plugin-runtime.js";
import { matchesScope } from "../policy/match-scope.js";
import type { BuiltinNamespaces } from "./make-plugin-api.js";

export interface BuiltinServices {
  readonly pluginId: string;
  readonly api: CompiledApi;
  readonly runtime: () => PluginRuntime;
  /** Commands the plugin's manifest contributes. */
  readonly contributedCommands: ReadonlySet<string>;
  /** A plugin → application/plugins event, already authorized. */
  emit(name: string, payload: unknown): void;
  /** Queues a command run; the result is not returned to the caller (synchronous guest API). */
  executeCommand(command: string, args: unknown[]): void;
  /** Asks another plugin, already authorized; settles with its answer or a host error. */
  request(
    pluginId: string,
    name: string,
    payload: unknown,
    timeoutMs: number | undefined,
  ): Promise<unknown>;
}

const KEY_MAX = 256;

export function makeBuiltins(services: BuiltinServices): BuiltinNamespaces {
  const store = () => {
    const s = services.runtime().store;
    if (s === undefined) throw new Error("storage is not available");
    return s;
  };
  const eventCapability = (name: string) =>
    services.api.events.get(name)?.capability ?? "events.subscribe";

  return {
    storage: {
      get: {
        presentIf: "storage",
        check: checks(key),
        handler: (k) => store().get(k as string),
      },
      set: {
        presentIf: "storage",
        check: checks(key, anything),
        handler: (k, value) => {
          store().set(k as string, value);
        },
      },
      delete: {
        presentIf: "storage",
        check: checks(key),
        handler: (k) => store().delete(k as string),
      },
      keys: {
        presentIf: "storage",
        check: checks(),
        handler: () => store().keys(),
      },
    },
    events: {
      on: {
        presentIf: undefined,
        check: checks(eventName, fn),
        access: ([name]) => ({ capability: eventCapability(name as string), item: name as string }),
        handler: (name, handler) => {
          const subscriptions = services.runtime().subscriptions;
          const list = subscriptions.get(name as string) ?? [];
          list.push(handler as GuestFunction);
          subscriptions.set(name as string, list);
        },
      },
      off: {
        presentIf: undefined,
        check: checks(eventName, optional(fn)),
        handler: (name, handler) => {
          const subscriptions = services.runtime().subscriptions;
          if (handler === undefined) subscriptions.delete(name as string);
          else {
            const list = (subscriptions.get(name as string) ?? []).filter((h) => h !== handler);
            subscriptions.set(name as string, list);
          }
        },
      },
      emit: {
        presentIf: "events.emit",
        check: checks(eventName, optional(anything)),
        access: ([name]) => ({
          capability: "events.emit",
          item: name as string,
          ...(services.api.events.has(name as string)
            ? { refuse: `"${String(name)}" is an event of the host; only the host emits it` }
            : {}),
        }),
        handler: (name, payload) => services.emit(name as string, payload),
      },
    },
    commands: {
      register: {
        presentIf: undefined,
        check: checks(commandId, fn),
        handler: (id, handler) => {
          if (!services.contributedCommands.has(id as string)) {
            throw new TypeError(
              `commands.register: "${String(id)}" is not in contributes.commands of the manifest`,
            );
          }
          services.runtime().commands.set(id as string, handler as GuestFunction);
        },
      },
      execute: {
        presentIf: "commands",
        check: (args) =>
          typeof args[0] === "string" ? undefined : "arguments[0]: must be a command id",
        handler: (id, ...args) => {
          services.executeCommand(id as string, args);
        },
      },
    },
    requests: {
      handle: {
        presentIf: undefined,
        check: checks(eventName, fn),
        handler: (name, handler) => {
          services.runtime().requestHandlers.set(name as string, handler as GuestFunction);
        },
      },
    },
    plugins: {
      request: {
        presentIf: "plugins.request",
        check: checks(
          otherPlugin(services.pluginId),
          eventName,
          anything,
          optional(requestOptions),
        ),
        access: ([id, name]) => {
          const scope = services.runtime().grants.granted.get("plugins.request")?.scope ?? [];
          const one = `${String(id)}:${String(name)}`;
          // Granted for the whole plugin (or a prefix of ids), or for this one request.
          const item = matchesScope(scope, String(id)) ? String(id) : one;
          return { capability: "plugins.request", item };
        },
        handler: (id, name, payload, options) =>
          services.request(
            id as string,
            name as string,
            payload,
            (options as { timeoutMs?: number } | undefined)?.timeoutMs,
          ),
      },
    },
  };
}

type ArgCheck = (value: unknown) => string | undefined;

function checks(...expected: ArgCheck[]): (args: readonly unknown[]) => string | undefined {
  return (args) => {
    let end = args.length;
    while (end > expected.length && args[end - 1] === undefined) end--;
    if (end > expected.length) return `takes at most ${expected.length} argument(s)`;
    for (let i = 0; i < expected.length; i++) {
      const problem = (expected[i] as ArgCheck)(args[i]);
      if (problem !== undefined) return `arguments[${i}]: ${problem}`;
    }
    return undefined;
  };
}

const key: ArgCheck = (v) =>
  typeof v === "string" && v.length > 0 && v.length <= KEY_MAX
    ? undefined
    : `must be a string of 1 to ${KEY_MAX} characters`;
const eventName: ArgCheck = (v) =>
  typeof v === "string" &&
  /^[A-Za-z0-9][\w-]*(?:[.:][A-Za-z0-9*][\w-]*)*$/.test(v) &&
  v.length <= 300
    ? undefined
    : 'must be an event name such as "document.changed"';
const commandId: ArgCheck = (v) =>
  typeof v === "string" && v.length > 0 && v.length <= 200 ? undefined : "must be a command id";
const fn: ArgCheck = (v) => (typeof v === "function" ? undefined : "must be a function");
const otherPlugin =
  (self: string): ArgCheck =>
  (v) =>
    typeof v !== "string" || !isValidPluginId(v)
      ? 'must be a plugin id such as "acme.spell-check"'
      : v === self
        ? messages.requestSelf()
        : undefined;
const MAX_TIMEOUT_MS = 2_147_483_647;
const requestOptions: ArgCheck = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "must be { timeoutMs }";
  for (const [key, value] of Object.entries(v)) {
    if (key !== "timeoutMs") return `must not have property "${key}"`;
    if (value === undefined) continue;
    if (typeof value !== "number" || !(value > 0) || value > MAX_TIMEOUT_MS) {
      return "timeoutMs must be a positive number of milliseconds";
    }
  }
  return undefined;
};
const anything: ArgCheck = () => undefined;
const optional =
  (check: ArgCheck): ArgCheck =>
  (v) =>
    v === undefined ? undefined : check(v);
