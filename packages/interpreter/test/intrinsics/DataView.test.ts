import { describe, expect, it } from "vitest";
import { run } from "./binary-helpers.js";

const TYPES = [
  "Int8",
  "Uint8",
  "Int16",
  "Uint16",
  "Int32",
  "Uint32",
  "Float32",
  "Float64",
  "BigInt64",
  "BigUint64",
];

describe("DataView constructor", () => {
  it("has the spec's shape", () => {
    expect(
      run(
        `[DataView.length, DataView.name, desc(DataView, "prototype"), desc(globalThis, "DataView"), DataView.prototype.constructor === DataView]`,
      ),
    ).toEqual([1, "DataView", "v", "vwc", true]);
    expect(
      run(
        `[Object.prototype.toString.call(new DataView(new ArrayBuffer(1))), desc(DataView.prototype, Symbol.toStringTag)]`,
      ),
    ).toEqual(["[object DataView]", "vc"]);
  });

  it("views a buffer with offset and length", () => {
    expect(
      run(
        `var b = new ArrayBuffer(8); var v = new DataView(b, 2, 4); [v.buffer === b, v.byteOffset, v.byteLength]`,
      ),
    ).toEqual([true, 2, 4]);
    expect(
      run(
        `var b = new ArrayBuffer(8); [new DataView(b).byteLength, new DataView(b, 8).byteLength, new DataView(b, 3).byteLength, new DataView(b, 1, undefined).byteLength]`,
      ),
    ).toEqual([8, 0, 5, 7]);
  });

  it("validates its arguments in order", () => {
    expect(
      run(`var b = new ArrayBuffer(8);
      [thrown(() => DataView(b)), thrown(() => new DataView({})), thrown(() => new DataView(new Uint8Array(8))), thrown(() => new DataView()),
       thrown(() => new DataView(b, 9)), thrown(() => new DataView(b, -1)), thrown(() => new DataView(b, 4, 5)), thrown(() => new DataView(b, 0, -1))]`),
    ).toEqual([
      "TypeError",
      "TypeError",
      "TypeError",
      "TypeError",
      "RangeError",
      "RangeError",
      "RangeError",
      "RangeError",
    ]);
    expect(
      run(`var log = []; var nt = new Proxy(function () {}, { get(t, k) { log.push(String(k)); return t[k]; } });
      Reflect.construct(DataView, [new ArrayBuffer(2), { valueOf() { log.push("offset"); return 0; } }, { valueOf() { log.push("length"); return 1; } }], nt);
      log.join()`),
    ).toBe("offset,length,prototype");
    expect(
      run(
        `class V extends DataView { get first() { return this.getUint8(0); } } var v = new V(new Uint8Array([42]).buffer); [v.first, v instanceof DataView]`,
      ),
    ).toEqual([42, true]);
  });
});

describe("DataView.prototype", () => {
  it("has get/set methods for ten types with the spec's lengths", () => {
    expect(
      run(
        `${JSON.stringify(TYPES)}.map((t) => [DataView.prototype["get" + t].length, DataView.prototype["set" + t].length, desc(DataView.prototype, "get" + t)].join()).join(";")`,
      ),
    ).toBe(TYPES.map(() => "1,2,vwc").join(";"));
    expect(
      run(`["getUint8Clamped", "setUint8Clamped"].map((k) => k in DataView.prototype)`),
    ).toEqual([false, false]);
  });

  it("accessors check their receiver", () => {
    expect(
      run(
        `["buffer", "byteLength", "byteOffset"].map((k) => { var g = Object.getOwnPropertyDescriptor(DataView.prototype, k).get; return [g.name, thrown(() => g.call(new Uint8Array(1))), thrown(() => g.call({}))]; })`,
      ),
    ).toEqual([
      ["get buffer", "TypeError", "TypeError"],
      ["get byteLength", "TypeError", "TypeError"],
      ["get byteOffset", "TypeError", "TypeError"],
    ]);
  });

  it("reads big-endian by default and little-endian on request", () => {
    expect(
      run(`var v = new DataView(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer);
      [v.getUint16(0), v.getUint16(0, true), v.getInt32(0), v.getUint32(4, 1), v.getInt8(0), v.getUint8(7), v.getBigUint64(0), v.getBigInt64(0, true)]`),
    ).toEqual([
      0x0102,
      0x0201,
      0x01020304,
      0x08070605,
      1,
      8,
      0x0102030405060708n,
      0x0807060504030201n,
    ]);
    expect(
      run(
        `var v = new DataView(new ArrayBuffer(8)); v.setFloat64(0, Math.PI); [v.getFloat64(0), v.getUint8(0), v.getFloat64(0, true) === Math.PI]`,
      ),
    ).toEqual([Math.PI, 0x40, false]);
    expect(
      run(
        `var v = new DataView(new ArrayBuffer(4)); v.setFloat32(0, 1.1, true); v.getFloat32(0, true) === Math.fround(1.1)`,
      ),
    ).toBe(true);
  });

  it("writes with wrap-around conversion", () => {
    expect(
      run(`var v = new DataView(new ArrayBuffer(8));
      v.setInt8(0, 255); v.setUint8(1, -1); v.setInt16(2, 65535); v.setUint32(4, -2, true);
      [v.getInt8(0), v.getUint8(1), v.getInt16(2), v.getUint32(4, true), v.setInt8(0, 1)]`),
    ).toEqual([-1, 255, -1, 2 ** 32 - 2, undefined]);
    expect(
      run(
        `var v = new DataView(new ArrayBuffer(8)); v.setBigInt64(0, -1n); [v.getBigUint64(0), (v.setBigUint64(0, 2n ** 64n + 5n, true), v.getBigInt64(0, true))]`,
      ),
    ).toEqual([2n ** 64n - 1n, 5n]);
    expect(
      run(
        `var v = new DataView(new ArrayBuffer(8)); [thrown(() => v.setBigInt64(0, 1)), thrown(() => v.setInt8(0, 1n)), thrown(() => v.setBigInt64(0, "x"))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "SyntaxError"]);
  });

  it("is bounded by the view, not the buffer", () => {
    expect(
      run(`var v = new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2);
      [v.getUint8(0), v.getUint16(0), thrown(() => v.getUint16(1)), thrown(() => v.getUint8(2)), thrown(() => v.getInt8(-1)), thrown(() => v.setUint8(2, 0)), thrown(() => v.getFloat64(0))]`),
    ).toEqual([8, 0x0807, "RangeError", "RangeError", "RangeError", "RangeError", "RangeError"]);
  });

  it("converts index, then value, then littleEndian", () => {
    expect(
      run(`var log = []; var v = new DataView(new ArrayBuffer(4));
      v.setUint16({ valueOf() { log.push("i"); return 0; } }, { valueOf() { log.push("v"); return 1; } }, { valueOf() { log.push("never"); } });
      log.join()`),
    ).toBe("i,v");
    // A bad index is reported before the value is converted.
    expect(
      run(
        `var log = []; var v = new DataView(new ArrayBuffer(4)); var r = thrown(() => v.setUint8(-1, { valueOf() { log.push("v"); return 1; } })); [r, log.length]`,
      ),
    ).toEqual(["RangeError", 0]);
    // The bounds check happens after the value is converted.
    expect(
      run(
        `var log = []; var v = new DataView(new ArrayBuffer(4)); var r = thrown(() => v.setUint8(9, { valueOf() { log.push("v"); return 1; } })); [r, log.length]`,
      ),
    ).toEqual(["RangeError", 1]);
    expect(run(`thrown(() => DataView.prototype.getInt8.call(new Int8Array(4), 0))`)).toBe(
      "TypeError",
    );
  });
});
