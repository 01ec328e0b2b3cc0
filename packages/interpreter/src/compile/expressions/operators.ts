/**
 * Unary, binary, logical and update operators, each with an inline fast path for numbers (the
 * common case) before the general abstract operations in runtime/operators.ts.
 */
import type * as ES from "acorn";
import {
  looselyEqual,
  toBoolean,
  toNumber,
  toNumeric,
  toPropertyKey,
  typeOf,
} from "../../runtime/conversions.js";
import { keyToDisplay, putV } from "../../runtime/object-ops.js";
import {
  add,
  arith,
  bitNot,
  hasIn,
  increment,
  instanceofOp,
  lessThan,
  negate,
} from "../../runtime/operators.js";
import { throwTypeError } from "../../runtime/throw.js";
import { JSObject } from "../../values/object.js";
import type { Value } from "../../values/value.js";
import type { Ctx, Expr } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { compilePrivateName } from "../private-names.js";
import { compileAssign, compileDeleteRef, compileRead } from "../references.js";
import { getComputed, SHORT } from "./MemberExpression.js";
import { compileThis } from "./this.js";

export function UnaryExpression(node: ES.UnaryExpression, ctx: Ctx): Expr {
  const op = node.operator;
  if (op === "typeof") {
    const arg = node.argument;
    const e = arg.type === "Identifier" ? compileRead(ctx, arg, true) : compileExpr(ctx, arg);
    return (s) => typeOf(e(s));
  }
  if (op === "delete") return compileDelete(ctx, node);
  const e = compileExpr(ctx, node.argument);
  switch (op) {
    case "!":
      return (s) => {
        const v = e(s);
        return v === true ? false : v === false ? true : !toBoolean(v);
      };
    case "-":
      return (s) => {
        const v = e(s);
        return typeof v === "number" ? -v : negate(s.f.run, v);
      };
    case "+":
      return (s) => {
        const v = e(s);
        return typeof v === "number" ? v : toNumber(s.f.run, v);
      };
    case "~":
      return (s) => {
        const v = e(s);
        return typeof v === "number" ? ~v : bitNot(s.f.run, v);
      };
    case "void":
      return (s) => {
        e(s);
        return undefined;
      };
    default:
      throw new Error(`internal: unary ${op}`);
  }
}

function compileDelete(ctx: Ctx, node: ES.UnaryExpression): Expr {
  let arg: ES.Node = node.argument;
  while (arg.type === "ParenthesizedExpression")
    arg = (arg as ES.ParenthesizedExpression).expression;
  if (arg.type === "ChainExpression") {
    const inner = (arg as ES.ChainExpression).expression;
    if (inner.type === "MemberExpression") return deleteMember(ctx, inner, true);
    const e = compileExpr(ctx, arg as ES.Expression);
    return (s) => {
      e(s);
      return true;
    };
  }
  if (arg.type === "MemberExpression") return deleteMember(ctx, arg as ES.MemberExpression, false);
  if (arg.type === "Identifier") return compileDeleteRef(ctx, arg as ES.Identifier);
  const e = compileExpr(ctx, arg as ES.Expression);
  return (s) => {
    e(s);
    return true;
  };
}

function deleteMember(ctx: Ctx, m: ES.MemberExpression, inChain: boolean): Expr {
  const strict = ctx.strict;
  if (m.object.type === "Super") {
    const key = m.computed ? compileExpr(ctx, m.property as ES.Expression) : undefined;
    const thisExpr = compileThis(ctx);
    return (s) => {
      thisExpr(s);
      if (key) key(s);
      return throwReferenceErrorSuper(s);
    };
  }
  const obj = compileExpr(ctx, m.object as ES.Expression);
  const key = m.computed ? compileExpr(ctx, m.property as ES.Expression) : undefined;
  const name = m.computed ? "" : (m.property as ES.Identifier).name;
  return (s) => {
    const o = obj(s);
    if (inChain && (o === (SHORT as unknown) || (m.optional && (o === undefined || o === null))))
      return true;
    const run = s.f.run;
    const k = key ? key(s) : name;
    if (o === undefined || o === null) return throwTypeError(run, `Cannot convert ${o} to object`);
    const pk = toPropertyKey(run, k);
    const target =
      o instanceof JSObject ? o : run.realm.intrinsics.ObjectPrototype && toObjectSafe(s, o);
    const ok = target.delete(run, pk);
    if (!ok && strict)
      throwTypeError(run, `Cannot delete property '${keyToDisplay(pk)}' of object`);
    return ok;
  };
}

import { toObject } from "../../runtime/conversions.js";
import type { Env } from "../../runtime/frame.js";
import { throwReferenceError } from "../../runtime/throw.js";

function toObjectSafe(s: Env, v: Value): JSObject {
  return toObject(s.f.run, v);
}

function throwReferenceErrorSuper(s: Env): never {
  return throwReferenceError(s.f.run, "Unsupported reference to 'super'");
}

export function BinaryExpression(node: ES.BinaryExpression, ctx: Ctx): Expr {
  const op = node.operator;
  if (node.left.type === "PrivateIdentifier") {
    const name = compilePrivateName(ctx, node.left);
    const right = compileExpr(ctx, node.right);
    return (s) => name(s).has(s.f.run, right(s));
  }
  const a = compileExpr(ctx, node.left as ES.Expression);
  const b = compileExpr(ctx, node.right);
  switch (op) {
    case "+":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x + y : add(s.f.run, x, y);
      };
    case "-":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x - y : arith(s.f.run, op, x, y);
      };
    case "*":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x * y : arith(s.f.run, op, x, y);
      };
    case "/":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x / y : arith(s.f.run, op, x, y);
      };
    case "%":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x % y : arith(s.f.run, op, x, y);
      };
    case "&":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x & y : arith(s.f.run, op, x, y);
      };
    case "|":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x | y : arith(s.f.run, op, x, y);
      };
    case "^":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x ^ y : arith(s.f.run, op, x, y);
      };
    case "<<":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x << y : arith(s.f.run, op, x, y);
      };
    case ">>":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x >> y : arith(s.f.run, op, x, y);
      };
    case ">>>":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x >>> y : arith(s.f.run, op, x, y);
      };
    case "**":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return typeof x === "number" && typeof y === "number" ? x ** y : arith(s.f.run, op, x, y);
      };
    case "===":
      return (s) => a(s) === b(s);
    case "!==":
      return (s) => a(s) !== b(s);
    case "==":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return x === y ? true : looselyEqual(s.f.run, x, y);
      };
    case "!=":
      return (s) => {
        const x = a(s);
        const y = b(s);
        return !(x === y ? true : looselyEqual(s.f.run, x, y));
      };
    case "<":
      return (s) => {
        const x = a(s);
        const y = b(s);
        if (typeof x === "number" && typeof y === "number") return x < y;
        return lessThan(s.f.run, x, y, true) === true;
      };
    case ">":
      return (s) => {
        const x = a(s);
        const y = b(s);
        if (typeof x === "number" && typeof y === "number") return x > y;
        return lessThan(s.f.run, y, x, false) === true;
      };
    case "<=":
      return (s) => {
        const x = a(s);
        const y = b(s);
        if (typeof x === "number" && typeof y === "number") return x <= y;
        const r = lessThan(s.f.run, y, x, false);
        return r === false;
      };
    case ">=":
      return (s) => {
        const x = a(s);
        const y = b(s);
        if (typeof x === "number" && typeof y === "number") return x >= y;
        const r = lessThan(s.f.run, x, y, true);
        return r === false;
      };
    case "in":
      return (s) => {
        const x = a(s);
        return hasIn(s.f.run, x, b(s));
      };
    case "instanceof":
      return (s) => {
        const x = a(s);
        return instanceofOp(s.f.run, x, b(s));
      };
    default:
      throw new Error(`internal: binary ${op}`);
  }
}

export function LogicalExpression(node: ES.LogicalExpression, ctx: Ctx): Expr {
  const a = compileExpr(ctx, node.left);
  const b = compileExpr(ctx, node.right);
  switch (node.operator) {
    case "&&":
      return (s) => {
        const x = a(s);
        return x === false || (x !== true && !toBoolean(x)) ? x : b(s);
      };
    case "||":
      return (s) => {
        const x = a(s);
        return x === true || (x !== false && toBoolean(x)) ? x : b(s);
      };
    default:
      return (s) => {
        const x = a(s);
        return x === undefined || x === null ? b(s) : x;
      };
  }
}

export function UpdateExpression(node: ES.UpdateExpression, ctx: Ctx): Expr {
  const delta = node.operator === "++" ? 1 : -1;
  const prefix = node.prefix;
  const arg = node.argument;
  if (arg.type === "Identifier") {
    const read = compileRead(ctx, arg);
    const write = compileAssign(ctx, arg);
    return (s) => {
      const old = read(s);
      if (typeof old === "number") {
        const nv = old + delta;
        write(s, nv);
        return prefix ? nv : old;
      }
      const n = toNumeric(s.f.run, old);
      const nv = increment(s.f.run, n, delta as 1 | -1);
      write(s, nv);
      return prefix ? nv : n;
    };
  }
  const m = arg as ES.MemberExpression;
  const strict = ctx.strict;
  if (m.property.type === "PrivateIdentifier") {
    const obj = compileExpr(ctx, m.object as ES.Expression);
    const name = compilePrivateName(ctx, m.property);
    return (s) => {
      const run = s.f.run;
      const o = obj(s);
      const pn = name(s);
      const n = toNumeric(run, pn.get(run, o));
      const nv = increment(run, n, delta as 1 | -1);
      pn.set(run, o, nv);
      return prefix ? nv : n;
    };
  }
  const obj =
    m.object.type === "Super" ? compileThis(ctx) : compileExpr(ctx, m.object as ES.Expression);
  const key = m.computed ? compileExpr(ctx, m.property as ES.Expression) : undefined;
  const name = m.computed ? "" : (m.property as ES.Identifier).name;
  const sup = m.object.type === "Super" ? compileSuperAccess(ctx) : undefined;
  return (s) => {
    const run = s.f.run;
    const o = obj(s);
    const k = key ? toPropertyKey(run, key(s)) : name;
    const old = sup ? sup.get(s, k, o) : getComputed(run, o, k);
    const n = toNumeric(run, old);
    const nv = increment(run, n, delta as 1 | -1);
    if (sup) sup.put(s, k, nv, o);
    else putV(run, o, k, nv, strict);
    return prefix ? nv : n;
  };
}

import { compileSuperAccess } from "./super.js";
