/**
 * JSON.stringify (https://tc39.es/ecma262/#sec-json.stringify) over guest objects through their
 * internal methods (proxies, getters and toJSON run as guest code, in spec order). The
 * recursion of SerializeJSONObject / SerializeJSONArray is written as a loop over an explicit
 * stack, so nesting depth cannot overflow the host stack, and the output is accumulated in one
 * builder that charges memory as it grows.
 */

import { isCallable, toIntegerOrInfinity, toNumber, toString } from "../runtime/conversions.js";
import { BYTES_ELEMENT } from "../runtime/costs.js";
import { createObject, enumerableOwnKeys, getV, lengthOfArrayLike } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { PrimitiveObject, StringObject } from "../runtime/wrappers.js";
import { JSArray } from "../values/array.js";
import { JSObject } from "../values/object.js";
import { ENUMERABLE, WEC } from "../values/property.js";
import { isArray } from "../values/proxy.js";
import type { Value } from "../values/value.js";
import { chargeChars, StringBuilder } from "./string-ops.js";

/** Returned by `prepare` for values that serialize to undefined; never a guest value. */
const SKIP: unique symbol = Symbol("skip");

/** The JSON Serialization Record (https://tc39.es/ecma262/#sec-json-serialization-record). */
interface State {
  replacer: JSObject | undefined;
  propertyList: string[] | undefined;
  gap: string;
}

/** One object or array being serialized. */
interface Frame {
  value: JSObject;
  /** Property keys (objects) or the length (arrays). */
  keys: string[] | number;
  next: number;
  stepback: string;
  /** Whether a member has been written yet. */
  any: boolean;
}

/** https://tc39.es/ecma262/#sec-quotejsonstring (host JSON quoting of a primitive string). */
function quote(run: Run, s: string): string {
  chargeChars(run, s.length);
  return JSON.stringify(s);
}

/**
 * EnumerableOwnProperties(o, key). An ordinary object's own properties are its storage, so its
 * enumerable keys are read from the attributes without building descriptors.
 */
function enumerableKeys(run: Run, o: JSObject): string[] {
  if (Object.getPrototypeOf(o) !== JSObject.prototype) return enumerableOwnKeys(run, o);
  const out: string[] = [];
  for (const k of o.ownKeys(run)) {
    if (typeof k === "string" && o.storageAttrs(k) & ENUMERABLE) out.push(k);
  }
  return out;
}

/**
 * SerializeJSONProperty steps 1–4 (https://tc39.es/ecma262/#sec-serializejsonproperty): the
 * value to serialize for holder[key] after toJSON, the replacer and unwrapping, or SKIP.
 */
function prepare(
  run: Run,
  state: State,
  key: string | number,
  holder: JSObject,
): Value | typeof SKIP {
  run.charge(1);
  // An array index read through getIndex is the same [[Get]] without making the key string.
  let value =
    typeof key === "number" && holder instanceof JSArray
      ? holder.getIndex(run, key, holder)
      : holder.get(run, String(key), holder);
  if (value instanceof JSObject || typeof value === "bigint") {
    const toJSON = getV(run, value, "toJSON");
    if (isCallable(toJSON)) value = toJSON.call(run, value, [String(key)]);
  }
  if (state.replacer !== undefined) value = state.replacer.call(run, holder, [String(key), value]);
  if (value instanceof JSObject) {
    if (value instanceof StringObject) value = toString(run, value);
    else if (value instanceof PrimitiveObject) {
      const p = value.primitive;
      if (typeof p === "number") value = toNumber(run, value);
      else if (typeof p === "boolean" || typeof p === "bigint") value = p;
    }
  }
  if (value === undefined || typeof value === "symbol") return SKIP;
  if (value instanceof JSObject && value.isCallable()) return SKIP;
  return value;
}

/** https://tc39.es/ecma262/#sec-json.stringify */
export function jsonStringify(run: Run, _thisArg: Value, args: Value[]): Value {
  const [value, replacer] = args;
  let space = args[2];
  const state: State = { replacer: undefined, propertyList: undefined, gap: "" };
  if (replacer instanceof JSObject) {
    if (replacer.isCallable()) state.replacer = replacer;
    else if (isArray(run, replacer)) {
      const seen = new Set<string>();
      const len = lengthOfArrayLike(run, replacer);
      for (let k = 0; k < len; k++) {
        run.charge(1);
        const v = replacer.get(run, String(k), replacer);
        let item: string | undefined;
        if (typeof v === "string") item = v;
        else if (typeof v === "number") item = toString(run, v);
        else if (
          v instanceof StringObject ||
          (v instanceof PrimitiveObject && typeof v.primitive === "number")
        ) {
          item = toString(run, v);
        }
        if (item !== undefined && !seen.has(item)) {
          run.alloc(BYTES_ELEMENT);
          seen.add(item);
        }
      }
      state.propertyList = [...seen];
    }
  }
  if (space instanceof PrimitiveObject && typeof space.primitive === "number") {
    space = toNumber(run, space);
  } else if (space instanceof StringObject) space = toString(run, space);
  if (typeof space === "number") {
    const n = Math.min(10, toIntegerOrInfinity(run, space));
    state.gap = n >= 1 ? " ".repeat(n) : "";
  } else if (typeof space === "string") state.gap = space.slice(0, 10);

  const wrapper = createObject(run);
  wrapper.defineData("", value, WEC);
  const first = prepare(run, state, "", wrapper);
  if (first === SKIP) return undefined;
  const out = new StringBuilder(run);
  const stack: Frame[] = [];
  const onStack = new Set<JSObject>();
  let indent = "";
  /** Quoted member names with their colon: objects of one shape repeat the same keys. */
  const quotedKeys = new Map<string, string>();

  /** Writes a primitive, or opens an object/array (SerializeJSONObject/Array steps 1–5). */
  const write = (v: Value): void => {
    if (v === null) out.append("null");
    else if (v === true) out.append("true");
    else if (v === false) out.append("false");
    else if (typeof v === "string") out.append(quote(run, v));
    else if (typeof v === "number") out.append(Number.isFinite(v) ? String(v) : "null");
    else if (typeof v === "bigint") throwTypeError(run, "Do not know how to serialize a BigInt");
    else if (v instanceof JSObject) {
      const array = isArray(run, v);
      if (onStack.has(v)) throwTypeError(run, "Converting circular structure to JSON");
      onStack.add(v);
      const stepback = indent;
      indent += state.gap;
      let keys: string[] | number;
      if (array) keys = lengthOfArrayLike(run, v);
      else if (state.propertyList !== undefined) keys = state.propertyList;
      else {
        keys = enumerableKeys(run, v);
        run.charge(keys.length);
      }
      stack.push({ value: v, keys, next: 0, stepback, any: false });
      out.append(array ? "[" : "{");
    }
  };

  write(first);
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) return out.build();
    const array = typeof top.keys === "number";
    const count = array ? (top.keys as number) : (top.keys as string[]).length;
    if (top.next >= count) {
      if (top.any && state.gap !== "") out.append(`\n${top.stepback}`);
      out.append(array ? "]" : "}");
      stack.pop();
      onStack.delete(top.value);
      indent = top.stepback;
      continue;
    }
    const i = top.next++;
    const key = array ? i : ((top.keys as string[])[i] as string);
    const v = prepare(run, state, key, top.value);
    if (v === SKIP && !array) continue;
    const separator = top.any ? "," : "";
    top.any = true;
    out.append(state.gap === "" ? separator : `${separator}\n${indent}`);
    if (v === SKIP) {
      out.append("null");
      continue;
    }
    if (!array) {
      let quoted = quotedKeys.get(key as string);
      if (quoted === undefined) {
        quoted = `${quote(run, key as string)}:${state.gap === "" ? "" : " "}`;
        if (quotedKeys.size < 4096) quotedKeys.set(key as string, quoted);
      } else run.charge(1);
      out.append(quoted);
    }
    write(v);
  }
}
