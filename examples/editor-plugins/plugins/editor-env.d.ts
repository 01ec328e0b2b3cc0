/**
 * The editor's API as its plugins see it, for TypeScript: registers the editor's declaration
 * (src/app/editor-api.ts) with `@cove/plugin-sdk`, so the `cove` global and the `"cove"` module are
 * typed by the same declaration the host checks every call against.
 */

import type {
  PluginApiFromDeclaration,
  PluginEventsFromDeclaration,
  RegisteredApi,
} from "@cove/plugin-sdk";
import type { EditorApi, EditorEvents } from "../src/app/editor-api.js";

declare module "@cove/plugin-sdk" {
  interface Register {
    api: PluginApiFromDeclaration<EditorApi>;
    events: PluginEventsFromDeclaration<EditorEvents>;
  }
}

declare module "cove" {
  export const editor: RegisteredApi["editor"];
  export const statusBar: RegisteredApi["statusBar"];
  export const ui: RegisteredApi["ui"];
  export const workbench: RegisteredApi["workbench"];
}
