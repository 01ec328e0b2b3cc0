/**
 * Request/response into a plugin: `host.executeCommand(id, ...args)` runs the handler a plugin
 * registered for a command it contributes; `host.request(pluginId, name, payload)` — and a
 * plugin's `plugins.request`, see `request-between-plugins.ts` — runs the handler it registered
 * with `requests.handle(name, …)`, which gets the payload and who asks. All activate the plugin
 * if needed, go through its queue, run under its per-event budget, and end with the handler's
 * result, a timeout or a cancellation.
 */

import { HostError, messages } from "../errors.js";
import { activatePlugin } from "../lifecycle/activate-plugin.js";
import type { HostCore } from "../lifecycle/host-core.js";
import type { GuestFunction, PluginRuntime } from "../lifecycle/plugin-runtime.js";
import type { Task } from "./plugin-queue.js";

export interface CallOptions {
  /** Give up after this long (default: the policy's `requestTimeoutMs`). */
  readonly timeoutMs?: number;
  /** Abort to cancel: a waiting call is removed from the queue; a running one is stopped. */
  readonly signal?: AbortSignal;
}

/** A request's options inside the host: who asks, when a plugin does (`plugins.request`). */
export interface RequestOptions extends CallOptions {
  /** The asking plugin, or none for the application. */
  readonly from?: string;
  /** The plugins whose requests led to this one, oldest first, `from` last. */
  readonly chain?: readonly string[];
  /** The error a cancellation rejects with, when it is not the application's own signal. */
  readonly cancelled?: () => HostError;
}

/** What a request handler receives after the payload: who asks (`null`: the application). */
export interface RequestSender {
  readonly from: string | null;
}

export async function executeCommand(
  core: HostCore,
  command: string,
  args: readonly unknown[],
  options: CallOptions = {},
): Promise<unknown> {
  const owner = [...core.runtimes.keys()].find((id) =>
    core.records.get(id)?.manifest.contributes?.commands?.some((c) => c.id === command),
  );
  if (owner === undefined)
    throw new HostError("COVE_COMMAND_NOT_FOUND", messages.commandNotFound(command));
  return callPlugin(
    core,
    owner,
    `command ${command}`,
    `onCommand:${command}`,
    (runtime) => runtime.commands.get(command),
    args,
    options,
  );
}

export async function requestPlugin(
  core: HostCore,
  pluginId: string,
  name: string,
  payload: unknown,
  options: RequestOptions = {},
): Promise<unknown> {
  const sender: RequestSender = { from: options.from ?? null };
  return callPlugin(
    core,
    pluginId,
    `request ${name}`,
    `request:${name}`,
    (runtime) => runtime.requestHandlers.get(name),
    [payload, sender],
    options,
  );
}

function callPlugin(
  core: HostCore,
  pluginId: string,
  label: string,
  activationReason: string,
  handlerOf: (runtime: PluginRuntime) => GuestFunction | undefined,
  args: readonly unknown[],
  options: RequestOptions,
): Promise<unknown> {
  const record = core.records.get(pluginId);
  const runtime = core.runtimes.get(pluginId);
  if (record === undefined)
    throw new HostError("COVE_PLUGIN_NOT_FOUND", messages.notFound(pluginId), pluginId);
  if (runtime === undefined) {
    throw new HostError(
      "COVE_PLUGIN_STATE",
      messages.state(pluginId, record.state, `run ${label}`),
      pluginId,
    );
  }
  const timeoutMs = options.timeoutMs ?? core.options.policy.requestTimeoutMs;
  const cancelled =
    options.cancelled ??
    (() =>
      new HostError(
        "COVE_REQUEST_CANCELLED",
        messages.requestCancelled(pluginId, label),
        pluginId,
      ));
  if (options.signal?.aborted) throw cancelled();
  // The deadline covers activation and waiting in the queue, not only the handler's run.
  const deadline = Date.now() + timeoutMs;
  const controller = new AbortController();
  let task: Task | undefined;
  return core.track(
    new Promise<unknown>((resolve, reject) => {
      let done = false;
      const finish = (error: HostError | undefined, value?: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        if (error === undefined) return resolve(value);
        if (task !== undefined) runtime.queue.remove(task);
        controller.abort(error);
        reject(error);
      };
      const timeoutError = () =>
        new HostError(
          "COVE_REQUEST_TIMEOUT",
          messages.requestTimeout(pluginId, label, timeoutMs),
          pluginId,
        );
      const timedOut = (): never => {
        const error = timeoutError();
        finish(error);
        throw error;
      };
      const timer = setTimeout(() => finish(timeoutError()), timeoutMs);
      const onAbort = () => finish(cancelled());
      options.signal?.addEventListener("abort", onAbort, { once: true });
      activatePlugin(core, pluginId, activationReason)
        .then(() => {
          if (done) return undefined;
          const queued = core.enqueueTask(runtime, label, true, async () => {
            // A call whose time ran out while it waited never starts.
            if (done || Date.now() >= deadline) return timedOut();
            const handler = handlerOf(runtime);
            if (handler === undefined) {
              throw new HostError(
                "COVE_COMMAND_NOT_FOUND",
                messages.noHandler(pluginId, label),
                pluginId,
              );
            }
            return core.runGuest(record, runtime, label, handler, args, {
              signal: controller.signal,
              timeMs: deadline - Date.now(),
              isEvent: true,
              ...(options.chain === undefined ? {} : { chain: options.chain }),
            });
          });
          task = queued.task;
          return queued.promise;
        })
        .then(
          (value) => finish(undefined, value),
          (error: unknown) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            options.signal?.removeEventListener("abort", onAbort);
            reject(error);
          },
        );
    }),
  );
}
