/**
 * Detached-buffer behaviour of ArrayBuffer, typed arrays and DataView, driven through the
 * internal methods and built-ins directly (guest code has no way to detach a buffer; test262's
 * `$262.detachArrayBuffer` calls ArrayBufferObject#detach the same way).
 */
import { describe, expect, it } from "vitest";
import { createRealm } from "../../src/realm/create-realm.js";
import { Account } from "../../src/runtime/account.js";
import { createArray } from "../../src/runtime/object-ops.js";
import { Run } from "../../src/runtime/run.js";
import { ThrowSignal } from "../../src/runtime/throw.js";
import type { ArrayBufferObject } from "../../src/values/array-buffer.js";
import { BuiltinFunction, type NativeImpl } from "../../src/values/function.js";
import type { JSObject } from "../../src/values/object.js";
import type { TypedArrayObject } from "../../src/values/typed-array.js";
import type { Value } from "../../src/values/value.js";

function setup() {
  const realm = createRealm();
  const run = new Run(
    realm,
    new Account({}),
    { fuel: 1e7, memoryBytes: 1e8, callDepth: 100, timeMs: Infinity, hostCalls: 100 },
    { errors: "full", eval: false, features: [], validators: [] },
    undefined,
  );
  const I = realm.intrinsics;
  const ctor = (name: string) => I[name] as JSObject;
  const make = (name: string, args: Value[]) => ctor(name).construct(run, args, ctor(name));
  const fn = (impl: NativeImpl) => new BuiltinFunction(realm, impl, "f", 0, false);
  const method = (o: JSObject, name: string, args: Value[] = []): Value => {
    const m = o.get(run, name, o) as JSObject;
    return m.call(run, o, args);
  };
  const getter = (proto: JSObject, name: string, o: Value): Value => {
    const g = proto.getOwnProperty(run, name)?.get as JSObject;
    return g.call(run, o, []);
  };
  /** The guest error name a call throws, or "none". */
  const thrown = (f: () => unknown): string => {
    try {
      f();
      return "none";
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      const v = e.value as JSObject;
      return String(v.get(run, "name", v));
    }
  };
  return { realm, run, I, make, fn, method, getter, thrown };
}

describe("detached buffers", () => {
  it("typed array internal methods see no elements", () => {
    const { run, make } = setup();
    const ta = make("Int16Array", [3]) as TypedArrayObject;
    ta.set(run, "0", 5, ta);
    ta.set(run, "x", 1, ta);
    ta.buffer.detach();
    expect(ta.get(run, "0", ta)).toBe(undefined);
    expect(ta.hasProperty(run, "0")).toBe(false);
    expect(ta.getOwnProperty(run, "0")).toBe(undefined);
    expect(ta.delete(run, "0")).toBe(true);
    expect(ta.set(run, "0", 1, ta)).toBe(true);
    expect(ta.defineOwnProperty(run, "0", { value: 1 })).toBe(false);
    expect(ta.ownKeys(run)).toEqual(["x"]);
  });

  it("accessors report 0, methods throw TypeError", () => {
    const { run, I, make, method, getter, thrown } = setup();
    const ta = make("Uint8Array", [4]) as TypedArrayObject;
    ta.buffer.detach();
    const proto = I.TypedArrayPrototype as JSObject;
    expect(getter(proto, "length", ta)).toBe(0);
    expect(getter(proto, "byteLength", ta)).toBe(0);
    expect(getter(proto, "byteOffset", ta)).toBe(0);
    expect(getter(proto, "buffer", ta)).toBe(ta.buffer);
    for (const m of [
      "at",
      "fill",
      "join",
      "includes",
      "indexOf",
      "reverse",
      "slice",
      "sort",
      "toSorted",
      "values",
      "with",
    ]) {
      expect(thrown(() => method(ta, m, [0]))).toBe("TypeError");
    }
    // subarray does not validate: the species constructor rejects the detached buffer.
    expect(thrown(() => method(ta, "subarray", [0]))).toBe("TypeError");
    expect(thrown(() => method(make("Uint8Array", [4]), "set", [ta]))).toBe("TypeError");
    expect(thrown(() => method(ta, "set", [createArray(run, [1])]))).toBe("TypeError");
    expect(thrown(() => make("Int8Array", [ta]))).toBe("TypeError");
    expect(thrown(() => make("Int8Array", [ta.buffer]))).toBe("TypeError");
    expect(ta.ownKeys(run)).toEqual([]);
  });

  it("ArrayBuffer reports length 0 and refuses to slice", () => {
    const { I, make, method, getter, thrown } = setup();
    const b = make("ArrayBuffer", [8]) as ArrayBufferObject;
    b.detach();
    expect(getter(I.ArrayBufferPrototype as JSObject, "byteLength", b)).toBe(0);
    expect(thrown(() => method(b, "slice"))).toBe("TypeError");
    expect(thrown(() => make("DataView", [b]))).toBe("TypeError");
  });

  it("DataView accessors and methods throw TypeError", () => {
    const { I, make, method, getter, thrown } = setup();
    const b = make("ArrayBuffer", [8]) as ArrayBufferObject;
    const v = make("DataView", [b, 2]);
    b.detach();
    const proto = I.DataViewPrototype as JSObject;
    expect(getter(proto, "buffer", v)).toBe(b);
    expect(thrown(() => getter(proto, "byteLength", v))).toBe("TypeError");
    expect(thrown(() => getter(proto, "byteOffset", v))).toBe("TypeError");
    expect(thrown(() => method(v, "getInt8", [0]))).toBe("TypeError");
    expect(thrown(() => method(v, "setFloat64", [0, 1]))).toBe("TypeError");
    // The index is still converted (and checked) first.
    expect(thrown(() => method(v, "getInt8", [-1]))).toBe("RangeError");
  });

  it("callbacks that detach mid-iteration see undefined afterwards", () => {
    const { run, make, fn, method } = setup();
    const ta = make("Int8Array", [3]) as TypedArrayObject;
    for (let i = 0; i < 3; i++) ta.write(i, i + 1);
    const seen: Value[] = [];
    method(ta, "forEach", [
      fn((_run, _this, args) => {
        seen.push(args[0]);
        ta.buffer.detach();
        return undefined;
      }),
    ]);
    expect(seen).toEqual([1, undefined, undefined]);
    expect(run.fuelUsed).toBeGreaterThan(0);
  });

  it("conversions that detach are rechecked", () => {
    const { run, make, fn, method, thrown } = setup();
    const detaching = (ta: TypedArrayObject, result: Value) => {
      const o = make("Object", []);
      const impl = () => {
        ta.buffer.detach();
        return result;
      };
      o.defineData("valueOf", fn(impl));
      o.defineData("toString", fn(impl));
      return o;
    };
    const a = make("Int8Array", [2]) as TypedArrayObject;
    expect(thrown(() => method(a, "fill", [detaching(a, 1)]))).toBe("TypeError");
    const b = make("Int8Array", [2]) as TypedArrayObject;
    expect(method(b, "includes", [undefined, detaching(b, 0)])).toBe(true);
    const c = make("Int8Array", [2]) as TypedArrayObject;
    expect(method(c, "indexOf", [0, detaching(c, 0)])).toBe(-1);
    const d = make("Int8Array", [4]) as TypedArrayObject;
    expect(thrown(() => method(d, "copyWithin", [0, detaching(d, 1)]))).toBe("TypeError");
    const e = make("Int8Array", [2]) as TypedArrayObject;
    expect(thrown(() => method(e, "with", [0, detaching(e, 1)]))).toBe("RangeError");
    const f = make("Int8Array", [2]) as TypedArrayObject;
    expect(method(f, "join", [detaching(f, 1)])).toBe("1");
    // [[Set]] converts, then finds the index invalid and writes nothing.
    const g = make("Int8Array", [2]) as TypedArrayObject;
    expect(g.set(run, "0", detaching(g, 7), g)).toBe(true);
    expect(g.get(run, "0", g)).toBe(undefined);
  });
});

describe("copyToHost (for the membrane)", () => {
  it("copies the viewed elements into a host typed array of the same type", () => {
    const { run, make } = setup();
    const buffer = make("ArrayBuffer", [16]);
    const ta = make("Int16Array", [buffer, 4, 3]) as TypedArrayObject;
    ta.set(run, "0", -2, ta);
    ta.set(run, "2", 7, ta);
    const host = ta.copyToHost();
    expect(host).toBeInstanceOf(Int16Array);
    expect(Array.from(host as Int16Array)).toEqual([-2, 0, 7]);
    (host as Int16Array)[0] = 1;
    expect(ta.get(run, "0", ta)).toBe(-2);
    ta.buffer.detach();
    expect((ta.copyToHost() as Int16Array).length).toBe(0);
    const big = make("BigUint64Array", [1]) as TypedArrayObject;
    big.set(run, "0", 5n, big);
    expect(Array.from(big.copyToHost() as BigUint64Array)).toEqual([5n]);
  });
});
