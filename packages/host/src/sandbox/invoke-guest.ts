/**
 * Runs one guest function as one run of the plugin's sandbox, under limits chosen per call (the
 * per-event budget, or the grace budget of `deactivate`) and an optional abort signal.
 *
 * The sandbox's exported guest functions run under the sandbox's default per-run limits when
 * called from the host. To give a call its own limits, the call is made from a tiny script run
 * with those limits: the function is passed in as a per-run global (visible to that run only),
 * and calling it re-enters the same run (DESIGN §2.4 re-entrancy), so its work is charged there.
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
  const runOptions = {
    filename: INVOKE_FILE,
    globals: { __cove_invoke: () => fn(...args) },
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  return await sandbox.run("__cove_invoke()", runOptions);
}

/** A guest stack without the frame of the invoking script. */
export function guestStackOf(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => !line.includes(`${INVOKE_FILE}:`))
    .join("\n");
}
