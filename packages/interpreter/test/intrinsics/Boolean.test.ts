import { describe, expect, it } from "vitest";
import { run } from "./core-helpers.js";

describe("Boolean", () => {
  it("converts when called and wraps when constructed", () => {
    expect(
      run(
        `[Boolean(), Boolean(0), Boolean(""), Boolean("0"), Boolean({}), Boolean(NaN), Boolean(1n), Boolean(0n), Boolean(Symbol()), Boolean(null)]`,
      ),
    ).toEqual([false, false, false, true, true, false, true, false, true, false]);
    expect(
      run(
        `var b = new Boolean(false); [typeof b, b.valueOf(), !!b, b instanceof Boolean, Object.getPrototypeOf(b) === Boolean.prototype]`,
      ),
    ).toEqual(["object", false, true, true, true]);
    expect(
      run(
        `[Boolean.length, Boolean.name, desc(Boolean, "prototype"), Boolean.prototype.constructor === Boolean]`,
      ),
    ).toEqual([1, "Boolean", "v", true]);
  });

  it("supports subclassing", () => {
    expect(
      run(
        `class B extends Boolean { flip() { return !this.valueOf(); } } var b = new B(1); [b.flip(), b instanceof Boolean, b.toString()]`,
      ),
    ).toEqual([false, true, "true"]);
    expect(
      run(
        `function F() {} F.prototype = Array.prototype; var b = Reflect.construct(Boolean, [1], F); [Array.isArray(b), Boolean.prototype.valueOf.call(b)]`,
      ),
    ).toEqual([false, true]);
  });

  it("Boolean.prototype is a Boolean object holding false", () => {
    expect(
      run(
        `[Boolean.prototype.valueOf(), Boolean.prototype.toString(), Object.prototype.toString.call(Boolean.prototype), Object.getPrototypeOf(Boolean.prototype) === Object.prototype]`,
      ),
    ).toEqual([false, "false", "[object Boolean]", true]);
  });

  it("toString and valueOf check their receiver", () => {
    expect(
      run(
        `[true.toString(), false.valueOf(), new Boolean(true).toString(), Boolean.prototype.toString.length, Boolean.prototype.valueOf.length]`,
      ),
    ).toEqual(["true", false, "true", 0, 0]);
    expect(
      run(
        `[thrown(() => Boolean.prototype.toString.call(1)), thrown(() => Boolean.prototype.valueOf.call({})), thrown(() => Boolean.prototype.valueOf.call(new Number(1))), thrown(() => Boolean.prototype.toString.call("true"))]`,
      ),
    ).toEqual(["TypeError", "TypeError", "TypeError", "TypeError"]);
  });
});
