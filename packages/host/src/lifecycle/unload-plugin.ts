/**
 * Unloading (DESIGN §3.4) and restarting with backoff. An unload stops the plugin's queue and
 * timers, runs `deactivate` under the grace budget, drops what it registered, revokes its
 * capabilities, discards its sandbox, flushes its storage, records the reason, emits
 * `plugin:unloaded` and, when the policy says so, schedules a restart.
 */

import { HostError, messages } from "../errors.js";
import { invokeGuest } from "../sandbox/invoke-guest.js";
import type { HostCore } from "./host-core.js";
import type { PluginRecord } from "./plugin-record.js";
import type { GuestFunction } from "./plugin-runtime.js";

/**
 * Unloads a plugin (DESIGN §3.4): stops its queue and timers, runs `deactivate` under the
 * grace budget, drops what it registered, revokes its capabilities, discards its sandbox,
 * flushes its storage, records the reason and emits `plugin:unloaded`.
 */
export async function unloadPlugin(
  core: HostCore,
  pluginId: string,
  reason: string,
): Promise<void> {
  const record = core.records.get(pluginId);
  const runtime = core.runtimes.get(pluginId);
  if (record === undefined) {
    throw new HostError("COVE_PLUGIN_NOT_FOUND", messages.notFound(pluginId), pluginId);
  }
  if (runtime === undefined || runtime.unloading) return;
  runtime.unloading = true;
  // Stops the running task (its caller learns the plugin unloaded) and the plugin's requests.
  runtime.lifetime.abort(
    new HostError("COVE_PLUGIN_STATE", messages.unloadedWhileRunning(pluginId, reason), pluginId),
  );
  runtime.queue.close();
  for (const handle of runtime.timers.values()) clearTimeout(handle);
  runtime.timers.clear();

  const deactivate = runtime.exports.deactivate;
  if (runtime.active && typeof deactivate === "function") {
    core.transition(record, "deactivating", reason);
    try {
      const grace = core.options.policy.deactivateBudget;
      await invokeGuest(runtime.sandbox, deactivate as GuestFunction, [], {
        limits: { fuel: grace.fuel, timeMs: grace.cpuMs },
      });
    } catch (error) {
      core.log(
        record,
        "warn",
        `deactivate failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    core.bus.emit("plugin:deactivated", { pluginId });
  }
  core.transition(record, "unloading", reason);
  runtime.alive = false;
  runtime.active = false;
  runtime.subscriptions.clear();
  runtime.commands.clear();
  runtime.requestHandlers.clear();
  runtime.grants.revoke();
  const used = runtime.sandbox.resources({ heap: false });
  record.usage.retired.fuel += used.fuel;
  record.usage.retired.cpuMs += used.cpuTimeMs;
  record.usage.retired.allocationBytes += used.allocationBytes;
  runtime.sandbox.dispose();
  if (runtime.store !== undefined) {
    record.lastStorage = {
      usedBytes: runtime.store.usedBytes,
      quotaBytes: runtime.store.quotaBytes,
    };
    try {
      await runtime.store.close();
    } catch (error) {
      core.log(record, "error", `storage flush failed: ${String(error)}`);
    }
  }
  core.runtimes.delete(pluginId);
  record.unloadReason = reason;
  record.until = Date.now();
  core.transition(record, "unloaded", reason);
  core.bus.emit("plugin:unloaded", { pluginId, reason });
  maybeRestart(core, record, reason);
}

function maybeRestart(core: HostCore, record: PluginRecord, reason: string): void {
  const restart = core.options.policy.restart;
  if (restart === undefined || record.restarts >= restart.maxRestarts) return;
  if (!restart.on.some((on) => reason === on || reason.startsWith(`${on}:`))) return;
  const delayMs = restart.backoffMs * restart.factor ** record.restarts;
  record.restarts++;
  core.bus.emit("plugin:restarting", { pluginId: record.id, attempt: record.restarts, delayMs });
  core.log(
    record,
    "info",
    `restarting in ${delayMs} ms (attempt ${record.restarts} of ${restart.maxRestarts})`,
  );
  const handle = setTimeout(() => {
    core.restartTimers.delete(handle);
    core.reloadRecord(record, `restart:${record.restarts}`).catch((error: unknown) => {
      core.log(record, "error", `restart failed: ${String(error)}`);
    });
  }, delayMs);
  core.restartTimers.add(handle);
}
