/**
 * Plugin → plugin request/response (`plugins.request(pluginId, name, payload, { timeoutMs })`).
 * The bridge has already checked the capability `plugins.request` and that its scope covers the
 * target (`acme.spell`, `acme.spell:check`, `acme.*`), audited a denial, and counted the call.
 * Here:
 *
 * - the payload is copied as JSON data, so nothing of the asking sandbox (no function, no shared
 *   object) reaches the answering one, and the answer is copied back the same way;
 * - the answering plugin runs its `requests.handle(name, …)` handler through its own queue, in
 *   order with its other work, under its own per-event budget — as for `host.request`;
 * - the request is tied to the asking run: when that run ends (out of budget, or its plugin
 *   unloads) the request is cancelled, removed from the other queue or stopped there;
 * - a request that would wait for itself (A asks B while answering B) is refused at once;
 * - every failure reaches the asking plugin as a guest error with a code: `TimeoutError`,
 *   `AbortError`, `Unavailable` (the target unloaded), `NotFound`, or `RequestFailed` — the
 *   target's error by name and message only, never its stack or host detail.
 */

import {
  CoveError,
  MembraneError,
  ResourceExhaustedError,
  RunAbortedError,
  SandboxError,
} from "@cove/interpreter";
import { copyJsonData } from "../bridge/copy-json-data.js";
import { HostError, messages, toGuestInvalidArguments } from "../errors.js";
import type { HostCore } from "../lifecycle/host-core.js";
import type { PluginRecord } from "../lifecycle/plugin-record.js";
import type { PluginRuntime } from "../lifecycle/plugin-runtime.js";
import { requestPlugin } from "./call-plugin.js";

/** The longest guest error message passed from the answering plugin to the asking one. */
const MAX_DETAIL = 1000;

export function requestFromPlugin(
  core: HostCore,
  caller: PluginRecord,
  callerRuntime: PluginRuntime,
  target: string,
  name: string,
  payload: unknown,
  timeoutMs: number | undefined,
): Promise<unknown> {
  const copied = copyJsonData(payload, "arguments[2]");
  if (!copied.ok) throw toGuestInvalidArguments("plugins.request", copied.problem);
  const label = `request ${name}`;
  const context = callerRuntime.current ?? { signal: callerRuntime.lifetime.signal, chain: [] };
  const chain = [...context.chain, caller.id];
  if (chain.includes(target)) {
    return Promise.reject(
      new HostError("COVE_REQUEST_CYCLE", messages.requestCycle([...chain, target]), caller.id),
    );
  }
  return requestPlugin(core, target, name, copied.value, {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    signal: context.signal,
    from: caller.id,
    chain,
    cancelled: () =>
      new HostError(
        "COVE_REQUEST_CANCELLED",
        messages.requestCancelledBy(target, label, caller.id),
        caller.id,
      ),
  }).then(
    (answer) => {
      const back = copyJsonData(answer, "answer");
      if (back.ok) return back.value;
      throw failed(target, label, `its answer is not JSON data (${back.problem})`);
    },
    (error: unknown) => {
      throw asCallerError(target, label, error);
    },
  );
}

/** What the asking plugin is told about a failed request: a host error it sees by its code. */
function asCallerError(target: string, label: string, error: unknown): HostError {
  if (error instanceof HostError) return error;
  if (error instanceof SandboxError) {
    const text = error.guestName ? `${error.guestName}: ${error.guestMessage}` : error.guestMessage;
    return failed(target, label, clip(text));
  }
  if (error instanceof ResourceExhaustedError) {
    const which = error.scope === "total" ? "cumulative" : "per-event";
    return failed(target, label, `it ran out of its ${which} ${error.resource} budget`);
  }
  if (error instanceof RunAbortedError) {
    return new HostError("COVE_REQUEST_CANCELLED", messages.requestCancelled(target, label));
  }
  if (error instanceof MembraneError) {
    return failed(target, label, `its answer cannot leave its sandbox (${clip(error.message)})`);
  }
  const code = error instanceof CoveError ? ` (${error.code})` : "";
  return failed(target, label, `the host could not run its handler${code}`);
}

function failed(target: string, label: string, detail: string): HostError {
  return new HostError(
    "COVE_REQUEST_FAILED",
    messages.requestFailed(target, label, detail),
    target,
  );
}

function clip(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}
