/**
 * The audit log: every denied call, with when, who, what capability, which method and why.
 * Bounded: past `capacity` entries the oldest go (the per-plugin counts in usage reports keep
 * counting).
 */

export interface AuditEntry {
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly pluginId: string;
  readonly capability: string;
  readonly method: string;
  readonly reason: string;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
  entries(filter?: { readonly pluginId?: string }): AuditEntry[];
}

export function createAuditLog(
  capacity = 10_000,
  onRecord?: (entry: AuditEntry) => void,
): AuditLog {
  const entries: AuditEntry[] = [];
  return {
    record(entry) {
      entries.push(entry);
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
      onRecord?.(entry);
    },
    entries(filter) {
      return filter?.pluginId === undefined
        ? [...entries]
        : entries.filter((entry) => entry.pluginId === filter.pluginId);
    },
  };
}
