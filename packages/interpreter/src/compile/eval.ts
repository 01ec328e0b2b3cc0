/**
 * Dynamic code inside the sandbox, when its policy enables it: direct and indirect `eval`
 * (https://tc39.es/ecma262/#sec-performeval) and the Function constructor family
 * (https://tc39.es/ecma262/#sec-createdynamicfunction). Both compile guest code into the same
 * realm; neither reaches anything outside it.
 */
import type * as ES from "acorn";
import { findViolation } from "../parse/feature-policy.js";
import { ParseFailure, parseProgram } from "../parse/parse.js";
import { SourceFile } from "../parse/source.js";
import type { Realm } from "../realm/realm.js";
import { toString } from "../runtime/conversions.js";
import { Env, Frame } from "../runtime/frame.js";
import { getPrototypeFromConstructor } from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwSyntaxError, throwTypeError } from "../runtime/throw.js";
import { BuiltinFunction } from "../values/function.js";
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import { analyzeProgram } from "./analyze.js";
import { Ctx, type Expr } from "./context.js";
import type { Args } from "./expressions/CallExpression.js";
import { compileFunctionExpr } from "./function-expr.js";
import {
  compileHoistedFunctions,
  compileStatements,
  hoistableFunctions,
  slotTemplate,
} from "./functions.js";
import { compileRead, up } from "./references.js";
import { hopsBetween, type Scope } from "./scope.js";
import { UnsupportedSyntax } from "./unsupported.js";

export function compileDirectEval(ctx: Ctx, node: ES.CallExpression, args: Args): Expr {
  const read = compileRead(ctx, node.callee as ES.Identifier);
  const scope = ctx.scope;
  const start = node.start;
  return (s) => {
    const fn = read(s);
    const argv = args(s);
    const f = s.f;
    const run = f.run;
    if (!(fn instanceof JSObject) || !fn.isCallable())
      return throwTypeError(run, "eval is not a function");
    f.pos = start;
    if (fn !== run.realm.intrinsics.eval) return fn.call(run, undefined, argv);
    if (argv.length === 0) return undefined;
    const x = argv[0];
    if (typeof x !== "string") return x;
    return performEval(run, x, { scope, env: s });
  };
}

function compileFailure(run: Run, e: unknown): never {
  if (e instanceof ParseFailure || e instanceof UnsupportedSyntax)
    return throwSyntaxError(run, e.message);
  throw e;
}

/** https://tc39.es/ecma262/#sec-performeval; `caller` is absent for indirect eval. */
export function performEval(run: Run, text: string, caller?: { scope: Scope; env: Env }): Value {
  run.charge(1 + (text.length >> 6));
  const source = new SourceFile("eval", text);
  const callerStrict = caller?.scope.strict === true;
  const thisScope = caller?.scope.thisScope;
  let program: ES.Program;
  try {
    program = parseProgram(source, {
      strict: callerStrict,
      inMethod: thisScope?.isMethod === true,
      inClass: caller !== undefined && hasClassScope(caller.scope),
    });
  } catch (e) {
    return compileFailure(run, e);
  }
  const refused = findViolation(program, "eval", run.policy.features, run.policy.validators);
  if (refused !== undefined) return throwSyntaxError(run, refused.message);
  let an: ReturnType<typeof analyzeProgram>;
  let ctx: Ctx;
  let body: ReturnType<typeof compileStatements>;
  let hoisted: ((s: Env) => void) | undefined;
  try {
    an = analyzeProgram(program, "eval", callerStrict, caller?.scope ?? null);
    ctx = new Ctx(an, source, an.root, true);
    hoisted = compileHoistedFunctions(ctx, an.root.strict ? hoistableFunctions(program.body) : []);
    body = compileStatements(ctx, program.body);
  } catch (e) {
    return compileFailure(run, e);
  }
  const root = an.root;
  let env: Env;
  if (caller === undefined) {
    env = new Frame(
      slotTemplate(root),
      null,
      run,
      { name: "", source, start: 0 },
      undefined,
      run.realm.global,
      undefined,
      [],
      null,
    );
  } else {
    env = new Env(slotTemplate(root), caller.env, caller.env.f);
  }
  if (!root.strict) declareEvalVars(run, an.evalVars, an.evalFunctions, ctx, caller, env);
  const frame = env.f;
  const saved = frame.cv;
  frame.cv = undefined;
  const pushed = caller === undefined;
  if (pushed) run.frame = env as Frame;
  try {
    if (hoisted) hoisted(env);
    body(env);
    return frame.cv;
  } finally {
    frame.cv = saved;
    if (pushed) run.frame = (env as Frame).caller;
  }
}

function hasClassScope(s: Scope | null): boolean {
  for (let x = s; x !== null; x = x.parent) if (x.kind === "class") return true;
  return false;
}

/** EvalDeclarationInstantiation for sloppy eval: vars go to the caller's var scope. */
function declareEvalVars(
  run: Run,
  vars: string[],
  fns: ES.FunctionDeclaration[],
  ctx: Ctx,
  caller: { scope: Scope; env: Env } | undefined,
  evalEnv: Env,
): void {
  const realm = run.realm;
  const names = [...vars, ...fns.map((f) => (f.id as ES.Identifier).name)];
  const varScope = caller ? caller.scope.varScope : undefined;
  if (varScope === undefined || varScope.kind === "script") {
    const g = realm.global;
    for (const n of names) {
      if (realm.globalLex.has(n))
        throwSyntaxError(run, `Identifier '${n}' has already been declared`);
    }
    if (caller) checkLexicalConflicts(run, caller.scope, varScope as Scope, names);
    for (const n of names) {
      if (g.getOwnProperty(run, n) === undefined) {
        g.defineOwnProperty(run, n, {
          value: undefined,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
    }
    for (const f of fns) {
      const name = (f.id as ES.Identifier).name;
      const fn = compileFunctionExpr(f, ctx, name)(evalEnv);
      const d = g.getOwnProperty(run, name);
      if (d === undefined || d.configurable) {
        g.defineOwnProperty(run, name, {
          value: fn,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else g.set(run, name, fn, g);
    }
    return;
  }
  const c = caller as { scope: Scope; env: Env };
  // An eval in the parameter expressions of a (non-arrow) function may not declare `arguments`
  // (https://tc39.es/ecma262/#sec-evaldeclarationinstantiation, the parameter-scope check). Code
  // in the body of such a function sits under its "body" scope; code among the parameters
  // reaches the function scope first.
  let home: Scope = c.scope;
  while (home.kind !== "function" && home.kind !== "body" && home.parent !== null) {
    home = home.parent;
  }
  if (
    home.kind === "function" &&
    !home.isArrow &&
    !home.hasSimpleParams &&
    names.includes("arguments")
  ) {
    throwSyntaxError(run, "Eval code in parameter expressions may not declare 'arguments'");
  }
  checkLexicalConflicts(run, c.scope, varScope, names);
  const varEnv = up(c.env, hopsBetween(c.scope, varScope));
  for (const n of names) {
    if (varScope.bindings.has(n)) continue;
    varEnv.x ??= new Map();
    if (!varEnv.x.has(n)) varEnv.x.set(n, { v: undefined });
  }
  for (const f of fns) {
    const name = (f.id as ES.Identifier).name;
    const fn = compileFunctionExpr(f, ctx, name)(evalEnv);
    const b = varScope.bindings.get(name);
    if (b !== undefined) varEnv.v[b.slot] = fn;
    else (varEnv.x as Map<string, { v: Value }>).set(name, { v: fn });
  }
}

function checkLexicalConflicts(run: Run, from: Scope, varScope: Scope, names: string[]): void {
  for (let s: Scope | null = from; s !== null && s !== varScope; s = s.parent) {
    for (const n of names) {
      const b = s.bindings.get(n);
      if (b !== undefined && (b.lexical || (b.kind === "function" && s.kind === "block"))) {
        throwSyntaxError(run, `Identifier '${n}' has already been declared`);
      }
    }
  }
  for (const n of names) {
    const b = varScope.bindings.get(n);
    if (b?.lexical) throwSyntaxError(run, `Identifier '${n}' has already been declared`);
  }
}

/** Installs `eval` and the dynamic-function hook into a realm (when the policy allows them). */
export function enableDynamicCode(realm: Realm): void {
  const evalFn = new BuiltinFunction(
    realm,
    (run, _t, args) => {
      const x = args[0];
      if (typeof x !== "string") return x;
      return performEval(run, x);
    },
    "eval",
    1,
    false,
  );
  realm.intrinsics.eval = evalFn;
  realm.global.defineData("eval", evalFn, 5);
  realm.hooks.createDynamicFunction = (run, kind, args, newTarget) =>
    createDynamicFunction(realm, run, kind, args, newTarget);
}

const PREFIX = {
  normal: "function",
  generator: "function*",
  async: "async function",
  asyncGenerator: "async function*",
};

/** https://tc39.es/ecma262/#sec-createdynamicfunction */
function createDynamicFunction(
  realm: Realm,
  run: Run,
  kind: "normal" | "generator" | "async" | "asyncGenerator",
  args: Value[],
  newTarget: JSObject | undefined,
): JSObject {
  const params = args
    .slice(0, -1)
    .map((a) => toString(run, a))
    .join(",");
  const bodyText = args.length > 0 ? toString(run, args[args.length - 1]) : "";
  const text = `(${PREFIX[kind]} anonymous(${params}\n) {\n${bodyText}\n})`;
  run.charge(1 + (text.length >> 6));
  const source = new SourceFile("anonymous", text);
  let program: ES.Program;
  try {
    program = parseProgram(source);
    // The parameters and the body must each parse on their own (no `){` injection).
    parseProgram(new SourceFile("anonymous", `(${PREFIX[kind]} anonymous(${params}\n) {})`));
    parseProgram(new SourceFile("anonymous", `(${PREFIX[kind]} anonymous() {\n${bodyText}\n})`));
  } catch (e) {
    return compileFailure(run, e);
  }
  const refused = findViolation(program, "anonymous", run.policy.features, run.policy.validators);
  if (refused !== undefined) return throwSyntaxError(run, refused.message);
  const stmt = program.body[0];
  if (
    program.body.length !== 1 ||
    stmt?.type !== "ExpressionStatement" ||
    stmt.expression.type !== "FunctionExpression"
  ) {
    return throwSyntaxError(run, "Invalid function body");
  }
  const fnNode = stmt.expression;
  let create: Expr;
  let an: ReturnType<typeof analyzeProgram>;
  try {
    an = analyzeProgram(program, "script", false);
    const ctx = new Ctx(an, source, an.root, false);
    create = compileFunctionExpr(fnNode, ctx, "anonymous");
  } catch (e) {
    return compileFailure(run, e);
  }
  const globalFrame = new Frame(
    slotTemplate(an.root),
    null,
    run,
    { name: "", source, start: 0 },
    undefined,
    realm.global,
    undefined,
    [],
    null,
  );
  const fn = create(globalFrame) as JSObject;
  if (newTarget !== undefined) {
    const fallback =
      kind === "normal"
        ? "FunctionPrototype"
        : kind === "generator"
          ? "GeneratorFunctionPrototype"
          : kind === "async"
            ? "AsyncFunctionPrototype"
            : "AsyncGeneratorFunctionPrototype";
    fn.proto = getPrototypeFromConstructor(run, newTarget, fallback);
  }
  return fn;
}
