/**
 * The application a plugin is written for, registered once by declaration merging, so that the
 * `cove` global and the `"cove"` module (declared by `@cove/plugin-sdk/env`) are typed by that
 * application's API and events:
 *
 * ```ts
 * declare module "@cove/plugin-sdk" {
 *   interface Register {
 *     api: { editor: { getText(): string } };
 *     events: { "document.changed": { length: number } };
 *   }
 * }
 * ```
 *
 * An application can ship this augmentation in a types package for its plugin authors.
 */

import type { ApiShape, CoveApi, EventMap } from "./plugin-api.js";

// biome-ignore lint/suspicious/noEmptyInterface: filled in by applications through declaration merging.
export interface Register {}

/** The registered application's API, or none. */
export type RegisteredApi = Register extends { readonly api: infer A extends ApiShape }
  ? A
  : Record<never, never>;

/** The registered application's events, or any event with an unknown payload. */
export type RegisteredEvents = Register extends { readonly events: infer E extends EventMap }
  ? E
  : EventMap;

/** The API object of a plugin of the registered application. */
export type RegisteredCoveApi = CoveApi<RegisteredApi, RegisteredEvents>;
