/**
 * Live guest heap measurement: walks everything a realm retains for guest code — the global
 * object, global lexical bindings, module environments and, through them, objects, closures'
 * environments, collections, promises and generator frames — and sums approximate bytes with the
 * same cost model the meter charges allocations with (runtime/costs.ts). Built-in intrinsics are
 * counted once as the realm's baseline and reported separately.
 */
import type { Realm } from "../realm/realm.js";
import { JSObject } from "../values/object.js";
import { Shape } from "../values/shape.js";
import { BYTES_ELEMENT, BYTES_ENV, BYTES_OBJECT, BYTES_PROPERTY, stringBytes } from "./costs.js";
import { Env } from "./frame.js";

/** Host fields that lead out of the guest heap (code, meters, realms) and are never followed. */
const SKIP = new Set([
  "realm",
  "run",
  "code",
  "shape",
  "caller",
  "impl",
  "membrane",
  "source",
  "hooks",
]);

export interface HeapReport {
  /** Bytes reachable from the realm's roots. */
  bytes: number;
  objects: number;
}

export function measureHeap(realm: Realm, extraRoots: unknown[] = []): HeapReport {
  const seen = new Set<unknown>();
  let bytes = 0;
  let objects = 0;
  const stack: unknown[] = [realm.global, ...realm.globalLex.values(), ...extraRoots];
  for (const v of Object.values(realm.intrinsics)) stack.push(v);
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || x === undefined) continue;
    const t = typeof x;
    if (t === "string") {
      bytes += stringBytes((x as string).length);
      continue;
    }
    if (t !== "object") continue;
    if (seen.has(x)) continue;
    seen.add(x);
    if (x instanceof Shape) continue;
    if (Array.isArray(x)) {
      bytes += 16 + x.length * BYTES_ELEMENT;
      for (const e of x)
        if (e !== null && (typeof e === "object" || typeof e === "string")) stack.push(e);
      continue;
    }
    if (x instanceof Map) {
      bytes += 16 + x.size * 2 * BYTES_ELEMENT;
      for (const [k, v] of x) stack.push(k, v);
      continue;
    }
    if (x instanceof Set) {
      bytes += 16 + x.size * BYTES_ELEMENT;
      for (const v of x) stack.push(v);
      continue;
    }
    if (ArrayBuffer.isView(x)) {
      bytes += x.byteLength;
      continue;
    }
    if (x instanceof ArrayBuffer) {
      bytes += x.byteLength;
      continue;
    }
    if (x instanceof JSObject) {
      objects++;
      bytes +=
        BYTES_OBJECT + (x.shape !== null ? x.slots.length : (x.dict?.size ?? 0)) * BYTES_PROPERTY;
    } else if (x instanceof Env) {
      bytes += BYTES_ENV;
    } else {
      bytes += 16;
    }
    for (const key of Object.keys(x)) {
      if (SKIP.has(key)) continue;
      const v = (x as Record<string, unknown>)[key];
      if (v !== null && (typeof v === "object" || typeof v === "string")) stack.push(v);
    }
  }
  return { bytes, objects };
}
