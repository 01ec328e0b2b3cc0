/**
 * The plugin-facing types of an application's API and events, computed from the declaration the
 * application gives `createHost({ api, events })`. The SDK does not import `@cove/host` (see
 * ARCHITECTURE.md), so these read the declaration's shape structurally: a method is an object
 * with a `handler(call, ...args)`, an event one with an optional `__payload` type marker (what
 * `@cove/host`'s `event<Payload>()` sets).
 */

import type { ApiMethod } from "./plugin-api.js";

/** `{ editor: { getText: { capability, handler: (call) => string } } }` → `{ editor: { getText(): string } }`. */
export type PluginApiFromDeclaration<Declaration> = {
  readonly [N in keyof Declaration]: {
    readonly [M in keyof Declaration[N]]: MethodFromDeclaration<Declaration[N][M]>;
  };
};

type MethodFromDeclaration<M> = M extends {
  // biome-ignore lint/suspicious/noExplicitAny: the call context's type is the host's business.
  readonly handler: (call: any, ...args: infer Args) => infer Result;
}
  ? (...args: Args) => Result
  : ApiMethod;

/** `{ "document.changed": event<{ length: number }>() }` → `{ "document.changed": { length: number } }`. */
export type PluginEventsFromDeclaration<Declaration> = {
  readonly [K in keyof Declaration]: Declaration[K] extends { readonly __payload?: infer P }
    ? unknown extends P
      ? unknown
      : P
    : unknown;
};
