/**
 * Host-side errors of @cove/interpreter. Each has a stable `code` (documented under
 * docs/errors/) and structured fields; messages come from the factories at the bottom.
 * Guest exceptions are never these classes inside the sandbox: they are guest values, and only
 * reach the host wrapped in a SandboxError.
 */

export type ResourceName =
  | "fuel"
  | "memory"
  | "callDepth"
  | "time"
  | "hostCalls"
  | "evaluations"
  | "heap"
  | "cpuTime";

export class CoveError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A budget ran out. Guest code cannot catch it; the run is over. */
export class ResourceExhaustedError extends CoveError {
  constructor(
    readonly resource: ResourceName,
    readonly used: number,
    readonly limit: number,
    readonly scope: "run" | "total" = "run",
  ) {
    super(
      "COVE_BUDGET_EXHAUSTED",
      `${scope === "total" ? "Cumulative" : "Per-run"} ${resource} budget exhausted: used ${used} of ${limit}`,
    );
  }
}

/** The run's AbortSignal fired. */
export class RunAbortedError extends CoveError {
  constructor(readonly reason: unknown) {
    super("COVE_RUN_ABORTED", `Run aborted${reason instanceof Error ? `: ${reason.message}` : ""}`);
  }
}

export interface GuestFrame {
  functionName: string;
  file: string;
  line: number;
  column: number;
}

/** A guest exception that reached the host. */
export class SandboxError extends CoveError {
  constructor(
    readonly guestName: string,
    readonly guestMessage: string,
    readonly guestStack: string,
    /** The thrown guest value, exported by the membrane rules. */
    readonly thrownValue: unknown,
  ) {
    super("COVE_GUEST_ERROR", guestName ? `${guestName}: ${guestMessage}` : guestMessage);
    this.stack = guestStack;
  }
}

/** Source text that does not parse (or violates the feature policy). */
export class SandboxSyntaxError extends CoveError {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly frame: string,
  ) {
    super("COVE_SYNTAX_ERROR", `${message} (${file}:${line}:${column})\n${frame}`);
  }
}

/** Source that uses syntax the sandbox's or the run's feature policy (or validator) refuses. */
export class FeatureDisallowedError extends CoveError {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super("COVE_FEATURE_DISALLOWED", `${message} (${file}:${line}:${column})`);
  }
}

/** A host value that the membrane refuses to pass into or out of a sandbox. */
export class MembraneError extends CoveError {
  constructor(message: string) {
    super("COVE_MEMBRANE_REFUSED", message);
  }
}

/**
 * Thrown by a host function to raise a specific guest error on purpose (for example a plugin
 * API's `PermissionDenied`). Unlike other host exceptions it is not subject to the error policy:
 * guest code receives an Error whose `name` and `message` are exactly these, and `code` if given.
 */
export class GuestError extends Error {
  constructor(
    readonly guestName: string,
    message: string,
    readonly guestCode?: string,
  ) {
    super(message);
    this.name = guestName;
  }
}

/** The sandbox was used after dispose(), or runSync met an await. */
export class SandboxStateError extends CoveError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

export const messages = {
  disposed: () => new SandboxStateError("COVE_SANDBOX_DISPOSED", "The sandbox has been disposed"),
  unsettledModule: (path: string) =>
    new SandboxStateError(
      "COVE_MODULE_UNSETTLED",
      `Module ${path} awaits a promise that can never settle (no job or host promise is pending)`,
    ),
  syncAwait: () =>
    new SandboxStateError(
      "COVE_SYNC_AWAIT",
      "runSync() cannot wait for asynchronous work: the script's result is a promise waiting on host promises; use run() for code that awaits host work",
    ),
  refuseHostValue: (what: string, path: string) =>
    new MembraneError(
      `Cannot pass ${what} at ${path || "<root>"} into the sandbox: only primitives, plain data ` +
        "(objects, arrays, Date, Map, Set, typed arrays) and functions cross; wrap it explicitly",
    ),
  refuseGuestValue: (what: string, path: string) =>
    new MembraneError(`Cannot pass ${what} at ${path || "<root>"} out of the sandbox`),
  tooDeep: (path: string) =>
    new MembraneError(`Value nested too deeply at ${path} to cross the sandbox boundary`),
};
