/**
 * Lazy intrinsics: built-ins most guest code never touches (Math, JSON, Reflect, Date, Proxy,
 * Map, Set, the weak collections, WeakRef, FinalizationRegistry, the buffers and typed arrays,
 * BigInt, RegExp) are created the first time a realm needs them, not when the sandbox is
 * created. That is most of a realm's objects, so an idle sandbox costs a fraction of the memory
 * and creation time of an eager one (measured in ARCHITECTURE.md, "Performance").
 *
 * A lazy group is one installer. Until the group is materialized its globals are placeholders
 * in the global object's dictionary, in the positions the eager order gives them, holding a
 * `LazyRef`; the dictionary (`LazyGlobalDict`) materializes the group on any lookup of one of
 * them, so every internal method (get, set, define, delete, has) sees the real built-in and no
 * placeholder ever reaches guest code. Enumerating keys does not materialize (keys need no
 * values). The realm's `intrinsics` record inherits accessors for the group's intrinsic names
 * from one shared prototype, so runtime code asking for `%MapPrototype%` (a `new Map` from a
 * cross-realm newTarget, a regex literal's `%RegExpPrototype%`) materializes the group too.
 *
 * Which globals and intrinsic names belong to each group is not written down by hand: the first
 * realm of the process is created eagerly and the installers' effects are recorded, so the
 * lists cannot drift from the installers. An installer may only add its own globals and
 * intrinsics (test/realm/lazy-intrinsics.test.ts compares a lazy realm with an eager one).
 */

import { type Entry, type Stored, WC } from "../values/property.js";
import type { Key } from "../values/value.js";
import type { Intrinsics, Realm } from "./realm.js";

/** A global placeholder's value: the index of the group that defines it. Never guest-visible. */
export class LazyRef {
  constructor(readonly group: number) {}
}

interface LazyGroup {
  readonly install: (realm: Realm) => void;
  readonly globals: string[];
  readonly intrinsics: string[];
}

const REALM: unique symbol = Symbol("realm");

/** The global object's dictionary in a realm with lazy groups. */
export class LazyGlobalDict extends Map<Key, Entry> {
  constructor(private readonly realm: Realm) {
    super();
  }

  override get(key: Key): Entry | undefined {
    const e = super.get(key);
    if (e !== undefined && e.v instanceof LazyRef) materialize(this.realm, e.v.group);
    return e;
  }

  /** The entry without materializing (for the installers' own definitions). */
  peek(key: Key): Entry | undefined {
    return super.get(key);
  }
}

let groups: LazyGroup[] | undefined;
let lazyProto: object | undefined;
const recording: LazyGroup[] = [];

/**
 * Runs a lazy group's installer on the process's first (eager) realm, recording what it added
 * to the global object and to the intrinsics record.
 */
export function recordGroup(realm: Realm, install: (realm: Realm) => void): void {
  const globalsBefore = new Set(realm.global.storageKeys());
  const intrinsicsBefore = new Set(Object.keys(realm.intrinsics));
  install(realm);
  recording.push({
    install,
    globals: realm.global
      .storageKeys()
      .filter((k): k is string => typeof k === "string" && !globalsBefore.has(k)),
    intrinsics: Object.keys(realm.intrinsics).filter((k) => !intrinsicsBefore.has(k)),
  });
}

/** Ends the recording: later realms are created lazily. */
export function finishRecording(): void {
  if (groups !== undefined) return;
  groups = recording.slice();
  lazyProto = makeLazyProto(groups);
}

/** What each lazy group defines, in installation order (for tests and diagnostics). */
export function lazyGroups(): readonly {
  globals: readonly string[];
  intrinsics: readonly string[];
}[] {
  return groups ?? [];
}

/** Whether the groups are known, so that realms can be created lazily. */
export function lazyGroupsRecorded(): boolean {
  return groups !== undefined;
}

/**
 * Prepares a fresh realm (its global object still empty of built-ins) for lazy groups: the
 * intrinsics record inherits the lazy accessors, and the global object uses a LazyGlobalDict.
 */
export function prepareLazyRealm(realm: Realm): void {
  const intrinsics = Object.create(lazyProto as object) as Intrinsics & { [REALM]: Realm };
  Object.defineProperty(intrinsics, REALM, { value: realm });
  (realm as { intrinsics: Intrinsics }).intrinsics = intrinsics;
  realm.lazyDone = new Array<boolean>((groups as LazyGroup[]).length).fill(false);
}

/** Adds the placeholders of group `index` to the global object, where its installer would run. */
export function addPlaceholders(realm: Realm, index: number): void {
  const group = (groups as LazyGroup[])[index] as LazyGroup;
  const ref = new LazyRef(index);
  for (const name of group.globals) realm.global.storageAdd(name, ref as unknown as Stored, WC);
}

/** Runs group `index`'s installer on `realm` if it has not run there yet. */
export function materialize(realm: Realm, index: number): void {
  const done = realm.lazyDone;
  if (done === undefined || done[index]) return;
  done[index] = true;
  const group = (groups as LazyGroup[])[index] as LazyGroup;
  const outer = realm.materializing;
  realm.materializing = true;
  try {
    group.install(realm);
  } finally {
    realm.materializing = outer;
  }
}

/**
 * Sets a global during bootstrap. While a lazy group materializes, only its untouched
 * placeholders are filled: every other access to a placeholder materializes it first, so a
 * placeholder is still there exactly when guest code has not touched that global.
 */
export function setBootstrapGlobal(realm: Realm, name: string, v: Entry["v"]): boolean {
  if (!realm.materializing) return false;
  const dict = realm.global.dict;
  const e = dict instanceof LazyGlobalDict ? dict.peek(name) : undefined;
  if (e !== undefined && e.v instanceof LazyRef) e.v = v;
  return true;
}

function makeLazyProto(recorded: readonly LazyGroup[]): object {
  const proto = Object.create(null) as object;
  recorded.forEach((group, index) => {
    for (const name of group.intrinsics) {
      Object.defineProperty(proto, name, {
        get(this: Intrinsics & { [REALM]: Realm }) {
          materialize(this[REALM], index);
          return Object.hasOwn(this, name) ? this[name] : undefined;
        },
        set(this: Intrinsics, v: unknown) {
          Object.defineProperty(this, name, {
            value: v,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        },
      });
    }
  });
  return proto;
}
