import type { Key } from "./value.js";

const LINEAR_LIMIT = 8;

/**
 * A hidden class: the ordered keys and attributes of an object in shape mode, shared by every
 * object built by the same sequence of property additions. Objects in shape mode keep their
 * values in a slot array indexed by the shape, so an access site can cache (shape, slot).
 * Shapes only grow: deleting a property or changing its attributes moves the object to
 * dictionary mode instead. Each realm has its own root, so no key of one sandbox is retained by
 * another's shapes.
 */
export class Shape {
  private table: Map<Key, number> | undefined;
  private next: Map<Key, Shape> | undefined;
  private nextOther: Map<Key, Shape[]> | undefined;

  constructor(
    readonly keys: readonly Key[],
    readonly attrs: readonly number[],
  ) {}

  static root(): Shape {
    return new Shape([], []);
  }

  get size(): number {
    return this.keys.length;
  }

  indexOf(key: Key): number {
    const keys = this.keys;
    const n = keys.length;
    if (n <= LINEAR_LIMIT) {
      for (let i = 0; i < n; i++) if (keys[i] === key) return i;
      return -1;
    }
    let table = this.table;
    if (table === undefined) {
      table = new Map();
      for (let i = 0; i < n; i++) table.set(keys[i] as Key, i);
      this.table = table;
    }
    const i = table.get(key);
    return i === undefined ? -1 : i;
  }

  /** The shape reached by adding `key` with `attrs`; cached so equal histories share shapes. */
  add(key: Key, attrs: number): Shape {
    if (attrs === 7) {
      let next = this.next;
      if (next === undefined) this.next = next = new Map();
      let s = next.get(key);
      if (s === undefined) {
        s = new Shape([...this.keys, key], [...this.attrs, attrs]);
        next.set(key, s);
      }
      return s;
    }
    let other = this.nextOther;
    if (other === undefined) this.nextOther = other = new Map();
    let list = other.get(key);
    if (list === undefined) other.set(key, (list = []));
    for (const s of list) if (s.attrs[s.attrs.length - 1] === attrs) return s;
    const s = new Shape([...this.keys, key], [...this.attrs, attrs]);
    list.push(s);
    return s;
  }
}
