/**
 * Classes (https://tc39.es/ecma262/#sec-runtime-semantics-classdefinitionevaluation): the
 * constructor, methods and accessors, public and private fields, private methods, static
 * elements and static blocks.
 */
import type * as ES from "acorn";
import { ClosureFunction, type FunctionCode, THIS_STRICT } from "../runtime/closure.js";
import { BYTES_ENV, BYTES_OBJECT } from "../runtime/costs.js";
import { Env, type Frame } from "../runtime/frame.js";
import { createDataPropertyOrThrow } from "../runtime/object-ops.js";
import { PrivateName } from "../runtime/private-name.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { defineNameAndLength } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE, WRITABLE } from "../values/property.js";
import { type Key, UNINIT, type Value } from "../values/value.js";
import { Ctx, type Expr } from "./context.js";
import { compileExpr } from "./dispatch.js";
import { compileKey, compileMethod } from "./expressions/ObjectExpression.js";
import {
  compileFunctionCode,
  compileHoistedFunctions,
  compileStatements,
  hoistableFunctions,
  makeClosure,
  slotTemplate,
} from "./functions.js";
import { compileNamedExpr, isAnonymousFunctionDefinition } from "./naming.js";
import type { Scope } from "./scope.js";

type Element =
  | { kind: "method"; isStatic: boolean; define: (s: Env, F: JSObject, proto: JSObject) => void }
  | { kind: "field"; isStatic: boolean; prepare: (s: Env) => FieldRecord }
  | { kind: "block"; code: FunctionCode };

interface FieldRecord {
  key: Key | PrivateName;
  init: FunctionCode | undefined;
}

/** Code for a field initializer or static block: runs with `this` = the object. */
function pseudoCode(
  outer: Ctx,
  node: ES.Node,
  name: string,
  body: (f: Frame) => Value,
): FunctionCode {
  const scope = outer.scopeOf(node) as Scope;
  return {
    name,
    source: outer.source,
    start: node.start,
    strict: true,
    thisMode: THIS_STRICT,
    isConstructor: false,
    classConstructor: false,
    derived: false,
    hasPrototype: false,
    slotInit: slotTemplate(scope),
    length: 0,
    sourceText: outer.source.text.slice(node.start, node.end),
    body,
  };
}

function fieldInitCode(
  outer: Ctx,
  p: ES.PropertyDefinition,
  staticName: string | undefined,
): FunctionCode | undefined {
  if (!p.value) return undefined;
  const scope = outer.scopeOf(p) as Scope;
  const ctx = new Ctx(outer.an, outer.source, scope, false);
  const v = p.value;
  const e =
    staticName !== undefined && isAnonymousFunctionDefinition(v)
      ? compileNamedExpr(ctx, v, staticName)
      : compileExpr(ctx, v);
  return pseudoCode(outer, p, "", (f) => e(f));
}

function staticBlockCode(outer: Ctx, b: ES.StaticBlock): FunctionCode {
  const scope = outer.scopeOf(b) as Scope;
  const ctx = new Ctx(outer.an, outer.source, scope, false);
  const hoisted = compileHoistedFunctions(ctx, hoistableFunctions(b.body));
  const body = compileStatements(ctx, b.body);
  return pseudoCode(outer, b, "", (f) => {
    if (hoisted) hoisted(f);
    body(f);
    return undefined;
  });
}

/** The implicit constructor of a class without one (https://tc39.es/ecma262/#sec-runtime-semantics-classdefinitionevaluation step 14). */
function defaultConstructorCode(
  outer: Ctx,
  node: ES.Class,
  name: string,
  derived: boolean,
): FunctionCode {
  return {
    name,
    source: outer.source,
    start: node.start,
    strict: true,
    thisMode: THIS_STRICT,
    isConstructor: true,
    classConstructor: true,
    derived,
    hasPrototype: false,
    slotInit: [],
    length: 0,
    sourceText: outer.source.text.slice(node.start, node.end),
    body: derived
      ? (f) => {
          const run = f.run;
          const active = f.fn as ClosureFunction;
          const func = active.getPrototypeOf(run);
          if (func === null || !func.isConstructor())
            return throwTypeError(run, "Super constructor is not a constructor");
          const result = func.construct(run, f.args, f.newTarget as JSObject);
          f.thisValue = result;
          if (active.init !== undefined) active.init(run, result);
          return undefined;
        }
      : () => undefined,
  };
}

export function compileClass(ctx: Ctx, node: ES.Class, nameHint: string): Expr {
  const scope = ctx.scopeOf(node) as Scope;
  const className = node.id?.name ?? nameHint;
  const heritage = node.superClass
    ? ctx.within(scope, () => compileExpr(ctx, node.superClass as ES.Expression))
    : undefined;
  const derived = node.superClass != null;
  const ctorDef = node.body.body.find(
    (e) => e.type === "MethodDefinition" && e.kind === "constructor",
  ) as ES.MethodDefinition | undefined;
  const ctorCode = ctx.within(scope, () =>
    ctorDef
      ? compileFunctionCode(ctx, ctorDef.value, {
          name: className,
          method: true,
          classConstructor: true,
          derived,
          sourceRange: { start: node.start, end: node.end },
        })
      : defaultConstructorCode(ctx, node, className, derived),
  );
  const privateSlots: [string, number][] = [];
  for (const b of scope.bindings.values())
    if (b.kind === "private") privateSlots.push([b.name, b.slot]);
  const classBinding = node.id ? scope.bindings.get(node.id.name) : undefined;

  const elements: Element[] = ctx.within(scope, () =>
    node.body.body
      .filter((e) => !(e.type === "MethodDefinition" && e.kind === "constructor"))
      .map((e): Element => {
        if (e.type === "StaticBlock") return { kind: "block", code: staticBlockCode(ctx, e) };
        if (e.type === "MethodDefinition") {
          const kind = e.kind === "get" ? "get" : e.kind === "set" ? "set" : "method";
          if (e.key.type === "PrivateIdentifier") {
            const slot = (scope.bindings.get(`#${e.key.name}`) as { slot: number }).slot;
            const code = compileFunctionCode(ctx, e.value, {
              name: `#${e.key.name}`,
              method: true,
              sourceRange: { start: e.start, end: e.end },
            });
            const desc = `#${e.key.name}`;
            return {
              kind: "method",
              isStatic: e.static,
              define: (s, F, proto) => {
                const env = envOf(s, scope);
                const pn = env.v[slot] as unknown as PrivateName;
                const f = makeClosure(s.f.run.realm, code, s, desc) as ClosureFunction;
                f.home = e.static ? F : proto;
                if (kind === "method") {
                  pn.kind = "method";
                  pn.method = f;
                } else {
                  pn.kind = "accessor";
                  defineNameAndLength(f, desc, code.length, kind);
                  if (kind === "get") pn.getter = f;
                  else pn.setter = f;
                }
                pn.brand ??= new WeakSet();
              },
            };
          }
          const key = compileKey(ctx, e);
          const m = compileMethod(ctx, e.value, kind, false, e);
          return {
            kind: "method",
            isStatic: e.static,
            define: (s, F, proto) => m(s, e.static ? F : proto, key(s)),
          };
        }
        const p = e as ES.PropertyDefinition;
        if (p.key.type === "PrivateIdentifier") {
          const slot = (scope.bindings.get(`#${p.key.name}`) as { slot: number }).slot;
          const init = fieldInitCode(ctx, p, `#${p.key.name}`);
          return {
            kind: "field",
            isStatic: p.static,
            prepare: (s) => ({ key: envOf(s, scope).v[slot] as unknown as PrivateName, init }),
          };
        }
        const key = compileKey(ctx, p);
        const staticName = !p.computed
          ? p.key.type === "Identifier"
            ? p.key.name
            : String((p.key as ES.Literal).value)
          : undefined;
        const init = fieldInitCode(ctx, p, staticName);
        const computedNaming =
          p.computed && p.value != null && isAnonymousFunctionDefinition(p.value);
        return {
          kind: "field",
          isStatic: p.static,
          prepare: (s) => {
            const k = key(s);
            return {
              key: k,
              init: computedNaming
                ? ({ ...(init as FunctionCode), fieldName: k } as FunctionCode)
                : init,
            };
          },
        };
      }),
  );

  const materialized = scope.materialized;
  const template = materialized ? slotTemplate(scope) : undefined;

  return (outer) => {
    const run = outer.f.run;
    const realm = run.realm;
    let s = outer;
    if (template !== undefined) {
      run.alloc(BYTES_ENV);
      s = new Env(template.slice(), outer, outer.f);
    } else if (classBinding) s.v[classBinding.slot] = UNINIT;
    for (const [name, slot] of privateSlots) s.v[slot] = new PrivateName(name, "field") as never;
    let protoParent: JSObject | null = realm.intrinsics.ObjectPrototype;
    let ctorParent: JSObject = realm.intrinsics.FunctionPrototype;
    if (heritage) {
      const sc = heritage(s);
      if (sc === null) protoParent = null;
      else {
        if (!(sc instanceof JSObject) || !sc.isConstructor())
          return throwTypeError(
            run,
            `Class extends value ${String(sc instanceof JSObject ? "[object]" : sc)} is not a constructor or null`,
          );
        const pp = sc.get(run, "prototype", sc);
        if (pp !== null && !(pp instanceof JSObject))
          return throwTypeError(run, "Class extends value does not have valid prototype property");
        protoParent = pp as JSObject | null;
        ctorParent = sc;
      }
    }
    run.alloc(BYTES_OBJECT);
    const proto = new JSObject(realm.emptyShape, protoParent);
    const F = makeClosure(realm, ctorCode, s, className, ctorParent) as ClosureFunction;
    F.home = proto;
    F.defineData("prototype", proto, 0);
    proto.defineData("constructor", F, WRITABLE | CONFIGURABLE);
    const instanceFields: FieldRecord[] = [];
    const staticElements: (FieldRecord | FunctionCode)[] = [];
    const instanceBrands: PrivateName[] = [];
    const staticBrands: PrivateName[] = [];
    for (const el of elements) {
      if (el.kind === "method") {
        el.define(s, F, proto);
      } else if (el.kind === "field") {
        const rec = el.prepare(s);
        (el.isStatic ? staticElements : instanceFields).push(rec);
      } else staticElements.push(el.code);
    }
    collectBrands(node, scope, s, instanceBrands, staticBrands);
    if (instanceFields.length > 0 || instanceBrands.length > 0) {
      F.init = (r: Run, o: JSObject) =>
        initializeInstance(r, o, F, instanceBrands, instanceFields, s);
    }
    if (classBinding) envOf(s, scope).v[classBinding.slot] = F;
    for (const pn of staticBrands) addBrand(run, pn, F);
    for (const el of staticElements) {
      if ("key" in el) defineField(run, F, el, F, s);
      else {
        const f = makeClosure(realm, el, s, "") as ClosureFunction;
        f.home = F;
        f.call(run, F, []);
      }
    }
    return F;
  };
}

function envOf(s: Env, _scope: Scope): Env {
  return s;
}

function collectBrands(
  node: ES.Class,
  scope: Scope,
  s: Env,
  instance: PrivateName[],
  statics: PrivateName[],
): void {
  const seen = new Set<string>();
  for (const e of node.body.body) {
    if (e.type !== "MethodDefinition" || e.key.type !== "PrivateIdentifier") continue;
    const name = `#${e.key.name}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const pn = s.v[(scope.bindings.get(name) as { slot: number }).slot] as unknown as PrivateName;
    (e.static ? statics : instance).push(pn);
  }
}

function addBrand(run: Run, pn: PrivateName, o: JSObject): void {
  const brand = pn.brand as WeakSet<JSObject>;
  if (brand.has(o))
    throwTypeError(run, `Cannot initialize private methods of class twice on the same object`);
  brand.add(o);
}

function defineField(run: Run, o: JSObject, rec: FieldRecord, home: JSObject, s: Env): void {
  let v: Value;
  if (rec.init !== undefined) {
    const f = makeClosure(run.realm, rec.init, s, "") as ClosureFunction;
    f.home = home;
    v = f.call(run, o, []);
    const fieldName = (rec.init as { fieldName?: Key }).fieldName;
    if (fieldName !== undefined && v instanceof ClosureFunction && v.storageGet("name") === "") {
      defineNameAndLength(v, fieldName, v.code.length);
    }
  }
  if (rec.key instanceof PrivateName) rec.key.add(run, o, v);
  else createDataPropertyOrThrow(run, o, rec.key, v);
}

/** https://tc39.es/ecma262/#sec-initializeinstanceelements */
function initializeInstance(
  run: Run,
  o: JSObject,
  F: ClosureFunction,
  brands: PrivateName[],
  fields: FieldRecord[],
  s: Env,
): void {
  for (const pn of brands) addBrand(run, pn, o);
  const home = F.home as JSObject;
  for (const rec of fields) defineField(run, o, rec, home, s);
}
