import type { Key } from "./value.js";

const LINEAR_LIMIT = 8;

/**
 * A hidden class: the ordered keys and attributes of an object in shape mode, shared by every
 * object built by the same sequence of property additions. Objects in shape mode keep their
 * values in a slot array indexed by the shape, so an access site can cache (shape, slot).
 * Shapes only grow: deleting a property or changing its attributes moves the object to
 * dictionary mode instead. Each realm has its own root, so no key of one sandbox is retained by
 * another's shapes.
 *
 * Memory matters here: a realm's bootstrap alone builds ~500 shapes (one per property added to an
 * intrinsic), so a chain of shapes shares one key list and one attribute list, each shape seeing
 * its first `size` entries (as V8 shares descriptor arrays): a child appends in place when its
 * parent owns the end of the list and copies only when a second branch leaves the same parent.
 * The first transition out of a shape is kept inline; a Map is made only for a second one.
 */
export class Shape {
  private table: Map<Key, number> | undefined = undefined;
  /** Lookups left before a shape with many keys builds its hash table (bootstrap's intermediate shapes never do). */
  private probes = 4;
  private nextKey: Key | undefined = undefined;
  private nextShape: Shape | undefined = undefined;
  /** Transitions beyond the inline one: by key, one shape per attribute set. */
  private more: Map<Key, Shape[]> | undefined = undefined;

  private constructor(
    private readonly keyList: Key[],
    private readonly attrList: number[],
    /** Number of own properties: the first `size` entries of the shared lists. */
    readonly size: number,
  ) {}

  static root(): Shape {
    return new Shape([], [], 0);
  }

  keyAt(i: number): Key {
    return this.keyList[i] as Key;
  }

  attrsAt(i: number): number {
    return this.attrList[i] as number;
  }

  /** The keys in order (a fresh array). */
  keys(): Key[] {
    return this.keyList.slice(0, this.size);
  }

  indexOf(key: Key): number {
    const n = this.size;
    let table = this.table;
    if (table === undefined) {
      if (n <= LINEAR_LIMIT || --this.probes > 0) {
        const keys = this.keyList;
        for (let i = 0; i < n; i++) if (keys[i] === key) return i;
        return -1;
      }
      table = new Map();
      const keys = this.keyList;
      for (let i = 0; i < n; i++) table.set(keys[i] as Key, i);
      this.table = table;
    }
    const i = table.get(key);
    return i === undefined ? -1 : i;
  }

  /** The shape reached by adding `key` with `attrs`; cached so equal histories share shapes. */
  add(key: Key, attrs: number): Shape {
    const first = this.nextShape;
    if (first === undefined) {
      const s = this.extend(key, attrs);
      this.nextKey = key;
      this.nextShape = s;
      return s;
    }
    if (this.nextKey === key && first.attrList[first.size - 1] === attrs) return first;
    let more = this.more;
    if (more === undefined) this.more = more = new Map();
    let list = more.get(key);
    if (list === undefined) more.set(key, (list = []));
    for (const s of list) if (s.attrList[s.size - 1] === attrs) return s;
    const s = this.extend(key, attrs);
    list.push(s);
    return s;
  }

  /**
   * A shape with all of `keys` (none present yet) added at once, for bootstrap tables: one shape
   * instead of one per property, and not recorded as a transition, since only the one intrinsic
   * object built from the table will ever have it.
   */
  addMany(keys: readonly Key[], attrs: readonly number[]): Shape {
    const n = this.size;
    const keyList = this.keyList.slice(0, n).concat(keys);
    return new Shape(keyList, this.attrList.slice(0, n).concat(attrs), keyList.length);
  }

  /** A new child shape with one more property, sharing the lists when this shape owns their end. */
  private extend(key: Key, attrs: number): Shape {
    const n = this.size;
    if (this.keyList.length === n) {
      this.keyList.push(key);
      this.attrList.push(attrs);
      return new Shape(this.keyList, this.attrList, n + 1);
    }
    const keys = this.keyList.slice(0, n);
    const attrList = this.attrList.slice(0, n);
    keys.push(key);
    attrList.push(attrs);
    return new Shape(keys, attrList, n + 1);
  }
}
