import { describe, expect, it } from "vitest";
import { ResourceExhaustedError } from "../../src/errors.js";
import { run, tinyFuel, tinyMemory } from "./binary-helpers.js";

describe("ArrayBuffer constructor", () => {
  it("allocates zeroed bytes of the requested length", () => {
    expect(run(`var b = new ArrayBuffer(8); [b.byteLength, new Uint8Array(b)[7]]`)).toEqual([8, 0]);
    expect(run(`new ArrayBuffer().byteLength`)).toBe(0);
    expect(run(`new ArrayBuffer("3").byteLength`)).toBe(3);
    expect(run(`new ArrayBuffer(2.9).byteLength`)).toBe(2);
    expect(run(`new ArrayBuffer(-0.5).byteLength`)).toBe(0);
    expect(run(`new ArrayBuffer(NaN).byteLength`)).toBe(0);
  });

  it("has the spec's shape", () => {
    expect(
      run(
        `[ArrayBuffer.length, ArrayBuffer.name, desc(ArrayBuffer, "prototype"), desc(globalThis, "ArrayBuffer")]`,
      ),
    ).toEqual([1, "ArrayBuffer", "v", "vwc"]);
    expect(run(`Object.prototype.toString.call(new ArrayBuffer(1))`)).toBe("[object ArrayBuffer]");
    expect(
      run(
        `[desc(ArrayBuffer.prototype, Symbol.toStringTag), ArrayBuffer.prototype[Symbol.toStringTag]]`,
      ),
    ).toEqual(["vc", "ArrayBuffer"]);
    expect(
      run(
        `var d = Object.getOwnPropertyDescriptor(ArrayBuffer, Symbol.species); [d.get.name, d.set, ArrayBuffer[Symbol.species] === ArrayBuffer]`,
      ),
    ).toEqual(["get [Symbol.species]", undefined, true]);
    expect(
      run(
        `var d = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength"); [d.get.name, d.set, d.enumerable, d.configurable]`,
      ),
    ).toEqual(["get byteLength", undefined, false, true]);
    expect(
      run(
        `[ArrayBuffer.prototype.slice.length, ArrayBuffer.isView.length, ArrayBuffer.prototype.constructor === ArrayBuffer]`,
      ),
    ).toEqual([2, 1, true]);
  });

  it("requires new and a valid index", () => {
    expect(run(`thrown(() => ArrayBuffer(1))`)).toBe("TypeError");
    expect(run(`thrown(() => new ArrayBuffer(-1))`)).toBe("RangeError");
    expect(run(`thrown(() => new ArrayBuffer(2 ** 53))`)).toBe("RangeError");
    expect(run(`thrown(() => new ArrayBuffer(2 ** 53 - 1))`)).toBe("RangeError");
    expect(run(`thrown(() => new ArrayBuffer(Symbol()))`)).toBe("TypeError");
  });

  it("reads the prototype from newTarget before allocating, so subclasses work", () => {
    expect(
      run(
        `class B extends ArrayBuffer { get two() { return 2; } } var b = new B(4); [b.two, b.byteLength, b instanceof ArrayBuffer]`,
      ),
    ).toEqual([2, 4, true]);
    expect(
      run(`var log = []; var nt = new Proxy(function () {}, { get(t, k) { log.push(String(k)); return t[k]; } });
      var r = thrown(() => Reflect.construct(ArrayBuffer, [2 ** 53 - 1], nt)); [r, log.join()]`),
    ).toEqual(["RangeError", "prototype"]);
    expect(
      run(
        `function F() {} F.prototype = null; Object.getPrototypeOf(Reflect.construct(ArrayBuffer, [1], F)) === ArrayBuffer.prototype`,
      ),
    ).toBe(true);
  });

  it("charges memory before allocating: a huge buffer exhausts the budget", () => {
    expect(() => run(`new ArrayBuffer(2 ** 31)`, tinyMemory)).toThrow(ResourceExhaustedError);
    expect(() =>
      run(
        `var a = []; for (var i = 0; i < 100; i++) a.push(new ArrayBuffer(65536)); a.length`,
        tinyMemory,
      ),
    ).toThrow(ResourceExhaustedError);
    // Guest code cannot catch it.
    expect(() =>
      run(`try { new ArrayBuffer(2 ** 30); } catch (e) { "caught" }`, tinyMemory),
    ).toThrow(ResourceExhaustedError);
  });
});

describe("ArrayBuffer.isView", () => {
  it("is true for typed arrays and DataViews only", () => {
    expect(
      run(`var b = new ArrayBuffer(4);
      [ArrayBuffer.isView(new Uint8Array(1)), ArrayBuffer.isView(new DataView(b)), ArrayBuffer.isView(b),
       ArrayBuffer.isView({ buffer: b, byteOffset: 0 }), ArrayBuffer.isView(), ArrayBuffer.isView(1), ArrayBuffer.isView([])]`),
    ).toEqual([true, true, false, false, false, false, false]);
  });
});

describe("ArrayBuffer.prototype.byteLength", () => {
  it("checks its receiver", () => {
    expect(
      run(`var g = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
      [thrown(() => g.call({})), thrown(() => g.call(new Uint8Array(1))), thrown(() => g.call(undefined)), g.call(new ArrayBuffer(3))]`),
    ).toEqual(["TypeError", "TypeError", "TypeError", 3]);
    expect(run(`thrown(() => ArrayBuffer.prototype.byteLength)`)).toBe("TypeError");
  });
});

describe("ArrayBuffer.prototype.slice", () => {
  it("copies a range with relative indices", () => {
    expect(
      run(
        `var u = new Uint8Array([1, 2, 3, 4, 5]); var s = u.buffer.slice(1, -1); [s.byteLength, Array.from(new Uint8Array(s))]`,
      ),
    ).toEqual([3, [2, 3, 4]]);
    expect(
      run(
        `var b = new Uint8Array([1, 2, 3]).buffer; [b.slice().byteLength, b.slice(-2).byteLength, b.slice(2, 1).byteLength, b.slice(-Infinity, Infinity).byteLength]`,
      ),
    ).toEqual([3, 2, 0, 3]);
    expect(
      run(
        `var b = new Uint8Array([7, 8]).buffer; var s = b.slice(); new Uint8Array(s)[0] = 1; new Uint8Array(b)[0]`,
      ),
    ).toBe(7);
  });

  it("uses the species constructor and validates its result", () => {
    expect(
      run(
        `class B extends ArrayBuffer {} var s = new B(4).slice(1); [s instanceof B, s.byteLength]`,
      ),
    ).toEqual([true, 3]);
    expect(
      run(
        `var b = new ArrayBuffer(4); b.constructor = { [Symbol.species]: function (n) { return new ArrayBuffer(n + 2); } }; b.slice(1).byteLength`,
      ),
    ).toBe(5);
    expect(
      run(
        `var b = new ArrayBuffer(4); b.constructor = { [Symbol.species]: function () { return {}; } }; thrown(() => b.slice())`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `var b = new ArrayBuffer(4); b.constructor = { [Symbol.species]: function () { return b; } }; thrown(() => b.slice())`,
      ),
    ).toBe("TypeError");
    expect(
      run(
        `var b = new ArrayBuffer(4); b.constructor = { [Symbol.species]: function () { return new ArrayBuffer(1); } }; thrown(() => b.slice())`,
      ),
    ).toBe("TypeError");
    expect(run(`var b = new ArrayBuffer(4); b.constructor = 1; thrown(() => b.slice())`)).toBe(
      "TypeError",
    );
    expect(
      run(
        `var b = new ArrayBuffer(4); b.constructor = undefined; Object.getPrototypeOf(b.slice()) === ArrayBuffer.prototype`,
      ),
    ).toBe(true);
  });

  it("converts start before end and checks its receiver", () => {
    expect(
      run(
        `var log = []; new ArrayBuffer(4).slice({ valueOf() { log.push("s"); return 0; } }, { valueOf() { log.push("e"); return 1; } }); log.join()`,
      ),
    ).toBe("s,e");
    expect(run(`thrown(() => ArrayBuffer.prototype.slice.call(new Uint8Array(2)))`)).toBe(
      "TypeError",
    );
  });

  it("meters the copy", () => {
    expect(() =>
      run(`var b = new ArrayBuffer(1e5); for (var i = 0; i < 1e4; i++) b.slice(); 1`, tinyFuel),
    ).toThrow(ResourceExhaustedError);
  });
});
