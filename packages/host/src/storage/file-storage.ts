/**
 * The default storage adapter: one JSON file per plugin under a directory, replaced atomically.
 * A save writes a temporary file next to the target, flushes it to disk (fsync), renames it over
 * the target (atomic on POSIX and on NTFS for a same-directory rename) and flushes the
 * directory. A crash at any point leaves either the old file or the new one, never a partial
 * one; temporary files a crash leaves behind are ignored and removed on the next save.
 */

import { mkdir, open, readdir, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import type { StorageAdapter, StoredData } from "./storage-adapter.js";

/** The file-system steps a save takes, replaceable to simulate a crash between them. */
export interface FileStorageSteps {
  writeTemp(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDirectory(dir: string): Promise<void>;
}

export interface FileStorageOptions {
  /** Replaces steps of a save; for tests that simulate a crash. */
  readonly steps?: Partial<FileStorageSteps>;
}

const defaultSteps: FileStorageSteps = {
  async writeTemp(file, text) {
    const handle = await open(file, "wx", 0o600);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
  async syncDirectory(dir) {
    // Not every platform can open a directory (Windows cannot); the rename is durable there.
    try {
      const handle = await open(dir, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      /* best effort */
    }
  },
};

let counter = 0;

export function createFileStorage(dir: string, options: FileStorageOptions = {}): StorageAdapter {
  const steps = { ...defaultSteps, ...options.steps };
  /** Saves of one plugin run one after the other, so the last snapshot wins. */
  const chains = new Map<string, Promise<void>>();
  const fileOf = (pluginId: string) => path.join(dir, `${pluginId}.json`);

  async function commit(pluginId: string, data: StoredData): Promise<void> {
    await mkdir(dir, { recursive: true });
    const target = fileOf(pluginId);
    await removeStaleTemps(dir, pluginId);
    const temp = `${target}.${process.pid}.${++counter}.tmp`;
    try {
      await steps.writeTemp(temp, JSON.stringify(data));
      await steps.rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await steps.syncDirectory(dir);
  }

  return {
    async load(pluginId) {
      let text: string;
      try {
        text = await readFile(fileOf(pluginId), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      return JSON.parse(text) as StoredData;
    },
    save(pluginId, data) {
      const previous = chains.get(pluginId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => commit(pluginId, data));
      chains.set(pluginId, next);
      return next;
    },
  };
}

async function removeStaleTemps(dir: string, pluginId: string): Promise<void> {
  const prefix = `${pluginId}.json.`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) {
      await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}
