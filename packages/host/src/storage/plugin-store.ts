/**
 * One plugin's key-value store as the bridge uses it: in memory, synchronous, bounded by a quota
 * (the UTF-16 length of each key plus its value's JSON text), committed to the adapter in
 * snapshots — shortly after a change and whenever the plugin is unloaded.
 */

import { HostError, messages } from "../errors.js";
import type { StorageAdapter, StoredData } from "./storage-adapter.js";

export interface PluginStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): boolean;
  keys(): string[];
  readonly usedBytes: number;
  readonly quotaBytes: number;
  /** Commits pending changes; resolves when the adapter has them. */
  flush(): Promise<void>;
  /** Flushes and stops scheduling saves. */
  close(): Promise<void>;
  /** Stops scheduling saves and drops uncommitted changes (a load that failed). */
  discard(): void;
}

export interface PluginStoreOptions {
  readonly quotaBytes: number;
  /** Delay between a change and its commit. */
  readonly flushDelayMs?: number;
  /** Called when a background commit fails (the data stays in memory, dirty). */
  readonly onError?: (error: unknown) => void;
}

export async function openPluginStore(
  pluginId: string,
  adapter: StorageAdapter,
  options: PluginStoreOptions,
): Promise<PluginStore> {
  const initial = (await adapter.load(pluginId)) ?? {};
  const data = new Map<string, string>();
  let used = 0;
  for (const [key, value] of Object.entries(initial)) {
    const text = JSON.stringify(value);
    if (text === undefined) continue;
    data.set(key, text);
    used += key.length + text.length;
  }
  let dirty = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<void> = Promise.resolve();

  const snapshot = (): StoredData => {
    const out: StoredData = {};
    for (const [key, text] of data) out[key] = JSON.parse(text);
    return out;
  };
  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return pending;
    dirty = false;
    const copy = snapshot();
    pending = pending
      .catch(() => undefined)
      .then(() => adapter.save(pluginId, copy))
      .catch((error: unknown) => {
        dirty = true;
        throw error;
      });
    return pending;
  };
  const schedule = () => {
    dirty = true;
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      flush().catch((error: unknown) => options.onError?.(error));
    }, options.flushDelayMs ?? 250);
    (timer as { unref?: () => void }).unref?.();
  };

  return {
    get(key) {
      const text = data.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    set(key, value) {
      const text = JSON.stringify(value);
      if (text === undefined) {
        throw new TypeError(`storage.set: the value of "${key}" is not JSON data`);
      }
      const before = data.get(key);
      const next =
        used - (before === undefined ? 0 : key.length + before.length) + key.length + text.length;
      if (next > options.quotaBytes) {
        throw new HostError(
          "COVE_STORAGE_QUOTA",
          messages.storageQuota(pluginId, next, options.quotaBytes),
          pluginId,
        );
      }
      data.set(key, text);
      used = next;
      schedule();
    },
    delete(key) {
      const before = data.get(key);
      if (before === undefined) return false;
      data.delete(key);
      used -= key.length + before.length;
      schedule();
      return true;
    },
    keys: () => [...data.keys()],
    get usedBytes() {
      return used;
    },
    quotaBytes: options.quotaBytes,
    flush,
    async close() {
      closed = true;
      await flush();
    },
    discard() {
      closed = true;
      dirty = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
