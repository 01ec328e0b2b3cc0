/** `super.x` property references (https://tc39.es/ecma262/#sec-super-keyword). */
import type { Env } from "../../runtime/frame.js";
import { keyToDisplay } from "../../runtime/object-ops.js";
import { throwTypeError } from "../../runtime/throw.js";
import type { Key, Value } from "../../values/value.js";
import type { Ctx } from "../context.js";
import { compileHomeObject } from "./this.js";

export interface SuperAccess {
  get(s: Env, key: Key, thisValue: Value): Value;
  put(s: Env, key: Key, v: Value, thisValue: Value): void;
}

export function compileSuperAccess(ctx: Ctx): SuperAccess {
  const home = compileHomeObject(ctx);
  return {
    get(s, key, thisValue) {
      const run = s.f.run;
      const proto = home(s).getPrototypeOf(run);
      if (proto === null)
        return throwTypeError(
          run,
          `Cannot read properties of null (reading '${keyToDisplay(key)}')`,
        );
      return proto.get(run, key, thisValue);
    },
    put(s, key, v, thisValue) {
      const run = s.f.run;
      const proto = home(s).getPrototypeOf(run);
      if (proto === null) {
        throwTypeError(run, `Cannot set properties of null (setting '${keyToDisplay(key)}')`);
      }
      if (!proto.set(run, key, v, thisValue)) {
        throwTypeError(run, `Cannot assign to read only property '${keyToDisplay(key)}' of object`);
      }
    },
  };
}
