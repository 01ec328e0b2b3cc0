/**
 * Resolution (DESIGN §3.2): which of the candidate plugins can load, and in which order.
 * `engines.host` is checked against the host's version; `dependencies` and present
 * `optionalDependencies` against the versions available (candidates and plugins already
 * loaded). A plugin that is a duplicate, is made for another host, misses a dependency, has an
 * incompatible one or sits in a dependency cycle is refused with a reason — and so is every
 * plugin that needs it, and no other. The rest come out in dependency order.
 */

import type { Manifest } from "@cove/plugin-sdk";
import semver from "semver";
import { type HostErrorCode, messages } from "../errors.js";
import { checkHostEngine } from "./check-host-engine.js";

export interface Refusal {
  readonly pluginId: string;
  readonly code: HostErrorCode;
  readonly reason: string;
}

export interface Candidate {
  readonly manifest: Manifest;
  /** Where it came from, to tell duplicates apart. */
  readonly origin: string;
}

export interface Resolution<T extends Candidate> {
  /** Candidates that can load, each after the plugins it depends on. */
  readonly order: readonly T[];
  readonly refused: readonly (Refusal & { readonly candidate: T })[];
}

type Problem = { code: HostErrorCode; reason: string };

export function resolvePlugins<T extends Candidate>(
  candidates: readonly T[],
  hostVersion: string,
  /** Plugins already loaded on the host, by id → version. */
  loaded: ReadonlyMap<string, string> = new Map(),
): Resolution<T> {
  const refused = new Map<T, Refusal>();
  const refuse = (candidate: T, code: HostErrorCode, reason: string) => {
    if (!refused.has(candidate)) {
      refused.set(candidate, { pluginId: candidate.manifest.id, code, reason });
    }
  };

  const byId = new Map<string, T[]>();
  for (const candidate of candidates) {
    const list = byId.get(candidate.manifest.id) ?? [];
    list.push(candidate);
    byId.set(candidate.manifest.id, list);
  }
  for (const [id, list] of byId) {
    if (loaded.has(id)) {
      for (const c of list) {
        refuse(c, "COVE_DUPLICATE_PLUGIN", messages.duplicate(id, "a loaded plugin", c.origin));
      }
    } else if (list.length > 1) {
      const [first, second] = list.map((c) => c.origin);
      for (const c of list) {
        refuse(c, "COVE_DUPLICATE_PLUGIN", messages.duplicate(id, first ?? "", second ?? ""));
      }
    }
  }

  for (const candidate of candidates) {
    const engine = checkHostEngine(candidate.manifest.engines.host, hostVersion);
    if (!engine.ok) refuse(candidate, "COVE_ENGINE_INCOMPATIBLE", messages.engine(engine.reason));
  }

  const unique = (id: string): T | undefined => {
    const list = byId.get(id);
    return list?.length === 1 ? list[0] : undefined;
  };
  const available = (id: string): string | undefined => {
    const version = loaded.get(id);
    if (version !== undefined) return version;
    const candidate = unique(id);
    return candidate !== undefined && !refused.has(candidate)
      ? candidate.manifest.version
      : undefined;
  };

  // Repeated until nothing changes: each refusal refuses the plugins that need it.
  const propagate = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const candidate of candidates) {
        if (refused.has(candidate)) continue;
        const problem = dependencyProblem(candidate.manifest, available, (id) => byId.has(id));
        if (problem !== undefined) {
          refuse(candidate, problem.code, problem.reason);
          changed = true;
        }
      }
    }
  };
  propagate();

  const edges = (c: T): T[] =>
    [
      ...Object.keys(c.manifest.dependencies ?? {}),
      ...Object.keys(c.manifest.optionalDependencies ?? {}),
    ]
      .map((id) => unique(id))
      .filter((d): d is T => d !== undefined && !refused.has(d));

  const live = candidates.filter((c) => !refused.has(c));
  for (const cycle of findCycles(live, edges)) {
    const ids = cycle.map((c) => c.manifest.id);
    for (const c of cycle) {
      refuse(c, "COVE_DEPENDENCY_CYCLE", messages.cycle(rotate(ids, c.manifest.id)));
    }
  }
  propagate();

  const order = topologicalOrder(
    candidates.filter((c) => !refused.has(c)),
    edges,
  );
  const refusedList = candidates.flatMap((c) => {
    const refusal = refused.get(c);
    return refusal === undefined ? [] : [{ ...refusal, candidate: c }];
  });
  return { order, refused: refusedList };
}

function dependencyProblem(
  manifest: Manifest,
  available: (id: string) => string | undefined,
  known: (id: string) => boolean,
): Problem | undefined {
  const check = (id: string, range: string, optional: boolean): Problem | undefined => {
    const version = available(id);
    if (version === undefined) {
      if (optional) return undefined;
      const reason = known(id)
        ? messages.dependencyRefused(id)
        : messages.dependencyMissing(id, range);
      return { code: "COVE_DEPENDENCY_MISSING", reason };
    }
    if (!semver.satisfies(version, range)) {
      return {
        code: "COVE_DEPENDENCY_INCOMPATIBLE",
        reason: messages.dependencyIncompatible(id, range, version),
      };
    }
    return undefined;
  };
  for (const [id, range] of Object.entries(manifest.dependencies ?? {})) {
    const problem = check(id, range, false);
    if (problem) return problem;
  }
  for (const [id, range] of Object.entries(manifest.optionalDependencies ?? {})) {
    const problem = check(id, range, true);
    if (problem) return problem;
  }
  return undefined;
}

/** Strongly connected components with more than one node (Tarjan), each in discovery order. */
function findCycles<T>(nodes: readonly T[], edges: (node: T) => T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const cycles: T[][] = [];
  let counter = 0;
  const visit = (node: T) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: T[] = [];
      let member: T | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.reverse());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return cycles;
}

/** Kahn's algorithm; among ready plugins the smallest id goes first, so the order is stable. */
function topologicalOrder<T extends Candidate>(nodes: readonly T[], edges: (node: T) => T[]): T[] {
  const set = new Set(nodes);
  const pending = new Map<T, number>();
  const dependents = new Map<T, T[]>();
  for (const node of nodes) {
    const deps = edges(node).filter((d) => set.has(d));
    pending.set(node, deps.length);
    for (const dep of deps) dependents.set(dep, [...(dependents.get(dep) ?? []), node]);
  }
  const ready = nodes.filter((n) => pending.get(n) === 0);
  const order: T[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => compare(a.manifest.id, b.manifest.id));
    const node = ready.shift() as T;
    order.push(node);
    for (const dependent of dependents.get(node) ?? []) {
      const left = (pending.get(dependent) ?? 0) - 1;
      pending.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  return order;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The cycle as seen from `id`: `b → c → a → b`. */
function rotate(ids: readonly string[], id: string): string[] {
  const at = Math.max(0, ids.indexOf(id));
  return [...ids.slice(at), ...ids.slice(0, at), id];
}
