/**
 * The editor's plugin policy: which capabilities a plugin is granted and how much work it may do.
 *
 * Any plugin may read the document, show status and messages and receive events. Changing the
 * document, running commands, keeping storage and emitting events are granted only to trusted
 * plugins (setting `plugins.trusted`, `acme.*` by default): an untrusted plugin that asks for them
 * gets methods that throw `PermissionDenied`, and each attempt lands in the audit log.
 */

import type { HostPolicy } from "@cove/host";
import { matchesPattern } from "./settings.js";

/** Capabilities granted to every plugin that asks. */
export const OPEN_CAPABILITIES: readonly string[] = [
  "editor.read",
  "ui.status",
  "ui.message",
  "events.subscribe",
];

/** Capabilities only trusted plugins get. */
export const TRUSTED_CAPABILITIES: readonly string[] = [
  "editor.write",
  "commands",
  "storage",
  "events.emit",
];

const MiB = 1024 * 1024;

/**
 * Per event (one delivery, command or timer callback) and over a plugin's life. A manifest may ask
 * for less, or for more up to `max`; what it does not state comes from `default`.
 */
export const EDITOR_BUDGETS = {
  perEvent: {
    default: { fuel: 2_000_000, cpuMs: 1_000, allocationBytes: 16 * MiB },
    max: { fuel: 5_000_000, cpuMs: 3_000, allocationBytes: 16 * MiB, hostCalls: 5_000 },
  },
  cumulative: {
    default: { fuel: 12_000_000, allocationBytes: 32 * MiB, heapBytes: 32 * MiB, errors: 10 },
    max: { fuel: 100_000_000, allocationBytes: 64 * MiB, heapBytes: 64 * MiB, errors: 50 },
  },
} as const satisfies HostPolicy["budgets"];

export function createEditorPolicy(trusted: () => readonly string[]): HostPolicy {
  return {
    capabilities: (pluginId, capability) => {
      if (OPEN_CAPABILITIES.includes(capability.name)) return true;
      if (!TRUSTED_CAPABILITIES.includes(capability.name)) return false;
      return trusted().some((pattern) => matchesPattern(pluginId, pattern));
    },
    globals: ["console", "timers"],
    budgets: EDITOR_BUDGETS,
    queue: { capacity: 200, overflow: "drop-oldest" },
    errors: "sanitize",
    storageQuotaBytes: 256 * 1024,
    requestTimeoutMs: 5_000,
  };
}
