/**
 * Lazy intrinsics must be unobservable: a lazy realm, once its groups are made, is the eager
 * realm object for object; an installer touches nothing but its own globals and intrinsics; and
 * guest code sees the built-ins it would see in an eager realm whatever it does first.
 */
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../src/index.js";
import { createRealm } from "../../src/realm/create-realm.js";
import { lazyGroups } from "../../src/realm/lazy-intrinsics.js";
import type { Realm } from "../../src/realm/realm.js";
import { BuiltinFunction } from "../../src/values/function.js";
import { ABSENT, JSObject } from "../../src/values/object.js";
import { Accessor } from "../../src/values/property.js";
import type { Key } from "../../src/values/value.js";

createRealm(); // the process's first realm records the groups; the next ones are lazy

function keyName(k: Key): string {
  return typeof k === "symbol" ? `@@${k.description}` : k;
}

/**
 * A structural fingerprint of everything reachable from the global object (skipping the global
 * keys in `skip`): per object in visiting order, its class, prototype, extensibility, and each
 * own property with its attributes and value (primitives by value, objects by visiting index,
 * built-in functions by the host implementation they run, numbered in order of appearance since
 * some installers make their implementations per realm).
 */
function fingerprint(realm: Realm, skip: ReadonlySet<string> = new Set()): string[] {
  const implIds = new Map<unknown, number>();
  const implId = (f: unknown): number => {
    let id = implIds.get(f);
    if (id === undefined) implIds.set(f, (id = implIds.size));
    return id;
  };
  const ids = new Map<JSObject, number>();
  const queue: JSObject[] = [];
  const ref = (o: JSObject | null | undefined): string => {
    if (o === null || o === undefined) return String(o);
    let id = ids.get(o);
    if (id === undefined) {
      ids.set(o, (id = ids.size));
      queue.push(o);
    }
    return `#${id}`;
  };
  ref(realm.global);
  const lines: string[] = [];
  for (let q = 0; q < queue.length; q++) {
    const o = queue[q] as JSObject;
    const impl = o instanceof BuiltinFunction ? ` impl${implId(o.impl)}` : "";
    const props: string[] = [];
    for (const k of o.storageKeys()) {
      if (o === realm.global && typeof k === "string" && skip.has(k)) continue;
      const v = o.storageGet(k);
      const attrs = o.storageAttrs(k);
      let shown: string;
      if (v === ABSENT) shown = "absent";
      else if (v instanceof Accessor) shown = `get ${ref(v.get)} set ${ref(v.set)}`;
      else if (v instanceof JSObject) shown = ref(v);
      else if (typeof v === "symbol") shown = `symbol ${v.description}`;
      else shown = `${typeof v} ${String(v)}`;
      props.push(`${keyName(k)}:${attrs}=${shown}`);
    }
    lines.push(
      `${q} ${o.constructor.name}${impl} proto ${ref(o.proto)} ext ${o.extensible} {${props.join(", ")}}`,
    );
  }
  return lines;
}

describe("lazy intrinsics", () => {
  it("records groups that cover the built-ins made lazily", () => {
    const globals = lazyGroups().flatMap((g) => g.globals);
    for (const name of ["Map", "Set", "Math", "JSON", "Reflect", "Date", "RegExp", "Uint8Array"]) {
      expect(globals).toContain(name);
    }
    expect(globals).not.toContain("Array");
    expect(globals).not.toContain("Promise");
  });

  it("a lazy realm, once every built-in is touched, is the eager realm object for object", () => {
    const eager = fingerprint(createRealm({ eager: true }));
    const lazy = fingerprint(createRealm());
    expect(lazy.length).toBeGreaterThan(400);
    expect(lazy).toEqual(eager);
  });

  it("each group's installer adds only its own globals and intrinsics", () => {
    for (const group of lazyGroups()) {
      const skip = new Set(group.globals);
      const realm = createRealm();
      expect(fingerprint(realm, skip)).toEqual(fingerprint(createRealm({ eager: true }), skip));
      for (const name of group.intrinsics)
        expect(Object.hasOwn(realm.intrinsics, name)).toBe(false);
    }
  });

  it("lists the global object's keys in the eager order before anything is made", () => {
    const eager = createRealm({ eager: true }).global.storageKeys();
    const realm = createRealm();
    expect(realm.global.storageKeys()).toEqual(eager);
    expect(realm.lazyDone?.every((done) => !done)).toBe(true);
  });

  it("makes a group when runtime code needs one of its intrinsics, not only through globals", () => {
    const sb = createSandbox();
    expect(sb.runSync("/a(b)/.exec('xab')[1]")).toBe("b");
    expect(sb.runSync("`${1n + 2n}`")).toBe("3");
  });

  it("lets guest code replace, redefine or delete a built-in before it was ever made", () => {
    const sb = createSandbox();
    expect(sb.runSync("delete globalThis.Map; typeof Map")).toBe("undefined");
    expect(sb.runSync("'Map' in globalThis")).toBe(false);
    expect(sb.runSync("globalThis.Math = 42; Math")).toBe(42);
    expect(
      sb.runSync("Object.defineProperty(globalThis, 'JSON', { get() { return 'mine' } }); JSON"),
    ).toBe("mine");
    // Another group needing the deleted one's intrinsics keeps working without restoring it.
    expect(sb.runSync("Object.prototype.toString.call(new Set([1]))")).toBe("[object Set]");
    expect(sb.runSync("typeof Map")).toBe("undefined");
  });

  it("shows built-ins through every reflective path as an eager realm does", () => {
    const sb = createSandbox();
    expect(
      sb.runSync(
        "const d = Object.getOwnPropertyDescriptor(globalThis, 'Reflect'); [typeof d.value, d.writable, d.enumerable, d.configurable].join()",
      ),
    ).toBe("object,true,false,true");
    expect(sb.runSync("Object.keys(globalThis).length")).toBe(0);
    expect(sb.runSync("'Uint8Array' in globalThis && typeof Float64Array.BYTES_PER_ELEMENT")).toBe(
      "number",
    );
  });
});
