/**
 * Where plugins' key-value data is kept. The host keeps each loaded plugin's data in memory (so
 * guest calls are synchronous) and hands the adapter whole snapshots to commit. An adapter must
 * make `save` atomic: after a crash, `load` returns the last committed snapshot, never a mix.
 */

export type StoredData = Record<string, unknown>;

export interface StorageAdapter {
  /** The plugin's last committed data, or `undefined` when it has none. */
  load(pluginId: string): Promise<StoredData | undefined>;
  /** Commits `data` as the plugin's whole store, atomically. */
  save(pluginId: string, data: StoredData): Promise<void>;
}

/** An adapter that keeps data in memory, for tests and applications without persistence. */
export function createMemoryStorage(): StorageAdapter & { readonly snapshot: Map<string, string> } {
  const snapshot = new Map<string, string>();
  return {
    snapshot,
    async load(pluginId) {
      const text = snapshot.get(pluginId);
      return text === undefined ? undefined : (JSON.parse(text) as StoredData);
    },
    async save(pluginId, data) {
      snapshot.set(pluginId, JSON.stringify(data));
    },
  };
}
