/**
 * What a plugin holds: the capabilities it asked for that the host's policy granted, each with
 * its scope. Asked-for capabilities the policy refused are remembered too, so calls to them can
 * be denied with that reason. A call touching a scoped item (an event name, an origin) needs a
 * grant whose scope covers it. `revoke` removes a grant for the rest of the plugin's life (and
 * all of them when it unloads).
 */

import type { Capability } from "@cove/plugin-sdk";
import { matchesScope } from "../policy/match-scope.js";

export interface Grant {
  readonly name: string;
  readonly scope: readonly string[] | undefined;
}

export type GrantCheck = { ok: true; grant: Grant } | { ok: false; reason: string };

export interface Grants {
  readonly granted: ReadonlyMap<string, Grant>;
  /** Asked for by the manifest, not granted by the host's policy. */
  readonly refused: ReadonlySet<string>;
  /** Taken away after loading (`host.revoke`, or all of them when the plugin unloads). */
  readonly revoked: ReadonlySet<string>;
  /** Whether the manifest asked for `capability` (granted or not). */
  requested(capability: string): boolean;
  /** Whether the plugin holds `capability` and, when `item` is given, whether its scope covers it. */
  check(capability: string, item?: string): GrantCheck;
  revoke(capability?: string): void;
}

export function createGrants(
  pluginId: string,
  capabilities: readonly Capability[],
  allow: (pluginId: string, capability: Capability) => boolean,
): Grants {
  const granted = new Map<string, Grant>();
  const refused = new Set<string>();
  const revoked = new Set<string>();
  for (const capability of capabilities) {
    if (allow(pluginId, capability)) {
      granted.set(capability.name, { name: capability.name, scope: capability.scope });
    } else {
      refused.add(capability.name);
    }
  }
  return {
    granted,
    refused,
    revoked,
    requested: (capability) =>
      granted.has(capability) || refused.has(capability) || revoked.has(capability),
    check(capability, item) {
      const grant = granted.get(capability);
      if (grant === undefined) {
        const reason = revoked.has(capability)
          ? "the capability was revoked"
          : refused.has(capability)
            ? "the host's policy does not grant it"
            : "the plugin's manifest does not ask for it";
        return { ok: false, reason };
      }
      // A call that touches a scoped item needs a grant whose scope covers it; no scope, no item.
      if (item !== undefined && !matchesScope(grant.scope ?? [], item)) {
        const scope = grant.scope === undefined ? "none" : grant.scope.join(", ");
        return { ok: false, reason: `"${item}" is outside the granted scope (${scope})` };
      }
      return { ok: true, grant };
    },
    revoke(capability) {
      const names = capability === undefined ? [...granted.keys()] : [capability];
      for (const name of names) {
        if (granted.delete(name)) revoked.add(name);
      }
    },
  };
}
