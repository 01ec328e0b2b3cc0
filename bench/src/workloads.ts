/**
 * The workloads: every `*.js` of the shared folder and of `bench/workloads/`, each a script whose
 * completion value is its checksum, with optional host globals in `<name>.host.mjs`.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { WorkloadRef } from "./protocol.js";

export interface Workload extends WorkloadRef {
  /** Host calls per run, from the host module's `hostCalls` export (for the bridge overhead). */
  hostCalls: number | undefined;
  /** From the shared (public) folder, not from this repository's `bench/workloads/`. */
  shared: boolean;
}

/** Loads the workloads of the shared folder (the first) and of the local ones. */
export async function loadWorkloads(dirs: readonly string[]): Promise<Workload[]> {
  const byName = new Map<string, Workload>();
  for (const [d, dir] of dirs.entries()) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith(".js")) continue;
      const name = entry.slice(0, -".js".length);
      const file = path.join(dir, entry);
      const twin = byName.get(name);
      if (twin) throw new Error(`two workloads named "${name}": ${twin.file} and ${file}`);
      const hostPath = path.join(dir, `${name}.host.mjs`);
      const hostFile = existsSync(hostPath) ? hostPath : undefined;
      let hostCalls: number | undefined;
      if (hostFile !== undefined) {
        const host = (await import(pathToFileURL(hostFile).href)) as { hostCalls?: unknown };
        if (typeof host.hostCalls === "number") hostCalls = host.hostCalls;
      }
      byName.set(name, { name, file, hostFile, hostCalls, shared: d === 0 });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
