/**
 * The bridge (DESIGN §3.3): the one API object a plugin sees, built for it from what it asked
 * for. Each method is a host function that, on every call, checks the capability (and the scope
 * of what the call touches), validates the arguments with the method's compiled schema, counts
 * and times the call, runs the handler, and returns its result through the membrane. A denied
 * call throws a guest `PermissionDenied` error and is written to the audit log. A handler may be
 * async: the plugin then gets a promise, and the call is timed until it settles.
 *
 * Methods of capabilities the manifest did not ask for do not exist; methods of capabilities it
 * asked for but does not hold (refused by policy, revoked) exist and deny, so every attempt is
 * audited.
 */

import type { CallContext } from "../api/api-types.js";
import type { CompiledApi, CompiledMethod } from "../api/compile-api.js";
import {
  CapabilityDeniedError,
  HostError,
  toGuestError,
  toGuestInvalidArguments,
  toGuestPermissionDenied,
} from "../errors.js";
import type { AuditLog } from "./audit-log.js";
import type { Grants } from "./grants.js";
import { hostValueBytes } from "./host-value-bytes.js";

/** Bookkeeping the bridge reports to; the host's usage counters implement it. */
export interface BridgeMeter {
  /** A call was made and took `ms` (for an async method: until it returned its promise). */
  call(method: string, ms: number): void;
  /** An async call's promise settled `ms` after it returned: added to the method's time. */
  settled(method: string, ms: number): void;
  denied(capability: string): void;
  /** A method's result of about `bytes` (`hostValueBytes`) was handed to the plugin. */
  received(bytes: number): void;
}

/** What a call needs: a capability held, and that its scope covers the item the call touches. */
export interface Access {
  readonly capability: string;
  readonly item?: string;
  /** Set when the call is refused whatever is granted (a plugin emitting a host event). */
  readonly refuse?: string;
}

/** A bridge method, declared by the application or one of the host's own namespaces. */
export interface BridgeMethod {
  /** The method exists only when the manifest asks for this capability; checked before anything. */
  readonly presentIf: string | undefined;
  /** Returns what the call needs, from its (already validated) arguments. */
  readonly access?: (args: readonly unknown[]) => Access | undefined;
  /** Returns what is wrong with the arguments, or `undefined`. */
  readonly check: (args: readonly unknown[]) => string | undefined;
  readonly handler: (...args: unknown[]) => unknown;
}

export type BuiltinNamespaces = Record<string, Record<string, BridgeMethod>>;

export interface PluginApiOptions {
  readonly pluginId: string;
  readonly api: CompiledApi;
  readonly builtins: BuiltinNamespaces;
  readonly grants: Grants;
  readonly audit: AuditLog;
  readonly meter: BridgeMeter;
  /** Whether the plugin is still loaded: calls after unload are denied. */
  readonly alive: () => boolean;
}

type HostFunction = (...args: unknown[]) => unknown;

export function makePluginApi(
  options: PluginApiOptions,
): Record<string, Record<string, HostFunction>> {
  const out: Record<string, Record<string, HostFunction>> = {};
  const add = (namespace: string, name: string, fn: HostFunction) => {
    out[namespace] ??= {};
    (out[namespace] as Record<string, HostFunction>)[name] = fn;
  };

  for (const method of options.api.methods.values()) {
    if (!options.grants.requested(method.declaration.capability)) continue;
    add(method.namespace, method.name, wrapDeclared(method, options));
  }
  for (const [namespace, methods] of Object.entries(options.builtins)) {
    for (const [name, method] of Object.entries(methods)) {
      if (method.presentIf !== undefined && !options.grants.requested(method.presentIf)) continue;
      add(namespace, name, wrap(`${namespace}.${name}`, method, options));
    }
  }
  return out;
}

function wrapDeclared(method: CompiledMethod, options: PluginApiOptions): HostFunction {
  const { declaration } = method;
  const capability = declaration.capability;
  const scopeOf = declaration.scope;
  return wrap(
    method.qualifiedName,
    {
      presentIf: capability,
      access:
        scopeOf === undefined ? undefined : (args) => ({ capability, item: scopeOf(...args) }),
      check: method.check,
      handler: (...args: unknown[]) => {
        const context: CallContext = {
          pluginId: options.pluginId,
          method: method.qualifiedName,
          scope: options.grants.granted.get(capability)?.scope,
        };
        return declaration.handler(context, ...args);
      },
    },
    options,
  );
}

function wrap(
  qualifiedName: string,
  method: BridgeMethod,
  options: PluginApiOptions,
): HostFunction {
  const { pluginId, grants, audit, meter } = options;
  const deny = (capability: string, reason: string): never => {
    const error = new CapabilityDeniedError(pluginId, capability, qualifiedName, reason);
    audit.record({ time: Date.now(), pluginId, capability, method: qualifiedName, reason });
    meter.denied(capability);
    throw toGuestPermissionDenied(error);
  };
  const fn = (...args: unknown[]): unknown => {
    if (!options.alive()) deny(method.presentIf ?? "plugin", "the plugin has been unloaded");
    if (method.presentIf !== undefined) {
      const held = grants.check(method.presentIf);
      if (!held.ok) deny(method.presentIf, held.reason);
    }
    const problems = method.check(args);
    if (problems !== undefined) throw toGuestInvalidArguments(qualifiedName, problems);
    let access: Access | undefined;
    try {
      access = method.access?.(args);
    } catch (error) {
      throw toGuestInvalidArguments(
        qualifiedName,
        error instanceof Error ? error.message : "invalid",
      );
    }
    if (access !== undefined) {
      if (access.refuse !== undefined) deny(access.capability, access.refuse);
      const held = grants.check(access.capability, access.item);
      if (!held.ok) deny(access.capability, held.reason);
    }
    const started = performance.now();
    let result: unknown;
    try {
      result = method.handler(...args);
    } catch (error) {
      meter.call(qualifiedName, performance.now() - started);
      throw guestFacing(error);
    }
    const returned = performance.now();
    meter.call(qualifiedName, returned - started);
    if (!(result instanceof Promise)) {
      meter.received(hostValueBytes(result));
      return result;
    }
    // An async method: the plugin gets a promise it can await (the membrane keeps its run open
    // until the promise settles, within the run's time budget); the call is timed to settlement.
    return result.then(
      (value: unknown) => {
        meter.settled(qualifiedName, performance.now() - returned);
        meter.received(hostValueBytes(value));
        return value;
      },
      (error: unknown) => {
        meter.settled(qualifiedName, performance.now() - returned);
        throw guestFacing(error);
      },
    );
  };
  Object.defineProperty(fn, "name", { value: qualifiedName.slice(qualifiedName.indexOf(".") + 1) });
  return fn;
}

/** A host error as the plugin sees it (its kind, code and message); other errors as they are. */
function guestFacing(error: unknown): unknown {
  return error instanceof HostError ? toGuestError(error) : error;
}
