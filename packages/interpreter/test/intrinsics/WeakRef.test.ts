import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";

describe("WeakRef and FinalizationRegistry", () => {
  it("derefs a live target and refuses what cannot be held weakly", () => {
    const sb = createSandbox();
    expect(
      sb.runSync(
        "const o = { a: 1 }; const r = new WeakRef(o); [r.deref() === o, Object.prototype.toString.call(r)]",
      ),
    ).toEqual([true, "[object WeakRef]"]);
    expect(() => sb.runSync("new WeakRef(1)")).toThrow(/TypeError/);
    expect(() => sb.runSync("new WeakRef(Symbol.for('registered'))")).toThrow(/TypeError/);
    expect(() => sb.runSync("WeakRef({})")).toThrow(/requires 'new'/);
  });

  it("registers and unregisters cells by token without ever calling back", () => {
    const sb = createSandbox();
    expect(
      sb.runSync(
        "let called = 0; const fr = new FinalizationRegistry(() => called++); const t = {}; fr.register({}, 'held', t); [fr.unregister(t), fr.unregister(t), called]",
      ),
    ).toEqual([true, false, 0]);
    expect(() =>
      sb.runSync("const o = {}; new FinalizationRegistry(() => {}).register(o, o);"),
    ).toThrow(/TypeError/);
  });
});
