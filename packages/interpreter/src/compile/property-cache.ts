/**
 * Inline caches for named property access. A read site remembers the receiver shape and where
 * the value was found (own slot, or a slot of a prototype whose identity and shape it checks);
 * a write site remembers an own writable slot or an add transition (old shape → new shape with an
 * unchanged prototype chain). Any mismatch falls back to the full internal methods.
 */
import { BYTES_PROPERTY } from "../runtime/costs.js";
import { getV, putV } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { primitiveProto } from "../runtime/wrappers.js";
import { JSObject } from "../values/object.js";
import { ACCESSOR, WEC, WRITABLE } from "../values/property.js";
import type { Shape } from "../values/shape.js";
import type { Value } from "../values/value.js";

const MAX_CHAIN = 4;

export class ReadCache {
  shape: Shape | null = null;
  slot = 0;
  /** Prototypes from the receiver's prototype to the holder (empty for an own hit). */
  chain: JSObject[] = [];
  shapes: Shape[] = [];
  /** For primitive receivers: the prototype that holds the property. */
  primHolder: JSObject | null = null;
  primShape: Shape | null = null;
  primSlot = 0;
}

export function readNamed(run: Run, o: Value, key: string, c: ReadCache): Value {
  if (o instanceof JSObject) {
    const shape = o.shape;
    if (shape === c.shape && shape !== null) {
      const chain = c.chain;
      if (chain.length === 0) return o.slots[c.slot] as Value;
      let p = o.proto;
      let ok = true;
      for (let i = 0; i < chain.length; i++) {
        const h = chain[i] as JSObject;
        if (p !== h || h.shape !== c.shapes[i]) {
          ok = false;
          break;
        }
        p = h.proto;
      }
      if (ok) return (chain[chain.length - 1] as JSObject).slots[c.slot] as Value;
    }
    return readMiss(run, o, key, c);
  }
  if (typeof o === "string") {
    if (key === "length") return o.length;
  } else if (o === undefined || o === null) {
    return getV(run, o, key);
  }
  const h = c.primHolder;
  if (h !== null && h.shape === c.primShape && h === primitiveProto(run.realm, o)) {
    return h.slots[c.primSlot] as Value;
  }
  const proto = primitiveProto(run.realm, o);
  const shape = proto.shape;
  if (shape !== null) {
    const i = shape.indexOf(key);
    if (i >= 0 && !(shape.attrsAt(i) & ACCESSOR)) {
      c.primHolder = proto;
      c.primShape = shape;
      c.primSlot = i;
      return proto.slots[i] as Value;
    }
  }
  return getV(run, o, key);
}

function readMiss(run: Run, o: JSObject, key: string, c: ReadCache): Value {
  const shape = o.shape;
  if (shape !== null && o.icSafe(key)) {
    const i = shape.indexOf(key);
    if (i >= 0) {
      if (!(shape.attrsAt(i) & ACCESSOR)) {
        c.shape = shape;
        c.slot = i;
        c.chain = [];
        c.shapes = [];
        return o.slots[i] as Value;
      }
    } else if (key !== "length") {
      const chain: JSObject[] = [];
      const shapes: Shape[] = [];
      let p = o.proto;
      while (p !== null && chain.length < MAX_CHAIN) {
        const ps = p.shape;
        if (ps === null || !p.icSafe(key)) break;
        chain.push(p);
        shapes.push(ps);
        const j = ps.indexOf(key);
        if (j >= 0) {
          if (!(ps.attrsAt(j) & ACCESSOR)) {
            c.shape = shape;
            c.slot = j;
            c.chain = chain;
            c.shapes = shapes;
            return p.slots[j] as Value;
          }
          break;
        }
        p = p.proto;
      }
    }
  }
  return o.get(run, key, o);
}

export class WriteCache {
  shape: Shape | null = null;
  slot = 0;
  /** Add transition: from `shape` to `next`, valid while the prototype chain is unchanged. */
  next: Shape | null = null;
  chain: JSObject[] = [];
  shapes: Shape[] = [];
}

export function writeNamed(
  run: Run,
  o: Value,
  key: string,
  v: Value,
  c: WriteCache,
  strict: boolean,
): void {
  if (o instanceof JSObject) {
    const shape = o.shape;
    if (shape === c.shape && shape !== null) {
      const next = c.next;
      if (next === null) {
        o.slots[c.slot] = v;
        return;
      }
      if (o.extensible && chainValid(o, c)) {
        run.alloc(BYTES_PROPERTY);
        o.shape = next;
        o.slots.push(v);
        return;
      }
    }
    writeMiss(run, o, key, v, c, strict);
    return;
  }
  putV(run, o, key, v, strict);
}

function chainValid(o: JSObject, c: WriteCache): boolean {
  let p = o.proto;
  const chain = c.chain;
  for (let i = 0; i < chain.length; i++) {
    const h = chain[i] as JSObject;
    if (p !== h || h.shape !== c.shapes[i]) return false;
    p = h.proto;
  }
  return p === null;
}

function writeMiss(
  run: Run,
  o: JSObject,
  key: string,
  v: Value,
  c: WriteCache,
  strict: boolean,
): void {
  const shape = o.shape;
  if (shape !== null && o.icSafe(key)) {
    const i = shape.indexOf(key);
    if (i >= 0) {
      if ((shape.attrsAt(i) & (WRITABLE | ACCESSOR)) === WRITABLE) {
        c.shape = shape;
        c.slot = i;
        c.next = null;
        o.slots[i] = v;
        return;
      }
    } else if (o.extensible && o.constructor === JSObject) {
      const chain: JSObject[] = [];
      const shapes: Shape[] = [];
      let p = o.proto;
      let clean = true;
      while (p !== null) {
        const ps = p.shape;
        if (ps === null || chain.length >= MAX_CHAIN || !p.icSafe(key) || ps.indexOf(key) >= 0) {
          clean = false;
          break;
        }
        chain.push(p);
        shapes.push(ps);
        p = p.proto;
      }
      if (clean) {
        run.alloc(BYTES_PROPERTY);
        o.storageAdd(key, v, WEC);
        if (o.shape !== null) {
          c.shape = shape;
          c.next = o.shape;
          c.chain = chain;
          c.shapes = shapes;
        }
        return;
      }
    }
  }
  putV(run, o, key, v, strict);
}
