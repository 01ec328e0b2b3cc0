/** Literals, identifiers, templates, sequence/conditional, new.target, parentheses. */
import type * as ES from "acorn";
import { toBoolean, toString } from "../../runtime/conversions.js";
import { stringBytes } from "../../runtime/costs.js";
import { createArray } from "../../runtime/object-ops.js";
import { throwSyntaxError, throwTypeError } from "../../runtime/throw.js";
import type { JSArray } from "../../values/array.js";
import { JSObject } from "../../values/object.js";
import type { Value } from "../../values/value.js";
import type { Ctx, Expr } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compileRead } from "../references.js";
import { compileArgs } from "./CallExpression.js";
import { compileImportMeta } from "./ImportExpression.js";
import { compileGetFrom, compileObject, SHORT } from "./MemberExpression.js";
import { compileNewTarget } from "./this.js";

export function Identifier(node: ES.Identifier, ctx: Ctx): Expr {
  if (node.name === "undefined") {
    const r = ctx.an.refs.get(node);
    if (r && r.binding === undefined && r.dynamic.length === 0) {
      // `undefined` is a non-writable global: reading it cannot observe anything else.
      return (s) => (s.f.overlay?.has("undefined") ? s.f.overlay.get("undefined")?.v : undefined);
    }
  }
  return compileRead(ctx, node);
}

export function Literal(node: ES.Literal, _ctx: Ctx): Expr {
  if ((node as ES.Literal & { regex?: unknown }).regex) {
    const { pattern, flags } = (node as ES.Literal & { regex: { pattern: string; flags: string } })
      .regex;
    return (s) => {
      const run = s.f.run;
      const ctor = run.realm.intrinsics.RegExp;
      if (ctor === undefined) return throwSyntaxError(run, "Regular expressions are not available");
      return ctor.construct(run, [pattern, flags], ctor);
    };
  }
  if (node.bigint !== undefined) {
    const v = BigInt(node.bigint);
    return () => v;
  }
  const v = node.value as Value;
  return () => v;
}

export function TemplateLiteral(node: ES.TemplateLiteral, ctx: Ctx): Expr {
  const quasis = node.quasis.map((q) => q.value.cooked as string);
  const exprs = node.expressions.map((e) => compileExpr(ctx, e));
  if (exprs.length === 0) {
    const v = quasis[0] as string;
    return () => v;
  }
  return (s) => {
    const run = s.f.run;
    let out = quasis[0] as string;
    for (let i = 0; i < exprs.length; i++) {
      const v = (exprs[i] as Expr)(s);
      const str = typeof v === "string" ? v : toString(run, v);
      const tail = quasis[i + 1] as string;
      run.alloc(stringBytes(str.length + tail.length));
      out += str + tail;
    }
    return out;
  };
}

/** https://tc39.es/ecma262/#sec-gettemplateobject — one frozen object per site and realm. */
function templateObject(s: Parameters<Expr>[0], node: ES.TemplateLiteral): JSArray {
  const run = s.f.run;
  const realm = run.realm;
  let t = realm.templates.get(node);
  if (t !== undefined) return t;
  const cooked = node.quasis.map((q) => (q.value.cooked ?? undefined) as Value);
  const raw = createArray(
    run,
    node.quasis.map((q) => q.value.raw),
  );
  t = createArray(run, cooked);
  for (const o of [raw, t]) {
    o.makeSparse();
    for (const k of o.ownKeys(run)) {
      const d = o.getOwnProperty(run, k);
      o.defineOwnProperty(run, k, { ...d, writable: false, configurable: false });
    }
    o.lengthWritable = false;
  }
  t.makeSparse();
  t.defineOwnProperty(run, "raw", {
    value: raw,
    writable: false,
    enumerable: false,
    configurable: false,
  });
  t.extensible = false;
  raw.extensible = false;
  realm.templates.set(node, t);
  return t;
}

export function TaggedTemplateExpression(node: ES.TaggedTemplateExpression, ctx: Ctx): Expr {
  const exprs = node.quasi.expressions.map((e) => compileExpr(ctx, e));
  const quasi = node.quasi;
  const tagNode = node.tag;
  let tag: (s: Parameters<Expr>[0]) => [Value, Value];
  if (tagNode.type === "MemberExpression") {
    const obj = compileObject(ctx, tagNode);
    const get = compileGetFrom(ctx, tagNode);
    tag = (s) => {
      const o = obj(s);
      return [get(s, o), o];
    };
  } else {
    const f = compileExpr(ctx, tagNode);
    tag = (s) => [f(s), undefined];
  }
  void compileArgs;
  return (s) => {
    const [fn, thisValue] = tag(s);
    if (fn === (SHORT as unknown)) return fn as Value;
    const args: Value[] = [templateObject(s, quasi)];
    for (const e of exprs) args.push(e(s));
    const run = s.f.run;
    if (!(fn instanceof JSObject) || !fn.isCallable()) {
      return throwTypeError(run, "Tag of a tagged template is not a function");
    }
    s.f.pos = node.start;
    return fn.call(run, thisValue, args);
  };
}

export function SequenceExpression(node: ES.SequenceExpression, ctx: Ctx): Expr {
  const es = node.expressions.map((e) => compileExpr(ctx, e));
  return (s) => {
    let v: Value;
    for (let i = 0; i < es.length; i++) v = (es[i] as Expr)(s);
    return v;
  };
}

export function ConditionalExpression(node: ES.ConditionalExpression, ctx: Ctx): Expr {
  const test = compileExpr(ctx, node.test);
  const yes = compileExpr(ctx, node.consequent);
  const no = compileExpr(ctx, node.alternate);
  return (s) => {
    const t = test(s);
    return t === true || (t !== false && toBoolean(t)) ? yes(s) : no(s);
  };
}

export function ParenthesizedExpression(node: ES.ParenthesizedExpression, ctx: Ctx): Expr {
  return compileExpr(ctx, node.expression);
}

export function MetaProperty(node: ES.MetaProperty, ctx: Ctx): Expr {
  if (node.meta.name === "new") return compileNewTarget(ctx);
  return compileImportMeta(ctx);
}
