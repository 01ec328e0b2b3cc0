/**
 * `cove-plugin test` runs a plugin in a real host: `createTestHost` from `@cove/host`, the plugin
 * author's own installation of it (an optional peer dependency of the SDK).
 *
 * This is the one place the SDK reaches the host, and only at run time, by a dynamic `import()`:
 * the SDK's code imports nothing from the repository (DESIGN.md §1), and
 * scripts/check-layering.mjs allows this one dynamic import in this one file. The types below
 * are what the CLI needs, written out here rather than imported, so the SDK builds without the
 * host; test/cli/test-command.test.ts runs them against the real host.
 */

import { CliError, messages } from "./cli-error.js";

export interface SmokeCost {
  readonly fuel: number;
  readonly cpuMs: number;
  readonly allocationBytes: number;
  readonly peakHeapBytes: number;
  readonly hostCalls: number;
  readonly hostCallsByMethod: Readonly<Record<string, number>>;
  readonly denied: number;
  readonly errors: number;
}

export interface SmokeTestHost {
  load(plugin: string): Promise<string>;
  activate(pluginId?: string): Promise<void>;
  emit(
    name: string,
    payload: unknown,
  ): Promise<{ readonly delivered: readonly string[]; readonly failed: readonly string[] }>;
  executeCommand(command: string, ...args: unknown[]): Promise<unknown>;
  cost(pluginId?: string): SmokeCost;
  log(pluginId?: string): readonly { readonly level: string; readonly text: string }[];
  readonly host: {
    readonly version: string;
    plugin(pluginId: string): { readonly state: string } | undefined;
  };
  dispose(): Promise<void>;
}

export interface HostModule {
  createTestHost(options?: Record<string, unknown>): SmokeTestHost;
}

export async function loadHost(): Promise<HostModule> {
  let loaded: unknown;
  try {
    loaded = await import("@cove/host");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" && String(error).includes("@cove/host")) {
      throw new CliError(messages.hostMissing());
    }
    throw error;
  }
  if (typeof (loaded as Partial<HostModule>).createTestHost !== "function") {
    throw new CliError(
      `${messages.hostMissing()} — the installed @cove/host has no createTestHost; update it`,
    );
  }
  return loaded as HostModule;
}
