/**
 * Events into plugins (DESIGN §3.3). An event goes into the queue of every plugin that handles
 * it (or that it activates, `onEvent:<name>`), so each plugin receives its events in order, one
 * at a time, and plugins run independently: one plugin's throw, hang or unload never stops
 * delivery to the others. Each handler runs under the plugin's per-event budget.
 */

import { activatePlugin } from "../lifecycle/activate-plugin.js";
import type { HostCore } from "../lifecycle/host-core.js";
import type { PluginRecord } from "../lifecycle/plugin-record.js";
import type { GuestFunction, PluginRuntime } from "../lifecycle/plugin-runtime.js";
import { matchesScope } from "../policy/match-scope.js";

export interface EmitReport {
  /** Plugins whose handlers all ran. */
  readonly delivered: string[];
  /** Plugins whose queue dropped the event (overflow) or that unloaded before it ran. */
  readonly dropped: string[];
  /** Plugins where a handler threw or ran out of budget. */
  readonly failed: string[];
}

export interface DeliverOptions {
  /** The plugin that emitted it, which does not receive its own event. */
  readonly from?: string;
  /** The capability a receiver needs, with the event in its scope. */
  readonly capability: string;
}

export function deliverEvent(
  core: HostCore,
  name: string,
  payload: unknown,
  options: DeliverOptions,
): Promise<EmitReport> {
  return core.track(deliver(core, name, payload, options));
}

async function deliver(
  core: HostCore,
  name: string,
  payload: unknown,
  options: DeliverOptions,
): Promise<EmitReport> {
  const report: EmitReport = { delivered: [], dropped: [], failed: [] };
  const deliveries: Promise<void>[] = [];
  for (const [pluginId, runtime] of core.runtimes) {
    if (pluginId === options.from || !runtime.alive) continue;
    const record = core.records.get(pluginId) as PluginRecord;
    const activates = !runtime.active && record.manifest.activation.includes(`onEvent:${name}`);
    if (!activates && handlersFor(runtime, name).length === 0) continue;
    if (activates) activatePlugin(core, pluginId, `onEvent:${name}`).catch(() => undefined);
    record.usage.eventsIn++;
    const { promise } = core.enqueueTask(runtime, `event ${name}`, true, () =>
      runHandlers(core, record, runtime, name, payload, options.capability),
    );
    deliveries.push(
      promise.then(
        (ok) => void (ok ? report.delivered : report.failed).push(pluginId),
        () => void report.dropped.push(pluginId),
      ),
    );
  }
  await Promise.all(deliveries);
  return report;
}

/** Runs the plugin's handlers of `name`; false when one of them failed. */
async function runHandlers(
  core: HostCore,
  record: PluginRecord,
  runtime: PluginRuntime,
  name: string,
  payload: unknown,
  capability: string,
): Promise<boolean> {
  // Checked at delivery, not at emit: a capability revoked meanwhile stops delivery.
  if (!runtime.grants.check(capability, name).ok) return true;
  let ok = true;
  for (const handler of handlersFor(runtime, name)) {
    if (!runtime.alive) break;
    try {
      await core.runGuest(record, runtime, `event ${name}`, handler, [payload], { isEvent: true });
    } catch {
      ok = false;
    }
  }
  return ok;
}

/** Handlers subscribed to `name` exactly or through a `prefix.*` pattern, in registration order. */
function handlersFor(runtime: PluginRuntime, name: string): GuestFunction[] {
  const handlers: GuestFunction[] = [];
  for (const [pattern, list] of runtime.subscriptions) {
    if (pattern === name || (pattern.endsWith(".*") && matchesScope([pattern], name))) {
      handlers.push(...list);
    }
  }
  return handlers;
}
