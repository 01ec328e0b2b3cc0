/** Assignment: simple, compound, logical (`&&=` `||=` `??=`) and destructuring. */
import type * as ES from "acorn";
import { toBoolean, toPropertyKey } from "../../runtime/conversions.js";
import type { Env } from "../../runtime/frame.js";
import { putV } from "../../runtime/object-ops.js";
import { add, arith } from "../../runtime/operators.js";
import type { Run } from "../../runtime/run.js";
import { throwTypeError } from "../../runtime/throw.js";
import { JSArray } from "../../values/array.js";
import type { Value } from "../../values/value.js";
import type { Ctx, Expr } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compileNamedExpr, isAnonymousFunctionDefinition } from "../naming.js";
import { compileBinding } from "../patterns.js";
import { compilePrivateName } from "../private-names.js";
import { WriteCache, writeNamed } from "../property-cache.js";
import { compileAssign, compileEarlyAssign, compileRead } from "../references.js";
import { getComputed } from "./MemberExpression.js";
import { compileSuperAccess } from "./super.js";
import { compileThis } from "./this.js";

function binary(run: Run, op: string, a: Value, b: Value): Value {
  if (op === "+") return typeof a === "number" && typeof b === "number" ? a + b : add(run, a, b);
  if (typeof a === "number" && typeof b === "number" && op !== "**") {
    switch (op) {
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return a / b;
      case "%":
        return a % b;
      case "|":
        return a | b;
      case "&":
        return a & b;
      case "^":
        return a ^ b;
      case "<<":
        return a << b;
      case ">>":
        return a >> b;
      case ">>>":
        return a >>> b;
    }
  }
  return arith(run, op, a, b);
}

/** `o[k] = v` with a dense-array element fast path. */
export function putComputed(run: Run, o: Value, k: Value, v: Value, strict: boolean): void {
  if (typeof k === "number" && o instanceof JSArray && !o.sparse && k >= 0 && (k | 0) === k) {
    const d = o.dense;
    if (k < d.length && d[k] !== (HOLE as unknown)) {
      d[k] = v;
      return;
    }
  }
  if (o === undefined || o === null) {
    throwTypeError(run, `Cannot set properties of ${o}`);
  }
  putV(run, o, toPropertyKey(run, k), v, strict);
}

import { HOLE } from "../../values/value.js";

export function AssignmentExpression(node: ES.AssignmentExpression, ctx: Ctx): Expr {
  const op = node.operator;
  const left = node.left;
  const strict = ctx.strict;
  const logical = op === "&&=" || op === "||=" || op === "??=";
  const rhs =
    (op === "=" || logical) &&
    left.type === "Identifier" &&
    isAnonymousFunctionDefinition(node.right)
      ? compileNamedExpr(ctx, node.right, left.name)
      : compileExpr(ctx, node.right);
  const binop = op.slice(0, -1);

  if (left.type === "ObjectPattern" || left.type === "ArrayPattern") {
    const bind = compileBinding(ctx, left, "assign");
    return (s) => {
      const v = rhs(s);
      bind(s, v);
      return v;
    };
  }

  if (left.type === "Identifier") {
    const write = compileAssign(ctx, left);
    const early = op === "=" ? compileEarlyAssign(ctx, left) : undefined;
    if (early !== undefined) {
      return (s) => {
        const put = early(s);
        const v = rhs(s);
        put(v);
        return v;
      };
    }
    if (op === "=") {
      return (s) => {
        const v = rhs(s);
        write(s, v);
        return v;
      };
    }
    const read = compileRead(ctx, left);
    if (logical) {
      return (s) => {
        const old = read(s);
        if (!shouldAssign(op, old)) return old;
        const v = rhs(s);
        write(s, v);
        return v;
      };
    }
    return (s) => {
      const old = read(s);
      const v = binary(s.f.run, binop, old, rhs(s));
      write(s, v);
      return v;
    };
  }

  const m = left as ES.MemberExpression;
  if (m.property.type === "PrivateIdentifier") {
    const obj = compileExpr(ctx, m.object as ES.Expression);
    const name = compilePrivateName(ctx, m.property);
    return (s) => {
      const o = obj(s);
      const pn = name(s);
      const run = s.f.run;
      if (op === "=") {
        const v = rhs(s);
        pn.set(run, o, v);
        return v;
      }
      const old = pn.get(run, o);
      if (logical && !shouldAssign(op, old)) return old;
      const v = logical ? rhs(s) : binary(run, binop, old, rhs(s));
      pn.set(run, o, v);
      return v;
    };
  }

  if (m.object.type === "Super") {
    const thisExpr = compileThis(ctx);
    const key = m.computed ? compileExpr(ctx, m.property as ES.Expression) : undefined;
    const name = m.computed ? "" : (m.property as ES.Identifier).name;
    const sup = compileSuperAccess(ctx);
    return (s) => {
      const t = thisExpr(s);
      const run = s.f.run;
      const k = key ? toPropertyKey(run, key(s)) : name;
      if (op === "=") {
        const v = rhs(s);
        sup.put(s, k, v, t);
        return v;
      }
      const old = sup.get(s, k, t);
      if (logical && !shouldAssign(op, old)) return old;
      const v = logical ? rhs(s) : binary(run, binop, old, rhs(s));
      sup.put(s, k, v, t);
      return v;
    };
  }

  const obj = compileExpr(ctx, m.object as ES.Expression);
  if (!m.computed) {
    const key = (m.property as ES.Identifier).name;
    const wc = new WriteCache();
    if (op === "=") {
      return (s) => {
        const o = obj(s);
        const v = rhs(s);
        if (o === undefined || o === null) {
          return throwTypeError(s.f.run, `Cannot set properties of ${o} (setting '${key}')`);
        }
        writeNamed(s.f.run, o, key, v, wc, strict);
        return v;
      };
    }
    return (s) => {
      const o = obj(s);
      const run = s.f.run;
      const old = getComputed(run, o, key);
      if (logical && !shouldAssign(op, old)) return old;
      const v = logical ? rhs(s) : binary(run, binop, old, rhs(s));
      putV(run, o, key, v, strict);
      return v;
    };
  }
  const keyExpr = compileExpr(ctx, m.property as ES.Expression);
  if (op === "=") {
    return (s: Env) => {
      const o = obj(s);
      const k = keyExpr(s);
      const v = rhs(s);
      putComputed(s.f.run, o, k, v, strict);
      return v;
    };
  }
  return (s) => {
    const o = obj(s);
    const run = s.f.run;
    let k = keyExpr(s);
    if (o === undefined || o === null) return throwTypeError(run, `Cannot read properties of ${o}`);
    k = toPropertyKey(run, k);
    const old = getComputed(run, o, k);
    if (logical && !shouldAssign(op, old)) return old;
    const v = logical ? rhs(s) : binary(run, binop, old, rhs(s));
    putV(run, o, k as string, v, strict);
    return v;
  };
}

function shouldAssign(op: string, old: Value): boolean {
  if (op === "&&=") return toBoolean(old);
  if (op === "||=") return !toBoolean(old);
  return old === undefined || old === null;
}
