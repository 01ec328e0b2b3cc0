/**
 * JSON.parse (https://tc39.es/ecma262/#sec-json.parse): a JSON text parser that builds guest
 * objects and arrays directly, and InternalizeJSONProperty for the reviver. Both are iterative
 * (an explicit stack instead of host recursion), so nesting depth cannot overflow the host stack.
 */

import { isCallable, toString } from "../runtime/conversions.js";
import {
  BYTES_ELEMENT,
  BYTES_OBJECT,
  BYTES_PROPERTY,
  charFuel,
  stringBytes,
} from "../runtime/costs.js";
import {
  createDataProperty,
  createObject,
  enumerableOwnKeys,
  lengthOfArrayLike,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwError } from "../runtime/throw.js";
import { JSArray } from "../values/array.js";
import { JSObject } from "../values/object.js";
import { WEC } from "../values/property.js";
import { isArray } from "../values/proxy.js";
import type { Value } from "../values/value.js";

interface Container {
  /** The object being filled, or null for an array (whose elements are in `elements`). */
  obj: JSObject | null;
  elements: Value[];
  key: string;
}

class JSONParser {
  pos = 0;

  constructor(
    private readonly run: Run,
    private readonly text: string,
  ) {}

  fail(message: string): never {
    return throwError(this.run, "SyntaxError", message);
  }

  unexpected(): never {
    const { text, pos } = this;
    if (pos >= text.length) return this.fail("Unexpected end of JSON input");
    return this.fail(`Unexpected token '${text[pos]}' in JSON at position ${pos}`);
  }

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  /** Parses a string token at `pos` (which holds a double quote). */
  string(): string {
    const { text, run } = this;
    let pos = this.pos + 1;
    let out = "";
    let chunkStart = pos;
    for (;;) {
      if (pos >= text.length) {
        return this.fail(`Unterminated string in JSON at position ${pos}`);
      }
      const c = text.charCodeAt(pos);
      if (c === 0x22) break;
      if (c < 0x20) {
        return this.fail(`Bad control character in string literal in JSON at position ${pos}`);
      }
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      out += text.slice(chunkStart, pos);
      const e = text[pos + 1];
      let decoded: string | undefined;
      let length = 2;
      switch (e) {
        case '"':
        case "\\":
        case "/":
          decoded = e;
          break;
        case "b":
          decoded = "\b";
          break;
        case "f":
          decoded = "\f";
          break;
        case "n":
          decoded = "\n";
          break;
        case "r":
          decoded = "\r";
          break;
        case "t":
          decoded = "\t";
          break;
        case "u": {
          const hex = text.slice(pos + 2, pos + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            decoded = String.fromCharCode(Number.parseInt(hex, 16));
            length = 6;
          }
          break;
        }
      }
      if (decoded === undefined) {
        if (pos + 1 >= text.length)
          return this.fail(`Unterminated string in JSON at position ${pos + 1}`);
        return this.fail(`Bad escaped character in JSON at position ${pos + 1}`);
      }
      out += decoded;
      pos += length;
      chunkStart = pos;
    }
    out += text.slice(chunkStart, pos);
    run.charge(charFuel(pos - this.pos));
    run.alloc(stringBytes(out.length));
    this.pos = pos + 1;
    return out;
  }

  number(): number {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    const digit = (): boolean => {
      const c = text.charCodeAt(pos);
      return c >= 0x30 && c <= 0x39;
    };
    if (text[pos] === "-") pos++;
    if (text[pos] === "0") pos++;
    else if (digit()) while (digit()) pos++;
    else {
      this.pos = pos;
      if (pos >= text.length) return this.fail("Unexpected end of JSON input");
      return this.fail(`No number after minus sign in JSON at position ${pos}`);
    }
    if (text[pos] === ".") {
      pos++;
      if (!digit()) {
        this.pos = pos;
        if (pos >= text.length) return this.fail("Unterminated fractional number in JSON");
        return this.fail(`Unterminated fractional number in JSON at position ${pos}`);
      }
      while (digit()) pos++;
    }
    if (text[pos] === "e" || text[pos] === "E") {
      pos++;
      if (text[pos] === "+" || text[pos] === "-") pos++;
      if (!digit()) {
        this.pos = pos;
        return this.fail(`Exponent part is missing a number in JSON at position ${pos}`);
      }
      while (digit()) pos++;
    }
    this.pos = pos;
    this.run.charge(charFuel(pos - start));
    return Number(text.slice(start, pos));
  }

  literal(word: string, value: Value): Value {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    for (let i = 0; i < word.length; i++) {
      if (this.text[this.pos] !== word[i]) break;
      this.pos++;
    }
    return this.unexpected();
  }

  /** Reads `"key" :` inside an object. */
  key(): string {
    this.skipWhitespace();
    if (this.text[this.pos] !== '"') {
      if (this.pos >= this.text.length) return this.fail("Unexpected end of JSON input");
      return this.fail(`Expected property name or '}' in JSON at position ${this.pos}`);
    }
    const k = this.string();
    this.skipWhitespace();
    if (this.text[this.pos] !== ":") {
      if (this.pos >= this.text.length) return this.fail("Unexpected end of JSON input");
      return this.fail(`Expected ':' after property name in JSON at position ${this.pos}`);
    }
    this.pos++;
    return k;
  }

  parse(): Value {
    const { run, text } = this;
    const realm = run.realm;
    const stack: Container[] = [];
    let value: Value;
    for (;;) {
      // Parse one value, or open a container and continue with its first member.
      run.charge(1);
      this.skipWhitespace();
      const c = text[this.pos];
      if (c === "{") {
        this.pos++;
        run.alloc(BYTES_OBJECT);
        const obj = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
        this.skipWhitespace();
        if (text[this.pos] === "}") {
          this.pos++;
          value = obj;
        } else {
          stack.push({ obj, elements: [], key: this.key() });
          continue;
        }
      } else if (c === "[") {
        this.pos++;
        run.alloc(BYTES_OBJECT);
        this.skipWhitespace();
        if (text[this.pos] === "]") {
          this.pos++;
          value = new JSArray(realm.emptyShape, realm.intrinsics.ArrayPrototype, []);
        } else {
          stack.push({ obj: null, elements: [], key: "" });
          continue;
        }
      } else if (c === '"') value = this.string();
      else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) value = this.number();
      else if (c === "t") value = this.literal("true", true);
      else if (c === "f") value = this.literal("false", false);
      else if (c === "n") value = this.literal("null", null);
      else return this.unexpected();

      // Store the value in its container; close containers that end here.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          this.skipWhitespace();
          if (this.pos < text.length) {
            return this.fail(
              `Unexpected non-whitespace character after JSON at position ${this.pos}`,
            );
          }
          return value;
        }
        this.skipWhitespace();
        const d = text[this.pos];
        if (top.obj === null) {
          run.alloc(BYTES_ELEMENT);
          top.elements.push(value);
          if (d === ",") {
            this.pos++;
            break;
          }
          if (d !== "]") {
            if (d === undefined) return this.fail("Unexpected end of JSON input");
            return this.fail(
              `Expected ',' or ']' after array element in JSON at position ${this.pos}`,
            );
          }
          this.pos++;
          stack.pop();
          value = new JSArray(realm.emptyShape, realm.intrinsics.ArrayPrototype, top.elements);
        } else {
          run.alloc(BYTES_PROPERTY);
          top.obj.defineData(top.key, value, WEC);
          if (d === ",") {
            this.pos++;
            top.key = this.key();
            break;
          }
          if (d !== "}") {
            if (d === undefined) return this.fail("Unexpected end of JSON input");
            return this.fail(
              `Expected ',' or '}' after property value in JSON at position ${this.pos}`,
            );
          }
          this.pos++;
          stack.pop();
          value = top.obj;
        }
      }
    }
  }
}

/** A JSON value being revived: its holder, key, value and the keys still to visit. */
interface ReviveFrame {
  holder: JSObject;
  name: string;
  val: JSObject;
  keys: string[] | number;
  next: number;
}

/**
 * https://tc39.es/ecma262/#sec-internalizejsonproperty, as a post-order walk with an explicit
 * stack: children are revived (and deleted or redefined) before the reviver sees their holder.
 */
function internalize(run: Run, root: JSObject, reviver: JSObject): Value {
  const stack: ReviveFrame[] = [];
  /** Visits holder[name]: descends into an object, or revives a primitive at once. */
  const visit = (holder: JSObject, name: string): { done: Value } | undefined => {
    run.charge(1);
    const val = holder.get(run, name, holder);
    if (!(val instanceof JSObject)) return { done: reviver.call(run, holder, [name, val]) };
    const keys = isArray(run, val) ? lengthOfArrayLike(run, val) : enumerableOwnKeys(run, val);
    if (typeof keys !== "number") run.charge(keys.length);
    stack.push({ holder, name, val, keys, next: 0 });
    return undefined;
  };
  const store = (o: JSObject, prop: string, v: Value): void => {
    if (v === undefined) o.delete(run, prop);
    else createDataProperty(run, o, prop, v);
  };
  const first = visit(root, "");
  if (first !== undefined) return first.done;
  for (;;) {
    const top = stack[stack.length - 1] as ReviveFrame;
    const count = typeof top.keys === "number" ? top.keys : top.keys.length;
    if (top.next < count) {
      const i = top.next++;
      const prop = typeof top.keys === "number" ? String(i) : (top.keys[i] as string);
      const r = visit(top.val, prop);
      if (r !== undefined) store(top.val, prop, r.done);
      continue;
    }
    stack.pop();
    const revived = reviver.call(run, top.holder, [top.name, top.val]);
    const parent = stack[stack.length - 1];
    if (parent === undefined) return revived;
    store(parent.val, top.name, revived);
  }
}

/** https://tc39.es/ecma262/#sec-json.parse */
export function jsonParse(run: Run, _thisArg: Value, args: Value[]): Value {
  const jsonString = toString(run, args[0]);
  const reviver = args[1];
  const unfiltered = new JSONParser(run, jsonString).parse();
  if (!isCallable(reviver)) return unfiltered;
  const root = createObject(run);
  root.defineData("", unfiltered, WEC);
  return internalize(run, root, reviver);
}
