/**
 * The attack suite's checks, checked: the structural walk finds a host object planted anywhere
 * guest code could reach it, and the other helpers notice what they are meant to notice. Without
 * this, a walk that silently visited nothing would make every fixture pass.
 */
import { describe, expect, it } from "vitest";
import { createSandbox, SandboxError } from "../../src/index.js";
import type { ClosureFunction } from "../../src/runtime/closure.js";
import type { JSArray } from "../../src/values/array.js";
import type { BoundFunction } from "../../src/values/function.js";
import type { MapObject } from "../../src/values/map-object.js";
import type { JSObject } from "../../src/values/object.js";
import type { ProxyObject } from "../../src/values/proxy.js";
import {
  assertHostIntrinsicsUnchanged,
  assertNoHostPathInGuestText,
  expectStopsWithin,
  findHostObjects,
  realmOf,
  snapshotHostIntrinsics,
  walked,
} from "./invariants.js";

function sandboxWithShapes() {
  const sb = createSandbox({ globals: { hostFn: () => 1 } });
  sb.runSync(`
    var plain = { a: 1 };
    var arr = [1, 2, 3];
    var map = new Map([["k", 1]]);
    var bound = function () {}.bind(null, 1);
    var prox = new Proxy({}, {});
    var closure = (() => { let captured = {}; return () => captured; })();
    let lexical = { l: 1 };
    var withAccessor = { get g() { return 1; } };
    var weakTarget = {};
    var weak = new WeakRef(weakTarget);
    var registry = new FinalizationRegistry(() => {});
    registry.register(weakTarget, { held: 1 }, weakTarget);
  `);
  return sb;
}

function global(sb: ReturnType<typeof createSandbox>, name: string): JSObject {
  return realmOf(sb).global.storageGet(name) as JSObject;
}

describe("findHostObjects", () => {
  it("walks the whole realm and finds nothing in a fresh sandbox", () => {
    const sb = sandboxWithShapes();
    expect(findHostObjects(sb)).toEqual([]);
    expect(walked.count).toBeGreaterThan(1000);
  });

  const plants: [string, (sb: ReturnType<typeof createSandbox>, leak: unknown) => void][] = [
    ["an object property", (sb, leak) => global(sb, "plain").storageSet("a", leak as never)],
    ["an array element", (sb, leak) => (global(sb, "arr") as JSArray).dense.push(leak as never)],
    ["a Map entry", (sb, leak) => (global(sb, "map") as MapObject).data.set("x", leak as never)],
    [
      "a bound argument",
      (sb, leak) => (global(sb, "bound") as BoundFunction).boundArgs.push(leak as never),
    ],
    [
      "a Proxy handler",
      (sb, leak) => {
        (global(sb, "prox") as ProxyObject).handler = leak as never;
      },
    ],
    [
      "a closure's environment",
      (sb, leak) => {
        (global(sb, "closure") as ClosureFunction).env.v.push(leak as never);
      },
    ],
    [
      "a script-level lexical binding",
      (sb, leak) => {
        (realmOf(sb).globalLex.get("lexical") as { v: unknown }).v = leak;
      },
    ],
    [
      "a prototype",
      (sb, leak) => {
        global(sb, "plain").proto = leak as never;
      },
    ],
    [
      "an accessor",
      (sb, leak) => {
        const o = global(sb, "withAccessor");
        (o.storageGet("g") as { get: unknown }).get = leak;
      },
    ],
    [
      "a WeakRef's target",
      (sb, leak) => {
        (global(sb, "weak") as unknown as { ref: WeakRef<object> }).ref = new WeakRef(
          leak as object,
        );
      },
    ],
    [
      "an intrinsic",
      (sb, leak) => realmOf(sb).intrinsics.ArrayPrototype.storageSet("map", leak as never),
    ],
  ];
  const leaks: [string, unknown][] = [
    ["a host function", () => globalThis],
    ["a host object", new (class Secret {})()],
    ["a host Error", new TypeError("host")],
    ["a host Promise", Promise.resolve(1)],
    ["a host Proxy", new Proxy({}, {})],
  ];

  for (const [where, plant] of plants) {
    for (const [what, leak] of leaks) {
      it(`finds ${what} planted in ${where}`, () => {
        const sb = sandboxWithShapes();
        plant(sb, leak);
        const found = findHostObjects(sb);
        expect(found.length, JSON.stringify(found)).toBeGreaterThan(0);
      });
    }
  }
});

describe("the other helpers", () => {
  it("assertHostIntrinsicsUnchanged notices a changed host intrinsic", () => {
    const snap = snapshotHostIntrinsics();
    const proto = Array.prototype as unknown as Record<string, unknown>;
    proto.__securitySuiteProbe = 1;
    try {
      expect(() => assertHostIntrinsicsUnchanged(snap)).toThrow(/__securitySuiteProbe/);
    } finally {
      delete proto.__securitySuiteProbe;
    }
    assertHostIntrinsicsUnchanged(snap);
  });

  it("assertNoHostPathInGuestText accepts guest frames and rejects host ones", () => {
    assertNoHostPathInGuestText("TypeError: x\n    at f (script.js:1:2)\n    at script.js:3:4");
    expect(() =>
      assertNoHostPathInGuestText(`Error\n    at f (${process.cwd()}/src/sandbox.ts:1:2)`),
    ).toThrow();
    expect(() =>
      assertNoHostPathInGuestText("at Object.<anonymous> (node:internal/x:1:1)"),
    ).toThrow();
  });

  it("expectStopsWithin requires a stop of the expected kind", () => {
    const sb = createSandbox({ limits: { perRun: { fuel: 10_000 } } });
    expectStopsWithin(() => sb.runSync("for (;;) {}"), 1000, { sandbox: sb, resource: "fuel" });
    expect(() => expectStopsWithin(() => sb.runSync("1"), 1000)).toThrow();
    expect(() => expectStopsWithin(() => sb.runSync("throw 1"), 1000)).toThrow();
    expect(() => sb.runSync("throw 1")).toThrow(SandboxError);
  });
});
