/**
 * Runs one guest function as one run of the plugin's sandbox, under limits chosen per call (the
 * per-event budget, or the grace budget of `deactivate`) and an optional abort signal.
 *
 * `sandbox.call` runs an exported guest function as a run of its own with these limits and
 * signal, and resolves once the jobs and host promises it waits on have settled.
 */

import type { RunLimits, Sandbox } from "@cove/interpreter";

export const INVOKE_FILE = "<cove>";

export interface InvokeOptions {
  readonly limits?: Partial<RunLimits>;
  readonly signal?: AbortSignal;
}

export async function invokeGuest(
  sandbox: Sandbox,
  fn: (...args: unknown[]) => unknown,
  args: readonly unknown[],
  options: InvokeOptions = {},
): Promise<unknown> {
  return await sandbox.call(fn, [...args], {
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

/** A guest stack without the frame of the invoking script. */
export function guestStackOf(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => !line.includes(`${INVOKE_FILE}:`))
    .join("\n");
}
