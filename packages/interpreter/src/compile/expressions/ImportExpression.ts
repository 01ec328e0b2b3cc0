/** `import(specifier)` and `import.meta` (https://tc39.es/ecma262/#sec-import-calls). */
import type * as ES from "acorn";
import { newPromise, rejectPromise, resolvePromise } from "../../intrinsics/promise-ops.js";
import { toString } from "../../runtime/conversions.js";
import { makeError, ThrowSignal } from "../../runtime/throw.js";
import { JSObject } from "../../values/object.js";
import type { PromiseObject } from "../../values/promise-object.js";
import { WEC } from "../../values/property.js";
import type { Ctx, Expr } from "../context.js";
import { compileExpr } from "../dispatch.js";

export function ImportExpression(node: ES.ImportExpression, ctx: Ctx): Expr {
  const spec = compileExpr(ctx, node.source);
  const referrer = ctx.source.name;
  return (s) => {
    const v = spec(s);
    const run = s.f.run;
    const realm = run.realm;
    const p = newPromise(run, realm.intrinsics.PromisePrototype as JSObject) as PromiseObject;
    let specifier: string;
    try {
      specifier = toString(run, v);
    } catch (e) {
      if (!(e instanceof ThrowSignal)) throw e;
      rejectPromise(run, p, e.value);
      return p;
    }
    const hook = realm.hooks.importModule;
    if (hook === undefined) {
      rejectPromise(
        run,
        p,
        makeError(run, "TypeError", "import() is not available in this sandbox"),
      );
      return p;
    }
    hook(run, specifier, referrer, (ok, value, r) => {
      if (ok) resolvePromise(r, p, value);
      else rejectPromise(r, p, value);
    });
    return p;
  };
}

const metas = new WeakMap<object, JSObject>();

/** `import.meta`: one object per module, with the module's path as `url`. */
export function compileImportMeta(ctx: Ctx): Expr {
  const source = ctx.source;
  return (s) => {
    let m = metas.get(source);
    if (m === undefined) {
      m = new JSObject(s.f.run.realm.emptyShape, null);
      m.defineData("url", source.name, WEC);
      metas.set(source, m);
    }
    return m;
  };
}
