/**
 * The host's errors. Each has a stable `code`, structured fields and a page under
 * `docs/errors/<code>.md`; messages are built by the factories in `messages`, never at throw
 * sites. Errors about a plugin name the plugin and say what to do.
 *
 * Two worlds are never mixed: these are host errors. What guest code sees when a call is denied
 * is a guest `PermissionDenied` error made by {@link toGuestPermissionDenied}.
 */

import { GuestError } from "@cove/interpreter";

export { ResourceExhaustedError } from "@cove/interpreter";
export { ManifestInvalidError } from "@cove/plugin-sdk";

/** Every code the host's own errors use; each has a page `docs/errors/<code>.md`. */
export const HOST_ERROR_CODES = [
  "COVE_API_DECLARATION_INVALID",
  "COVE_CAPABILITY_DENIED",
  "COVE_COMMAND_NOT_FOUND",
  "COVE_DEPENDENCY_CYCLE",
  "COVE_DEPENDENCY_INCOMPATIBLE",
  "COVE_DEPENDENCY_MISSING",
  "COVE_DUPLICATE_PLUGIN",
  "COVE_ENGINE_INCOMPATIBLE",
  "COVE_EVENT_UNKNOWN",
  "COVE_GLOBAL_UNKNOWN",
  "COVE_INVALID_ARGUMENTS",
  "COVE_PLUGIN_LOAD_FAILED",
  "COVE_PLUGIN_NOT_FOUND",
  "COVE_PLUGIN_STATE",
  "COVE_REQUEST_CANCELLED",
  "COVE_REQUEST_CYCLE",
  "COVE_REQUEST_FAILED",
  "COVE_REQUEST_TIMEOUT",
  "COVE_STORAGE_QUOTA",
  "COVE_USAGE_FILE_INVALID",
] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

/** Base class of the host's errors: a stable `code` and, when it is about one, the plugin. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly pluginId: string | undefined;

  constructor(code: HostErrorCode, message: string, pluginId?: string, options?: ErrorOptions) {
    super(`${message}\nSee docs/errors/${code}.md.`, options);
    this.name = "HostError";
    this.code = code;
    this.pluginId = pluginId;
  }
}

/** A call through the bridge was denied; also what the audit log records. */
export class CapabilityDeniedError extends HostError {
  constructor(
    pluginId: string,
    readonly capability: string,
    readonly method: string,
    readonly reason: string,
  ) {
    super(
      "COVE_CAPABILITY_DENIED",
      messages.denied(pluginId, capability, method, reason),
      pluginId,
    );
    this.name = "CapabilityDeniedError";
  }
}

/**
 * The guest error a denied call throws: `name` "PermissionDenied", `code`
 * "COVE_CAPABILITY_DENIED", and a message naming the capability and method, never host detail.
 */
export function toGuestPermissionDenied(error: CapabilityDeniedError): Error {
  return new GuestError(
    "PermissionDenied",
    `${error.method} needs capability "${error.capability}": ${error.reason}`,
    "COVE_CAPABILITY_DENIED",
  );
}

/** The guest error for arguments that fail a method's schema (`name` "TypeError"). */
export function toGuestInvalidArguments(method: string, problems: string): Error {
  return new GuestError("TypeError", `${method}: ${problems}`, "COVE_INVALID_ARGUMENTS");
}

const GUEST_NAMES: Partial<Record<HostErrorCode, string>> = {
  COVE_STORAGE_QUOTA: "QuotaExceeded",
  COVE_CAPABILITY_DENIED: "PermissionDenied",
  COVE_COMMAND_NOT_FOUND: "NotFound",
  COVE_PLUGIN_NOT_FOUND: "NotFound",
  COVE_PLUGIN_STATE: "Unavailable",
  COVE_REQUEST_TIMEOUT: "TimeoutError",
  COVE_REQUEST_CANCELLED: "AbortError",
  COVE_REQUEST_CYCLE: "RequestFailed",
  COVE_REQUEST_FAILED: "RequestFailed",
};

/**
 * A host error raised while serving a plugin's call, as the plugin sees it: a guest error with
 * a name for its kind, the error's code and its message (which never holds host paths).
 */
export function toGuestError(error: HostError): Error {
  const message = error.message.replace(/\nSee docs\/errors\/.*$/s, "");
  return new GuestError(GUEST_NAMES[error.code] ?? "HostError", message, error.code);
}

export const messages = {
  denied: (pluginId: string, capability: string, method: string, reason: string) =>
    `Plugin "${pluginId}" was denied ${method} (capability "${capability}"): ${reason}`,
  notFound: (pluginId: string) =>
    `No plugin "${pluginId}" is known to this host; load it first (host.load or host.loadDirectory).`,
  duplicate: (pluginId: string, first: string, second: string) =>
    `plugin id "${pluginId}" is used by two plugins (${first} and ${second}); plugin ids must be unique`,
  engine: (reason: string) => `${reason}; install a version of the plugin made for this host`,
  dependencyMissing: (dependency: string, range: string) =>
    `it depends on "${dependency}" ${range}, which is not available; add that plugin or remove the dependency`,
  dependencyIncompatible: (dependency: string, range: string, found: string) =>
    `it depends on "${dependency}" ${range}, but version ${found} is available; install a matching version`,
  dependencyRefused: (dependency: string) =>
    `it depends on "${dependency}", which was refused (see that plugin's reason)`,
  cycle: (ids: readonly string[]) =>
    `its dependencies form a cycle (${ids.join(" → ")}); break the cycle in one of the manifests`,
  loadFailed: (pluginId: string, detail: string) =>
    `Plugin "${pluginId}" could not be loaded: ${detail}`,
  heapAtLoad: (used: number, budget: number) =>
    `its main module retains ${used} bytes of live heap, over its heap budget of ${budget}; raise budgets.cumulative.heapBytes or keep less at the module's top level`,
  unloadedWhileRunning: (pluginId: string, reason: string) =>
    `Plugin "${pluginId}" was unloaded (${reason}) before it finished; what it was doing was stopped`,
  state: (pluginId: string, state: string, action: string) =>
    `Plugin "${pluginId}" is ${state}; cannot ${action}`,
  unknownGlobal: (name: string) =>
    `the global "${name}" is not in this host's catalogue; remove it from "globals" in the manifest`,
  storageQuota: (pluginId: string, used: number, quota: number) =>
    `Plugin "${pluginId}" storage quota exceeded: ${used} bytes would exceed ${quota}`,
  commandNotFound: (command: string) =>
    `No loaded plugin contributes the command "${command}"; check the id and that its plugin is loaded.`,
  eventUnknown: (name: string) =>
    `The event "${name}" is not declared by this host's API; declare it in createHost({ api: { events } }).`,
  requestTimeout: (pluginId: string, what: string, ms: number) =>
    `Plugin "${pluginId}" did not answer ${what} within ${ms} ms.`,
  requestCancelled: (pluginId: string, what: string) =>
    `The request ${what} to plugin "${pluginId}" was cancelled.`,
  requestCancelledBy: (pluginId: string, what: string, caller: string) =>
    `The request ${what} to plugin "${pluginId}" was cancelled: the run of "${caller}" that made it ended.`,
  requestCycle: (chain: readonly string[]) =>
    `A request from ${chain.map((id) => `"${id}"`).join(" to ")} would wait for itself: "${chain[0]}" cannot answer while it waits; answer from state instead of asking back`,
  requestFailed: (pluginId: string, what: string, detail: string) =>
    `Plugin "${pluginId}" failed to answer ${what}: ${detail}`,
  requestSelf: () =>
    "must be another plugin's id: a plugin's request to itself would wait behind its own run",
  noHandler: (pluginId: string, what: string) =>
    `Plugin "${pluginId}" has no handler for ${what}; register it in activate().`,
  apiInvalid: (where: string, detail: string) =>
    `The host API declaration is invalid at ${where}: ${detail}`,
  usageFileInvalid: (file: string, detail: string) =>
    `${file} is not a Cove usage report: ${detail}. Save one with JSON.stringify(host.usage()).`,
};
