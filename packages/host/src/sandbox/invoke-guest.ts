/**
 * Runs one guest function as one run of the plugin's sandbox, under limits chosen per call (the
 * per-event budget, or the grace budget of `deactivate`) and an optional abort signal.
 *
 * `sandbox.call` runs an exported guest function as a run of its own with these limits and
 * signal, and resolves once the jobs and host promises it waits on have settled. An async guest
 * function's promise is awaited too, so its whole handler — every step between its awaits —
 * runs under the one run's budget, and its time budget bounds it end to end.
 */

import {
  ResourceExhaustedError,
  RunAbortedError,
  type RunLimits,
  type Sandbox,
} from "@cove/interpreter";

export const INVOKE_FILE = "<cove>";
const DEADLINE_SLACK_MS = 10;

export interface InvokeOptions {
  readonly limits?: Partial<RunLimits>;
  readonly signal?: AbortSignal;
}

export function invokeGuest(
  sandbox: Sandbox,
  fn: (...args: unknown[]) => unknown,
  args: readonly unknown[],
  options: InvokeOptions = {},
): Promise<unknown> {
  const started = performance.now();
  const call = sandbox.call(fn, [...args], {
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return withinBudget(call, started, options);
}

/**
 * `call`, ended by the run's time budget and its signal even when the interpreter cannot end it.
 * The interpreter stops a run past its deadline or aborted while it runs guest code or waits for
 * host promises it imported. An async guest function's promise that waits on neither — only a
 * later run of the same plugin could settle it (a timer, another event), and those wait in the
 * plugin's queue behind this one — would keep `call` pending forever; here it gets what is left
 * of the time budget, then fails as the interpreter would have failed it.
 */
function withinBudget(
  call: Promise<unknown>,
  started: number,
  options: InvokeOptions,
): Promise<unknown> {
  const timeMs = options.limits?.timeMs ?? Number.POSITIVE_INFINITY;
  const { signal } = options;
  if (!Number.isFinite(timeMs) && signal === undefined) return call;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      done();
      reject(new RunAbortedError(signal?.reason));
    };
    call.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (Number.isFinite(timeMs)) {
      // A little after the interpreter's own deadline, so a run it can stop fails its way.
      const left = Math.max(0, timeMs - (performance.now() - started)) + DEADLINE_SLACK_MS;
      timer = setTimeout(() => {
        done();
        const used = Math.round(performance.now() - started);
        reject(new ResourceExhaustedError("time", used, timeMs, "run"));
      }, left);
    }
  });
}

/** A guest stack without the frame of the invoking script. */
export function guestStackOf(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => !line.includes(`${INVOKE_FILE}:`))
    .join("\n");
}
