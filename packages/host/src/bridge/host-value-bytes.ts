/**
 * About how many bytes of the plugin's live heap a host value adds once the membrane has copied
 * it in (an event's payload, an API method's result), in the interpreter's heap-walk model and
 * on the generous side. The interpreter charges such copies to the plugin's allocation little
 * (strings not at all), so the host counts them itself: they are the part of the heap's growth
 * allocation does not bound (see `lifecycle/heap-budget.ts`).
 *
 * It visits the value once, like the membrane's copy: plain data is counted through; a function,
 * a promise or an object the membrane refuses is counted as one object and not entered.
 */

/** A guest object with its internal lists, and some room (the walk counts 72 to 250). */
const OBJECT = 256;
/** A property: its slot and its record (the walk counts 24 to 48). */
const PROPERTY = 64;
/** An array element (the walk counts 8). */
const ELEMENT = 16;
/** A Map or Set entry. */
const ENTRY = 64;

function stringBytes(text: string): number {
  return 16 + 2 * text.length;
}

export function hostValueBytes(value: unknown): number {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === "string") {
      bytes += stringBytes(x);
      continue;
    }
    if (typeof x === "function") {
      bytes += OBJECT;
      continue;
    }
    if (typeof x !== "object" || x === null || seen.has(x)) continue;
    seen.add(x);
    bytes += OBJECT;
    if (Array.isArray(x)) {
      bytes += x.length * ELEMENT;
      for (const item of x as unknown[]) stack.push(item);
    } else if (x instanceof Map) {
      bytes += x.size * ENTRY;
      for (const [key, item] of x) stack.push(key, item);
    } else if (x instanceof Set) {
      bytes += x.size * ENTRY;
      for (const item of x) stack.push(item);
    } else if (ArrayBuffer.isView(x)) {
      // The walk counts a typed array's bytes and its buffer's.
      bytes += 2 * x.byteLength;
    } else if (x instanceof ArrayBuffer) {
      bytes += 2 * x.byteLength;
    } else {
      const proto: unknown = Object.getPrototypeOf(x);
      if (proto !== Object.prototype && proto !== null) continue;
      for (const key of Object.keys(x)) {
        bytes += PROPERTY + stringBytes(key);
        // The descriptor, not `x[key]`: a getter is not run (the membrane refuses it anyway).
        const descriptor = Object.getOwnPropertyDescriptor(x, key);
        if (descriptor !== undefined && "value" in descriptor) stack.push(descriptor.value);
      }
    }
  }
  return bytes;
}
