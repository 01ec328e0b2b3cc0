/**
 * Resumable forms of expressions that contain `yield` or `await`. Each is a thin re-statement
 * of the node's evaluation order as a host generator: sub-expressions without a suspension point
 * run as the ordinary compiled closures, and the semantics come from the same helpers the
 * synchronous compilers use (runtime/operators.ts, conversions, object operations).
 */
import type * as ES from "acorn";
import { getAsyncIterator } from "../../intrinsics/AsyncFromSyncIteratorPrototype.js";
import { toBoolean, toNumber, toPropertyKey, toString, typeOf } from "../../runtime/conversions.js";
import type { Env } from "../../runtime/frame.js";
import {
  AWAIT,
  type Body,
  GeneratorReturn,
  Suspend,
  YIELD,
  YIELD_RAW,
} from "../../runtime/generator.js";
import { getIterator, iterableToList, iteratorClose } from "../../runtime/iteration.js";
import {
  call,
  createArray,
  createDataProperty,
  createObject,
  getMethod,
  getV,
  putV,
} from "../../runtime/object-ops.js";
import { bitNot, evalBinary, negate } from "../../runtime/operators.js";
import type { Run } from "../../runtime/run.js";
import { ThrowSignal, throwTypeError } from "../../runtime/throw.js";
import { JSObject } from "../../values/object.js";
import { HOLE, type Value } from "../../values/value.js";
import { type Ctx, type Expr, nodeText } from "../context.js";
import { compileExpr } from "../dispatch.js";
import { getComputed, SHORT } from "../expressions/MemberExpression.js";
import { copyDataProperties } from "../expressions/ObjectExpression.js";
import { compileNamedExpr, isAnonymousFunctionDefinition } from "../naming.js";
import { compileBinding } from "../patterns.js";
import { compileAssign, compileRead } from "../references.js";
import { unsupported } from "../unsupported.js";
import { hasSuspend } from "./suspend-points.js";

export type RExpr = (s: Env) => Generator<Suspend, Value, Value>;

/** Compiles `node` resumably when it can suspend, otherwise wraps its ordinary closure. */
export function compileR(
  ctx: Ctx,
  node: ES.Expression | ES.SpreadElement | ES.Super | ES.PrivateIdentifier,
): RExpr {
  if (!hasSuspend(node)) {
    const e = compileExpr(ctx, node as ES.Expression);
    return function* (s) {
      return e(s);
    };
  }
  const c = resumable[node.type];
  if (c === undefined) return unsupported(node, `'yield' or 'await' inside ${node.type}`);
  return c(node as never, ctx);
}

/** `await v` inside resumable code: the driver resumes with the settled value or throws into it. */
function* awaitValue(v: Value): Generator<Suspend, Value, Value> {
  return yield new Suspend(AWAIT, v);
}

/**
 * AsyncGeneratorYield (https://tc39.es/ecma262/#sec-asyncgeneratoryield) from inside the body:
 * yields `v`, and when resumed by `return(x)` awaits x first
 * (AsyncGeneratorUnwrapYieldResumption), so a rejected x is thrown at the yield.
 */
function* asyncGeneratorYield(v: Value): Generator<Suspend, Value, Value> {
  try {
    return yield new Suspend(YIELD, v);
  } catch (e) {
    if (!(e instanceof GeneratorReturn)) throw e;
    throw new GeneratorReturn(yield* awaitValue(e.value));
  }
}

type Resumption = "next" | "throw" | "return";

/**
 * How a delegating `yield*` was resumed, as the method to call on the inner iterator and the
 * value to pass it (a throw or a return reaching the yield becomes "throw" or "return").
 */
function* receive(
  suspension: Generator<Suspend, Value, Value>,
): Generator<Suspend, [Resumption, Value], Value> {
  try {
    return ["next", yield* suspension];
  } catch (e) {
    if (e instanceof ThrowSignal) return ["throw", e.value];
    if (e instanceof GeneratorReturn) return ["return", e.value];
    throw e;
  }
}

/** A sync generator's `yield*` step: the inner result object is yielded as it is. */
function* yieldRaw(inner: JSObject): Generator<Suspend, Value, Value> {
  return yield new Suspend(YIELD_RAW, inner);
}

/** AsyncIteratorClose (https://tc39.es/ecma262/#sec-asynciteratorclose) for a normal completion. */
function* asyncIteratorClose(run: Run, it: JSObject): Generator<Suspend, void, Value> {
  const m = getMethod(run, it, "return");
  if (m === undefined) return;
  const inner = yield* awaitValue(m.call(run, it, []));
  if (!(inner instanceof JSObject))
    throwTypeError(run, "iterator.return() did not return an object");
}

/**
 * `yield*` in an async generator (https://tc39.es/ecma262/#sec-generator-function-definitions-runtime-semantics-evaluation,
 * YieldExpression : yield * AssignmentExpression, generatorKind async): delegates next, throw and
 * return to an async iterator (a sync one through CreateAsyncFromSyncIterator), awaiting each
 * inner result and yielding its value without awaiting it again.
 */
function asyncDelegate(arg: RExpr): RExpr {
  return function* (s) {
    const run = s.f.run;
    const rec = getAsyncIterator(run, yield* arg(s));
    const it = rec.iterator;
    let mode: Resumption = "next";
    let received: Value;
    for (;;) {
      let inner: Value;
      if (mode === "next") {
        inner = call(run, rec.next, it, [received]);
      } else if (mode === "throw") {
        const t = getMethod(run, it, "throw");
        if (t === undefined) {
          yield* asyncIteratorClose(run, it);
          return throwTypeError(run, "The iterator does not provide a 'throw' method");
        }
        inner = t.call(run, it, [received]);
      } else {
        const r = getMethod(run, it, "return");
        if (r === undefined) throw new GeneratorReturn(yield* awaitValue(received));
        inner = r.call(run, it, [received]);
      }
      inner = yield* awaitValue(inner);
      if (!(inner instanceof JSObject)) {
        return throwTypeError(run, "Iterator result is not an object");
      }
      if (toBoolean(inner.get(run, "done", inner))) {
        const value = inner.get(run, "value", inner);
        if (mode === "return") throw new GeneratorReturn(value);
        return value;
      }
      [mode, received] = yield* receive(asyncGeneratorYield(inner.get(run, "value", inner)));
    }
  };
}

const resumable: Record<string, (node: never, ctx: Ctx) => RExpr> = {
  AwaitExpression(node: ES.AwaitExpression, ctx: Ctx): RExpr {
    const arg = compileR(ctx, node.argument);
    return function* (s) {
      const v = yield* arg(s);
      return yield* awaitValue(v);
    };
  },

  YieldExpression(node: ES.YieldExpression, ctx: Ctx): RExpr {
    const arg = node.argument ? compileR(ctx, node.argument) : undefined;
    const isAsync =
      ctx.scope.closure.node !== null && (ctx.scope.closure.node as ES.Function).async === true;
    if (!node.delegate) {
      if (isAsync) {
        return function* (s) {
          const v = arg ? yield* arg(s) : undefined;
          return yield* asyncGeneratorYield(yield* awaitValue(v));
        };
      }
      return function* (s) {
        const v = arg ? yield* arg(s) : undefined;
        return yield new Suspend(YIELD, v);
      };
    }
    if (isAsync) return asyncDelegate(arg as RExpr);
    return function* (s) {
      const run = s.f.run;
      const iterable = yield* (arg as RExpr)(s);
      const rec = getIterator(run, iterable);
      const it = rec.iterator;
      let mode: Resumption = "next";
      let received: Value;
      for (;;) {
        let inner: Value;
        if (mode === "next") {
          inner = (rec.next as JSObject).call(run, it, [received]);
        } else if (mode === "throw") {
          const t = getV(run, it, "throw");
          if (t === undefined || t === null) {
            iteratorClose(run, rec, false);
            return throwTypeError(run, "The iterator does not provide a 'throw' method");
          }
          inner = (t as JSObject).call(run, it, [received]);
        } else {
          const r = getV(run, it, "return");
          if (r === undefined || r === null) throw new GeneratorReturn(received);
          inner = (r as JSObject).call(run, it, [received]);
        }
        if (!(inner instanceof JSObject))
          return throwTypeError(run, "Iterator result is not an object");
        if (toBoolean(inner.get(run, "done", inner))) {
          const value = inner.get(run, "value", inner);
          if (mode === "return") throw new GeneratorReturn(value);
          return value;
        }
        [mode, received] = yield* receive(yieldRaw(inner));
      }
    };
  },

  ParenthesizedExpression(node: ES.ParenthesizedExpression, ctx: Ctx): RExpr {
    return compileR(ctx, node.expression);
  },

  SequenceExpression(node: ES.SequenceExpression, ctx: Ctx): RExpr {
    const es = node.expressions.map((e) => compileR(ctx, e));
    return function* (s) {
      let v: Value;
      for (const e of es) v = yield* e(s);
      return v;
    };
  },

  ConditionalExpression(node: ES.ConditionalExpression, ctx: Ctx): RExpr {
    const t = compileR(ctx, node.test);
    const y = compileR(ctx, node.consequent);
    const n = compileR(ctx, node.alternate);
    return function* (s) {
      return toBoolean(yield* t(s)) ? yield* y(s) : yield* n(s);
    };
  },

  LogicalExpression(node: ES.LogicalExpression, ctx: Ctx): RExpr {
    const a = compileR(ctx, node.left);
    const b = compileR(ctx, node.right);
    const op = node.operator;
    return function* (s) {
      const x = yield* a(s);
      if (op === "&&") return toBoolean(x) ? yield* b(s) : x;
      if (op === "||") return toBoolean(x) ? x : yield* b(s);
      return x === undefined || x === null ? yield* b(s) : x;
    };
  },

  BinaryExpression(node: ES.BinaryExpression, ctx: Ctx): RExpr {
    if (node.left.type === "PrivateIdentifier")
      return unsupported(node, "'yield' or 'await' beside #x in");
    const a = compileR(ctx, node.left as ES.Expression);
    const b = compileR(ctx, node.right);
    const op = node.operator;
    return function* (s) {
      const x = yield* a(s);
      const y = yield* b(s);
      return evalBinary(s.f.run, op, x, y);
    };
  },

  UnaryExpression(node: ES.UnaryExpression, ctx: Ctx): RExpr {
    if (node.operator === "delete") return unsupported(node, "'yield' or 'await' inside delete");
    const a = compileR(ctx, node.argument);
    const op = node.operator;
    return function* (s) {
      const v = yield* a(s);
      const run = s.f.run;
      switch (op) {
        case "!":
          return !toBoolean(v);
        case "-":
          return negate(run, v);
        case "+":
          return toNumber(run, v);
        case "~":
          return bitNot(run, v);
        case "typeof":
          return typeOf(v);
        default:
          return undefined;
      }
    };
  },

  TemplateLiteral(node: ES.TemplateLiteral, ctx: Ctx): RExpr {
    const quasis = node.quasis.map((q) => q.value.cooked as string);
    const es = node.expressions.map((e) => compileR(ctx, e));
    return function* (s) {
      let out = quasis[0] as string;
      for (let i = 0; i < es.length; i++) {
        const v = yield* (es[i] as RExpr)(s);
        out += toString(s.f.run, v) + (quasis[i + 1] as string);
      }
      return out;
    };
  },

  MemberExpression(node: ES.MemberExpression, ctx: Ctx): RExpr {
    if (node.object.type === "Super" || node.property.type === "PrivateIdentifier") {
      return unsupported(node, "'yield' or 'await' inside this member expression");
    }
    const obj = compileR(ctx, node.object as ES.Expression);
    const key = node.computed ? compileR(ctx, node.property as ES.Expression) : undefined;
    const name = node.computed ? "" : (node.property as ES.Identifier).name;
    const optional = node.optional;
    return function* (s) {
      const o = yield* obj(s);
      if (o === (SHORT as unknown)) return o as Value;
      if (optional && (o === undefined || o === null)) return SHORT as unknown as Value;
      const k = key ? yield* key(s) : name;
      return getComputed(s.f.run, o, k);
    };
  },

  ChainExpression(node: ES.ChainExpression, ctx: Ctx): RExpr {
    const inner = compileR(ctx, node.expression);
    return function* (s) {
      const v = yield* inner(s);
      return v === (SHORT as unknown) ? undefined : v;
    };
  },

  CallExpression(node: ES.CallExpression, ctx: Ctx): RExpr {
    const callee = node.callee;
    if (callee.type === "Super")
      return unsupported(node, "'yield' or 'await' in super(...) arguments");
    const args = compileRArgs(ctx, node.arguments);
    const text = nodeText(ctx, callee);
    const start = node.start;
    const optional = node.optional;
    if (
      callee.type === "MemberExpression" &&
      callee.object.type !== "Super" &&
      callee.property.type !== "PrivateIdentifier"
    ) {
      const obj = compileR(ctx, callee.object as ES.Expression);
      const key = callee.computed ? compileR(ctx, callee.property as ES.Expression) : undefined;
      const name = callee.computed ? "" : (callee.property as ES.Identifier).name;
      return function* (s) {
        const o = yield* obj(s);
        if (o === (SHORT as unknown)) return o as Value;
        if (callee.optional && (o === undefined || o === null)) return SHORT as unknown as Value;
        const k = key ? toPropertyKey(s.f.run, yield* key(s)) : name;
        const fn = getComputed(s.f.run, o, k);
        if (optional && (fn === undefined || fn === null)) return SHORT as unknown as Value;
        const argv = yield* args(s);
        return invoke(s, fn, o, argv, text, start);
      };
    }
    if (callee.type === "Identifier" && callee.name === "eval")
      return unsupported(node, "'yield' or 'await' in eval(...)");
    const f = compileR(ctx, callee as ES.Expression);
    return function* (s) {
      const fn = yield* f(s);
      if (fn === (SHORT as unknown)) return fn as Value;
      if (optional && (fn === undefined || fn === null)) return SHORT as unknown as Value;
      const argv = yield* args(s);
      return invoke(s, fn, undefined, argv, text, start);
    };
  },

  NewExpression(node: ES.NewExpression, ctx: Ctx): RExpr {
    const c = compileR(ctx, node.callee as ES.Expression);
    const args = compileRArgs(ctx, node.arguments);
    const text = nodeText(ctx, node.callee);
    return function* (s) {
      const ctor = yield* c(s);
      const argv = yield* args(s);
      if (!(ctor instanceof JSObject) || !ctor.isConstructor())
        return throwTypeError(s.f.run, `${text} is not a constructor`);
      s.f.pos = node.start;
      return ctor.construct(s.f.run, argv, ctor);
    };
  },

  ArrayExpression(node: ES.ArrayExpression, ctx: Ctx): RExpr {
    const els = node.elements.map((e) =>
      e === null
        ? null
        : e.type === "SpreadElement"
          ? { spread: true, e: compileR(ctx, e.argument) }
          : { spread: false, e: compileR(ctx, e) },
    );
    return function* (s) {
      const run = s.f.run;
      const list: (Value | typeof HOLE)[] = [];
      for (const el of els) {
        if (el === null) list.push(HOLE);
        else if (el.spread) for (const x of iterableToList(run, yield* el.e(s))) list.push(x);
        else list.push(yield* el.e(s));
      }
      return createArray(run, list as Value[]);
    };
  },

  ObjectExpression(node: ES.ObjectExpression, ctx: Ctx): RExpr {
    const parts = node.properties.map((p) => {
      if (p.type === "SpreadElement") {
        const e = compileR(ctx, p.argument);
        return function* (s: Env, o: JSObject): Body {
          copyDataProperties(s.f.run, o, yield* e(s));
          return undefined;
        };
      }
      if (p.kind !== "init" || p.method)
        return unsupported(p, "'yield' or 'await' beside accessors in an object literal");
      const key = p.computed ? compileR(ctx, p.key as ES.Expression) : undefined;
      const name = p.computed
        ? ""
        : p.key.type === "Identifier"
          ? p.key.name
          : String((p.key as ES.Literal).value);
      const v = p.value as ES.Expression;
      const value =
        !p.computed && isAnonymousFunctionDefinition(v) && !hasSuspend(v)
          ? wrap(compileNamedExpr(ctx, v, name))
          : compileR(ctx, v);
      const proto = !p.computed && !p.shorthand && name === "__proto__";
      return function* (s: Env, o: JSObject): Body {
        const run = s.f.run;
        const k = key ? toPropertyKey(run, yield* key(s)) : name;
        const x = yield* value(s);
        if (proto) {
          if (x instanceof JSObject || x === null) o.setPrototypeOf(run, x);
        } else createDataProperty(run, o, k, x);
        return undefined;
      };
    });
    return function* (s) {
      const o = createObject(s.f.run);
      for (const p of parts) yield* p(s, o);
      return o;
    };
  },

  AssignmentExpression(node: ES.AssignmentExpression, ctx: Ctx): RExpr {
    const left = node.left;
    const op = node.operator;
    const strict = ctx.strict;
    const rhs =
      left.type === "Identifier" &&
      isAnonymousFunctionDefinition(node.right) &&
      !hasSuspend(node.right)
        ? wrap(compileNamedExpr(ctx, node.right, left.name))
        : compileR(ctx, node.right);
    if (left.type === "ObjectPattern" || left.type === "ArrayPattern") {
      if (hasSuspend(left))
        return unsupported(left, "'yield' or 'await' inside a destructuring pattern");
      const bind = compileBinding(ctx, left, "assign");
      return function* (s) {
        const v = yield* rhs(s);
        bind(s, v);
        return v;
      };
    }
    if (left.type === "Identifier") {
      const write = compileAssign(ctx, left);
      const read = op === "=" ? undefined : compileRead(ctx, left);
      return function* (s) {
        if (read === undefined) {
          const v = yield* rhs(s);
          write(s, v);
          return v;
        }
        const old = read(s);
        const logical = logicalAssign(op, old);
        if (logical === false) return old;
        const r = yield* rhs(s);
        const v = logical === true ? r : evalBinary(s.f.run, op.slice(0, -1), old, r);
        write(s, v);
        return v;
      };
    }
    const m = left as ES.MemberExpression;
    if (m.object.type === "Super" || m.property.type === "PrivateIdentifier") {
      return unsupported(node, "'yield' or 'await' in this assignment");
    }
    const obj = compileR(ctx, m.object as ES.Expression);
    const key = m.computed ? compileR(ctx, m.property as ES.Expression) : undefined;
    const name = m.computed ? "" : (m.property as ES.Identifier).name;
    return function* (s) {
      const o = yield* obj(s);
      const kv = key ? yield* key(s) : name;
      const run = s.f.run;
      if (op === "=") {
        const v = yield* rhs(s);
        if (o === undefined || o === null)
          return throwTypeError(run, `Cannot set properties of ${o}`);
        putV(run, o, toPropertyKey(run, kv), v, strict);
        return v;
      }
      const k = toPropertyKey(run, kv);
      const old = getComputed(run, o, k);
      const logical = logicalAssign(op, old);
      if (logical === false) return old;
      const r = yield* rhs(s);
      const v = logical === true ? r : evalBinary(run, op.slice(0, -1), old, r);
      putV(run, o, k, v, strict);
      return v;
    };
  },
};

/** For `&&=`, `||=`, `??=`: false = keep the old value, true = assign the right side; undefined otherwise. */
function logicalAssign(op: string, old: Value): boolean | undefined {
  if (op === "&&=") return toBoolean(old);
  if (op === "||=") return !toBoolean(old);
  if (op === "??=") return old === undefined || old === null;
  return undefined;
}

function wrap(e: Expr): RExpr {
  return function* (s) {
    return e(s);
  };
}

function invoke(
  s: Env,
  fn: Value,
  thisValue: Value,
  argv: Value[],
  text: string,
  start: number,
): Value {
  const f = s.f;
  if (!(fn instanceof JSObject) || !fn.isCallable())
    return throwTypeError(f.run, `${text} is not a function`);
  f.pos = start;
  return fn.call(f.run, thisValue, argv);
}

export function compileRArgs(
  ctx: Ctx,
  list: readonly (ES.Expression | ES.SpreadElement)[],
): (s: Env) => Generator<Suspend, Value[], Value> {
  const parts = list.map((a) =>
    a.type === "SpreadElement"
      ? { spread: true, e: compileR(ctx, a.argument) }
      : { spread: false, e: compileR(ctx, a) },
  );
  return function* (s) {
    const out: Value[] = [];
    for (const p of parts) {
      const v = yield* p.e(s);
      if (p.spread) for (const x of iterableToList(s.f.run, v)) out.push(x);
      else out.push(v);
    }
    return out;
  };
}
