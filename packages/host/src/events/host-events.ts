/**
 * The events the host emits about its plugins (eventemitter3, typed). Every lifecycle transition
 * is one of these and a line in the plugin's record.
 */

import type { ManifestProblem } from "@cove/plugin-sdk";
import type { AuditEntry } from "../bridge/audit-log.js";
import type { HostErrorCode } from "../errors.js";
import type { PluginState } from "../lifecycle/plugin-record.js";

export interface HostEvents {
  /** Any state change: `loaded → activating → active → deactivating → unloaded`, … */
  "plugin:state": [event: { pluginId: string; from: PluginState; to: PluginState; note?: string }];
  "plugin:loaded": [event: { pluginId: string; version: string }];
  "plugin:activated": [event: { pluginId: string; reason: string }];
  "plugin:deactivated": [event: { pluginId: string }];
  "plugin:unloaded": [event: { pluginId: string; reason: string }];
  /** The plugin could not be loaded: invalid manifest, resolution, or a failing `main`. */
  "plugin:refused": [
    event: {
      pluginId: string;
      code: HostErrorCode | "COVE_MANIFEST_INVALID";
      reason: string;
      problems?: readonly ManifestProblem[];
    },
  ];
  "plugin:restarting": [event: { pluginId: string; attempt: number; delayMs: number }];
  /** An uncaught guest error or an exhausted per-event budget. */
  "plugin:error": [event: { pluginId: string; during: string; error: Error }];
  "plugin:log": [event: { pluginId: string; level: string; text: string }];
  /** An event a plugin emitted (`events.emit`). */
  "plugin:event": [event: { pluginId: string; name: string; payload: unknown }];
  "plugin:dropped": [event: { pluginId: string; task: string; why: "overflow" | "cleared" }];
  "audit:denied": [entry: AuditEntry];
}
