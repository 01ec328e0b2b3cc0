/**
 * Compiles a function literal to FunctionCode: parameter binding
 * (https://tc39.es/ecma262/#sec-functiondeclarationinstantiation), hoisted declarations and the
 * body. Also the helpers blocks share: slot templates and block entry.
 */
import type * as ES from "acorn";
import type { Realm } from "../realm/realm.js";
import { createArguments } from "../runtime/arguments.js";
import {
  ClosureFunction,
  type FunctionCode,
  THIS_LEXICAL,
  THIS_SLOPPY,
  THIS_STRICT,
} from "../runtime/closure.js";
import { BYTES_ENV, BYTES_FUNCTION } from "../runtime/costs.js";
import { Env, type Frame } from "../runtime/frame.js";
import { createArray } from "../runtime/object-ops.js";
import { defineNameAndLength } from "../values/function.js";
import type { JSObject } from "../values/object.js";
import { type Slot, UNINIT, type Value } from "../values/value.js";
import { Ctx, type Expr, NOOP, RETURN, type Stmt } from "./context.js";
import { compileExpr, compileStmt } from "./dispatch.js";
import { type Bind, compileBinding } from "./patterns.js";
import type { Scope } from "./scope.js";

export type FunctionNode =
  | ES.FunctionDeclaration
  | ES.FunctionExpression
  | ES.ArrowFunctionExpression;

export interface FunctionOptions {
  name: string;
  /** Source range for Function.prototype.toString when it is wider than the function node (methods, classes). */
  sourceRange?: { start: number; end: number };
  method?: boolean;
  classConstructor?: boolean;
  derived?: boolean;
}

/** The initial slots of scope `env`: UNINIT for lexical bindings, undefined for the rest. */
export function slotTemplate(env: Scope): Slot[] {
  const init: Slot[] = new Array(env.nslots).fill(undefined);
  const visit = (s: Scope): void => {
    if (s.env !== env) return;
    for (const b of s.bindings.values()) {
      if (b.slot >= 0 && b.tdz) init[b.slot] = UNINIT;
    }
    for (const c of s.children) if (!c.materialized) visit(c);
  };
  visit(env);
  return init;
}

/** Creates the closures of hoisted function declarations and stores them in their bindings. */
export function compileHoistedFunctions(
  ctx: Ctx,
  fns: readonly ES.FunctionDeclaration[],
): ((s: Env) => void) | undefined {
  if (fns.length === 0) return undefined;
  const inits = fns.map((fn) => {
    const create = compileFunctionExpr(fn, ctx, fn.id?.name ?? "default");
    const bind = compileBinding(ctx, fn.id as ES.Identifier, "init");
    return (s: Env) => bind(s, create(s));
  });
  return (s) => {
    for (const i of inits) i(s);
  };
}

/** Top-level function declarations of a statement list (the ones hoisted to its scope). */
export function hoistableFunctions(stmts: readonly ES.Node[]): ES.FunctionDeclaration[] {
  const out: ES.FunctionDeclaration[] = [];
  for (let s of stmts) {
    if (s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration") {
      const d = (s as ES.ExportNamedDeclaration).declaration;
      if (!d) continue;
      s = d as ES.Node;
    }
    while (s.type === "LabeledStatement") s = (s as ES.LabeledStatement).body;
    if (s.type === "FunctionDeclaration" && (s as ES.FunctionDeclaration).id)
      out.push(s as ES.FunctionDeclaration);
  }
  return out;
}

/**
 * Entering a block scope: a fresh environment when the scope is materialized, otherwise its
 * lexical slots in the enclosing environment are reset to uninitialized. Then block-level
 * functions are instantiated.
 */
export function compileBlockEntry(
  ctx: Ctx,
  scope: Scope | undefined,
  stmts: readonly ES.Node[],
): ((s: Env) => Env) | undefined {
  if (scope === undefined) return undefined;
  const hoisted = ctx.within(scope, () => compileHoistedFunctions(ctx, hoistableFunctions(stmts)));
  if (scope.materialized) {
    const template = slotTemplate(scope);
    return (s) => {
      s.f.run.alloc(BYTES_ENV + template.length * 8);
      const e = new Env(template.slice(), s, s.f);
      if (hoisted) hoisted(e);
      return e;
    };
  }
  const lexSlots: number[] = [];
  for (const b of scope.bindings.values()) if (b.lexical) lexSlots.push(b.slot);
  if (lexSlots.length === 0 && !hoisted) return undefined;
  const hops = 0;
  void hops;
  return (s) => {
    for (const i of lexSlots) s.v[i] = UNINIT;
    if (hoisted) hoisted(s);
    return s;
  };
}

export function compileStatements(ctx: Ctx, stmts: readonly ES.Node[]): Stmt {
  const list = stmts
    .filter((s) => s.type !== "EmptyStatement")
    .map((s) => compileStmt(ctx, s as ES.Statement))
    .filter((c) => (c as unknown) !== NOOP);
  switch (list.length) {
    case 0:
      return () => 0;
    case 1:
      return list[0] as Stmt;
    case 2: {
      const [a, b] = list as [Stmt, Stmt];
      return (s) => {
        const c = a(s);
        return c !== 0 ? c : b(s);
      };
    }
    default:
      return (s) => {
        for (let i = 0; i < list.length; i++) {
          const c = (list[i] as Stmt)(s);
          if (c !== 0) return c;
        }
        return 0;
      };
  }
}

/** Compiles a function literal's code (shared by all its closures). */
export function compileFunctionCode(
  outer: Ctx,
  node: FunctionNode,
  opts: FunctionOptions,
): FunctionCode {
  const fs = outer.scopeOf(node) as Scope;
  const ctx = new Ctx(outer.an, outer.source, fs, false);
  const strict = fs.strict;
  const isArrow = node.type === "ArrowFunctionExpression";
  const bindParams = compileParams(ctx, node, fs);
  const body = node.body;
  let run: (f: Frame) => Value;
  const bodyScope = body.type === "BlockStatement" ? outer.scopeOf(body) : undefined;
  const suspends = node.generator || node.async;
  if (body.type === "BlockStatement") {
    const varScope = bodyScope && bodyScope.kind === "body" ? bodyScope : fs;
    const enterBody = varScope !== fs ? compileBodyScope(fs, varScope) : undefined;
    const hoisted = ctx.within(varScope, () =>
      compileHoistedFunctions(ctx, hoistableFunctions(body.body)),
    );
    if (suspends) {
      const code = ctx.within(varScope, () => compileRStatements(ctx, body.body));
      const resumable = function* (f: Frame): Body {
        let e: Env = f;
        if (enterBody) e = enterBody(f);
        if (hoisted) hoisted(e);
        return (yield* code(e)) === RETURN ? f.ret : undefined;
      };
      run = node.generator
        ? node.async
          ? asyncGeneratorBody(bindParams, resumable)
          : generatorBody(bindParams, resumable)
        : asyncBody(bindParams, resumable);
    } else {
      const code = ctx.within(varScope, () => compileStatements(ctx, body.body));
      run = (f) => {
        bindParams(f);
        let e: Env = f;
        if (enterBody) e = enterBody(f);
        if (hoisted) hoisted(e);
        return code(e) === RETURN ? f.ret : undefined;
      };
    }
  } else if (suspends) {
    const expr = compileR(ctx, body);
    run = asyncBody(bindParams, function* (f: Frame): Body {
      return yield* expr(f);
    });
  } else {
    const expr = compileExpr(ctx, body);
    run = (f) => {
      bindParams(f);
      return expr(f);
    };
  }
  const length = expectedArgumentCount(node.params);
  return {
    name: opts.name,
    source: outer.source,
    start: node.start,
    strict,
    thisMode: isArrow ? THIS_LEXICAL : strict ? THIS_STRICT : THIS_SLOPPY,
    isConstructor:
      opts.classConstructor === true ||
      (!isArrow && !opts.method && !node.generator && !node.async),
    classConstructor: opts.classConstructor === true,
    derived: opts.derived === true,
    hasPrototype: !isArrow && !opts.method && !node.async && !opts.classConstructor,
    slotInit: slotTemplate(fs),
    length,
    sourceText: outer.source.text.slice(
      opts.sourceRange?.start ?? node.start,
      opts.sourceRange?.end ?? node.end,
    ),
    body: run,
    generatorKind: node.generator ? (node.async ? "async-generator" : "generator") : undefined,
    isAsync: node.async,
  } as FunctionCode;
}

/** ExpectedArgumentCount: parameters before the first default or rest. */
function expectedArgumentCount(params: readonly ES.Pattern[]): number {
  let n = 0;
  for (const p of params) {
    if (p.type === "AssignmentPattern" || p.type === "RestElement") break;
    n++;
  }
  return n;
}

function compileParams(ctx: Ctx, node: FunctionNode, fs: Scope): (f: Frame) => void {
  const argsBinding = fs.argumentsBinding;
  const calleeBinding = [...fs.bindings.values()].find((b) => b.kind === "callee");
  const calleeSlot = calleeBinding ? calleeBinding.slot : -1;
  const mapped = !fs.strict && fs.hasSimpleParams;
  const argsSlot = argsBinding ? argsBinding.slot : -1;
  const paramSlots = fs.hasSimpleParams
    ? node.params.map((p) => (fs.bindings.get((p as ES.Identifier).name) as { slot: number }).slot)
    : [];
  const makeArgs =
    argsSlot >= 0
      ? (f: Frame) => {
          f.v[argsSlot] = createArguments(f, mapped ? paramSlots : undefined);
        }
      : undefined;
  if (fs.hasSimpleParams) {
    const n = paramSlots.length;
    return (f) => {
      if (calleeSlot >= 0) f.v[calleeSlot] = f.fn as JSObject;
      const args = f.args;
      const v = f.v;
      for (let i = 0; i < n; i++) v[paramSlots[i] as number] = args[i];
      if (makeArgs) makeArgs(f);
    };
  }
  const binders: { bind: Bind; rest: boolean }[] = ctx.within(fs, () =>
    node.params.map((p) => ({
      bind: compileBinding(ctx, p, "init"),
      rest: p.type === "RestElement",
    })),
  );
  return (f) => {
    if (calleeSlot >= 0) f.v[calleeSlot] = f.fn as JSObject;
    if (makeArgs) makeArgs(f);
    const args = f.args;
    for (let i = 0; i < binders.length; i++) {
      const b = binders[i] as { bind: Bind; rest: boolean };
      if (b.rest) b.bind(f, createArray(f.run, args.slice(i)));
      else b.bind(f, args[i]);
    }
  };
}

/** The separate var environment of a function with parameter expressions. */
function compileBodyScope(fs: Scope, varScope: Scope): (f: Frame) => Env {
  const copies: [number, number][] = [];
  for (const b of varScope.bindings.values()) {
    if (b.kind !== "var") continue;
    const p = fs.bindings.get(b.name);
    if (p !== undefined && (p.kind === "param" || p.kind === "arguments"))
      copies.push([p.slot, b.slot]);
  }
  if (!varScope.materialized) {
    return (f) => {
      for (const [from, to] of copies) f.v[to] = f.v[from];
      return f;
    };
  }
  const template = slotTemplate(varScope);
  return (f) => {
    const e = new Env(template.slice(), f, f);
    for (const [from, to] of copies) e.v[to] = f.v[from];
    return e;
  };
}

/** Creates a closure object for compiled code (OrdinaryFunctionCreate + MakeConstructor). */
export function makeClosure(
  realm: Realm,
  code: FunctionCode,
  env: Env,
  name: string,
  proto?: JSObject,
): ClosureFunction {
  env.f.run.alloc(BYTES_FUNCTION);
  const gen = (code as { generatorKind?: string }).generatorKind;
  const fproto =
    proto ??
    (gen === "generator"
      ? realm.intrinsics.GeneratorFunctionPrototype
      : gen === "async-generator"
        ? realm.intrinsics.AsyncGeneratorFunctionPrototype
        : (code as { isAsync?: boolean }).isAsync
          ? realm.intrinsics.AsyncFunctionPrototype
          : realm.intrinsics.FunctionPrototype) ??
    realm.intrinsics.FunctionPrototype;
  const f = new ClosureFunction(realm, code, env, fproto);
  defineNameAndLength(f, name, code.length);
  return f;
}

export type { Expr };

import type { Body } from "../runtime/generator.js";
import { compileFunctionExpr } from "./function-expr.js";
import { asyncBody, asyncGeneratorBody, generatorBody } from "./resumable/drivers.js";
import { compileR } from "./resumable/expressions.js";
import { compileRStatements } from "./resumable/statements.js";
