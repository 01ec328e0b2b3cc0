import { describe, expect, it } from "vitest";
import { createSandbox, GuestError, MembraneError, SandboxError } from "../../src/index.js";

describe("membrane", () => {
  it("copies plain data in and out, never sharing host objects", () => {
    const config = { list: [1, 2, { deep: true }], name: "cfg" };
    const sb = createSandbox({ globals: { config } });
    const out = sb.runSync("config.list.push(4); config.name = 'changed'; config") as typeof config;
    expect(config).toEqual({ list: [1, 2, { deep: true }], name: "cfg" });
    expect(out).toEqual({ list: [1, 2, { deep: true }, 4], name: "changed" });
    expect(out).not.toBe(config);
  });

  it("wraps host functions and converts their arguments and results", () => {
    const seen: unknown[] = [];
    const sb = createSandbox({
      globals: { log: (...a: unknown[]) => seen.push(a), add: (a: number, b: number) => a + b },
    });
    expect(sb.runSync("log({ a: [1] }, 'x'); add(2, 3)")).toBe(5);
    expect(seen).toEqual([[{ a: [1] }, "x"]]);
    expect(
      sb.runSync(
        "[typeof add, add.name, add.constructor === Function, Object.getPrototypeOf(add) === Function.prototype]",
      ),
    ).toEqual(["function", "add", true, true]);
  });

  it("refuses host class instances and accessors", () => {
    class Secret {
      x = 1;
    }
    expect(() => createSandbox({ globals: { s: new Secret() } })).toThrow(MembraneError);
    expect(() =>
      createSandbox({
        globals: {
          g: {
            get x() {
              return 1;
            },
          },
        },
      }),
    ).toThrow(/accessor/);
    const sb = createSandbox({ globals: { leak: () => new Secret() } });
    expect(() => sb.runSync("leak()")).toThrow(/instance of Secret/);
  });

  it("does not run guest getters when exporting", () => {
    const sb = createSandbox();
    const out = sb.runSync("globalThis.hit = 0; ({ a: 1, get b() { hit++; return 2; } })");
    expect(out).toEqual({ a: 1 });
    expect(sb.runSync("hit")).toBe(0);
  });

  it("exports guest functions as host callables that re-enter the sandbox", () => {
    const sb = createSandbox({ globals: { callMe: (f: (x: number) => number) => f(20) + 1 } });
    const f = sb.runSync("(x) => x * 2") as (x: number) => number;
    expect(f(21)).toBe(42);
    expect(sb.runSync("callMe((x) => x + 1)")).toBe(22);
  });

  it("hides host errors by policy", () => {
    const boom = () => {
      throw new TypeError("/secret/host/path.js failed");
    };
    const safe = createSandbox({ globals: { boom } });
    expect(
      safe.runSync("try { boom() } catch (e) { [e.name, e.message, e instanceof Error] }"),
    ).toEqual(["Error", "Host function failed", true]);
    const sanitize = createSandbox({ globals: { boom }, policy: { errors: "sanitize" } });
    expect(sanitize.runSync("try { boom() } catch (e) { [e.name, e.message] }")).toEqual([
      "TypeError",
      "<path> failed",
    ]);
  });

  it("raises deliberate guest errors with GuestError", () => {
    const sb = createSandbox({
      globals: {
        deny: () => {
          throw new GuestError(
            "PermissionDenied",
            "editor.write not granted",
            "COVE_CAPABILITY_DENIED",
          );
        },
      },
    });
    expect(sb.runSync("try { deny() } catch (e) { [e.name, e.message, e.code] }")).toEqual([
      "PermissionDenied",
      "editor.write not granted",
      "COVE_CAPABILITY_DENIED",
    ]);
  });

  it("reports guest exceptions with a guest-only stack", () => {
    const sb = createSandbox();
    let err: SandboxError | undefined;
    try {
      sb.runSync(
        "function inner() { throw new RangeError('bad'); }\nfunction outer() { inner(); }\nouter();",
        { filename: "plugin.js" },
      );
    } catch (e) {
      err = e as SandboxError;
    }
    expect(err).toBeInstanceOf(SandboxError);
    expect(err?.guestName).toBe("RangeError");
    expect(err?.guestMessage).toBe("bad");
    expect(err?.guestStack).toContain("at inner (plugin.js:1:");
    expect(err?.guestStack).toContain("at outer (plugin.js:2:");
    expect(err?.guestStack).not.toMatch(/node_modules|packages\/interpreter|\.ts:/);
    expect(err?.thrownValue).toMatchObject({ name: "RangeError", message: "bad" });
  });

  it("keeps per-call globals to their run", async () => {
    const sb = createSandbox();
    expect(sb.runSync("who", { globals: { who: "a" } })).toBe("a");
    expect(() => sb.runSync("who")).toThrow(/who is not defined/);
    const [a, b] = await Promise.all([
      sb.run("who + 1", { globals: { who: "x" } }),
      sb.run("who + 2", { globals: { who: "y" } }),
    ]);
    expect([a, b]).toEqual(["x1", "y2"]);
  });
});

describe("GuestError", () => {
  it("creates real instances of the native error types", () => {
    const sb = createSandbox({
      globals: {
        bad: () => {
          throw new GuestError("TypeError", "expected a string", "COVE_INVALID_ARGUMENTS");
        },
      },
    });
    expect(
      sb.runSync("try { bad() } catch (e) { [e instanceof TypeError, e.name, e.message, e.code] }"),
    ).toEqual([true, "TypeError", "expected a string", "COVE_INVALID_ARGUMENTS"]);
  });
});
