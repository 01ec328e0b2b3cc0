/**
 * The storage of a guest Map or Set: the spec's [[MapData]] / [[SetData]] List of entries
 * (https://tc39.es/ecma262/#sec-map-objects), in insertion order, where deletion leaves an empty
 * entry behind so that iterators and forEach — which walk the list by index and re-read its
 * length at every step — see exactly the entries the spec says they see.
 *
 * A host Map from the normalized key (−0 becomes +0; the host Map already compares by
 * SameValueZero otherwise) to the entry's index makes lookups O(1). When empty entries
 * outnumber live ones the list is compacted into a fresh Storage; the old Storage is frozen and
 * points to its successor, so an iterator that still holds it translates its index on its next
 * step (the number of live entries before its position). Old storages are reachable only from
 * the iterators that still use them.
 */
import type { Value } from "./value.js";

/** An empty entry (a deleted key, or every entry after `clear`). Never escapes. */
export const EMPTY: unique symbol = Symbol("empty");

const MIN_COMPACT = 16;

export class Storage {
  keys: (Value | typeof EMPTY)[] = [];
  /** Values parallel to `keys`; unused (empty) for sets. */
  values: Value[] = [];
  index = new Map<Value, number>();
  /** Set once this storage was compacted into a newer one. */
  next: Storage | null = null;
  /** live[i]: number of live entries before index i, computed once after compaction. */
  private liveBefore: Uint32Array | null = null;

  /** Where an index of this (obsolete) storage lands in its successor. */
  translate(i: number): number {
    let lb = this.liveBefore;
    if (lb === null) {
      const keys = this.keys;
      lb = new Uint32Array(keys.length + 1);
      let n = 0;
      for (let j = 0; j < keys.length; j++) {
        lb[j] = n;
        if (keys[j] !== EMPTY) n++;
      }
      lb[keys.length] = n;
      this.liveBefore = lb;
    }
    return lb[Math.min(i, this.keys.length)] as number;
  }
}

/** −0 and +0 are the same key (https://tc39.es/ecma262/#sec-map.prototype.set step 3). */
export function normalizeKey(key: Value): Value {
  return key === 0 ? 0 : key;
}

export class OrderedTable {
  storage = new Storage();
  /** Number of live entries. */
  size = 0;

  constructor(readonly hasValues: boolean) {}

  has(key: Value): boolean {
    return this.storage.index.has(normalizeKey(key));
  }

  /** The value stored for `key`, or undefined. */
  get(key: Value): Value {
    const s = this.storage;
    const i = s.index.get(normalizeKey(key));
    return i === undefined ? undefined : s.values[i];
  }

  /** The index of `key`'s entry in the current storage, or -1. */
  lookup(key: Value): number {
    const i = this.storage.index.get(normalizeKey(key));
    return i === undefined ? -1 : i;
  }

  /** Replaces the value of the entry at `i` (from `lookup`). */
  setAt(i: number, value: Value): void {
    if (this.hasValues) this.storage.values[i] = value;
  }

  /** Appends an entry for a key that is absent (`lookup` returned -1). */
  append(key: Value, value: Value): void {
    const k = normalizeKey(key);
    const s = this.storage;
    s.index.set(k, s.keys.length);
    s.keys.push(k);
    if (this.hasValues) s.values.push(value);
    this.size++;
  }

  /** Sets the value of an existing key or appends a new entry; true when an entry was added. */
  set(key: Value, value: Value): boolean {
    const i = this.lookup(key);
    if (i >= 0) {
      this.setAt(i, value);
      return false;
    }
    this.append(key, value);
    return true;
  }

  delete(key: Value): boolean {
    const k = normalizeKey(key);
    const s = this.storage;
    const i = s.index.get(k);
    if (i === undefined) return false;
    s.index.delete(k);
    s.keys[i] = EMPTY;
    if (this.hasValues) s.values[i] = undefined;
    this.size--;
    const holes = s.keys.length - this.size;
    if (holes >= MIN_COMPACT && holes > this.size) this.compact();
    return true;
  }

  /**
   * The live entries, in order, for host-side readers that run no guest code (the membrane's
   * export, heap measurement). Values are undefined for sets.
   */
  *liveEntries(): IterableIterator<[key: Value, value: Value]> {
    const s = this.storage;
    for (let i = 0; i < s.keys.length; i++) {
      const k = s.keys[i];
      if (k !== EMPTY) yield [k as Value, this.hasValues ? s.values[i] : undefined];
    }
  }

  /** https://tc39.es/ecma262/#sec-map.prototype.clear: every entry becomes empty. */
  clear(): void {
    const s = this.storage;
    for (let i = 0; i < s.keys.length; i++) s.keys[i] = EMPTY;
    this.size = 0;
    this.compact();
  }

  /** Moves the live entries to a fresh storage; iterators on the old one follow lazily. */
  private compact(): void {
    const old = this.storage;
    const fresh = new Storage();
    const keys = old.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === EMPTY) continue;
      fresh.index.set(k, fresh.keys.length);
      fresh.keys.push(k);
      if (this.hasValues) fresh.values.push(old.values[i] as Value);
    }
    old.next = fresh;
    old.index = new Map();
    this.storage = fresh;
  }
}

/**
 * A position in a table's entry list, as held by an iterator or a running forEach. It survives
 * deletions (empty entries are skipped), clear and compaction, and sees entries appended while
 * it is live.
 */
export class Cursor {
  private storage: Storage;
  private i = 0;

  constructor(table: OrderedTable) {
    this.storage = table.storage;
  }

  /**
   * Advances to the next live entry: returns its index in `storage` (read keys/values there
   * right away), or -1 when the list is exhausted.
   */
  next(): number {
    let s = this.storage;
    while (s.next !== null) {
      this.i = s.translate(this.i);
      s = s.next;
    }
    this.storage = s;
    const keys = s.keys;
    while (this.i < keys.length) {
      const i = this.i++;
      if (keys[i] !== EMPTY) return i;
    }
    return -1;
  }

  /** The storage the index returned by `next` refers to. */
  get current(): Storage {
    return this.storage;
  }
}
