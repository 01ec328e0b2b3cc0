/**
 * Identifier references (https://tc39.es/ecma262/#sec-resolvebinding), compiled to the cheapest
 * form their resolution allows: a frame slot `hops` environments up, a cached global lookup, or
 * — only inside `with` or next to a sloppy direct eval — a name lookup at run time.
 */
import type { GlobalCell, Realm } from "../realm/realm.js";
import { toBoolean } from "../runtime/conversions.js";
import type { Env } from "../runtime/frame.js";
import type { Run } from "../runtime/run.js";
import { throwReferenceError, throwTypeError } from "../runtime/throw.js";
import { JSObject } from "../values/object.js";
import { ACCESSOR, type Accessor, type Entry, WRITABLE } from "../values/property.js";
import { UNINIT, type Value } from "../values/value.js";
import type { Ctx, Expr } from "./context.js";
import { type Binding, hopsBetween, type Resolution, type Scope } from "./scope.js";

export type Setter = (s: Env, v: Value) => void;

export function resolution(ctx: Ctx, node: { start: number; name: string }): Resolution {
  const r = ctx.an.refs.get(node as never);
  if (r === undefined) throw new Error(`internal: unresolved identifier ${node.name}`);
  return r;
}

export function up(s: Env, hops: number): Env {
  let e = s;
  for (let i = 0; i < hops; i++) e = e.p as Env;
  return e;
}

function tdzError(s: Env, name: string): never {
  return throwReferenceError(s.f.run, `Cannot access '${name}' before initialization`);
}

function notDefined(run: Run, name: string): never {
  return throwReferenceError(run, `${name} is not defined`);
}

function needsTdz(b: Binding): boolean {
  return b.tdz;
}

/** Reads a statically resolved binding. */
export function slotGetter(hops: number, slot: number, tdz: boolean, name: string): Expr {
  if (!tdz) {
    switch (hops) {
      case 0:
        return (s) => s.v[slot] as Value;
      case 1:
        return (s) => (s.p as Env).v[slot] as Value;
      case 2:
        return (s) => ((s.p as Env).p as Env).v[slot] as Value;
      default:
        return (s) => up(s, hops).v[slot] as Value;
    }
  }
  switch (hops) {
    case 0:
      return (s) => {
        const v = s.v[slot];
        if (v === UNINIT) tdzError(s, name);
        return v as Value;
      };
    case 1:
      return (s) => {
        const v = (s.p as Env).v[slot];
        if (v === UNINIT) tdzError(s, name);
        return v as Value;
      };
    default:
      return (s) => {
        const v = up(s, hops).v[slot];
        if (v === UNINIT) tdzError(s, name);
        return v as Value;
      };
  }
}

function slotSetter(b: Binding, hops: number, strict: boolean): Setter {
  const slot = b.slot;
  const name = b.name;
  if (b.kind === "const" || b.kind === "import") {
    return (s) => {
      if (up(s, hops).v[slot] === UNINIT) tdzError(s, name);
      throwTypeError(s.f.run, "Assignment to constant variable.");
    };
  }
  if (b.kind === "callee") {
    return strict ? (s) => throwTypeError(s.f.run, "Assignment to constant variable.") : () => {};
  }
  if (needsTdz(b)) {
    return (s, v) => {
      const e = up(s, hops);
      if (e.v[slot] === UNINIT) tdzError(s, name);
      e.v[slot] = v;
    };
  }
  switch (hops) {
    case 0:
      return (s, v) => {
        s.v[slot] = v;
      };
    case 1:
      return (s, v) => {
        (s.p as Env).v[slot] = v;
      };
    default:
      return (s, v) => {
        up(s, hops).v[slot] = v;
      };
  }
}

// ---- globals ----------------------------------------------------------------------------

/**
 * A global reference site. Caches the global lexical cell or the global object's dictionary
 * entry it found, valid while the realm's global epoch is unchanged and the entry not deleted.
 */
class GlobalSite {
  private realm: Realm | undefined;
  private epoch = -1;
  private cell: GlobalCell | undefined;
  private entry: Entry | undefined;

  constructor(readonly name: string) {}

  private lookup(realm: Realm): void {
    this.realm = realm;
    this.epoch = realm.globalEpoch;
    this.cell = realm.globalLex.get(this.name);
    this.entry = this.cell === undefined ? realm.global.dict?.get(this.name) : undefined;
  }

  /** The value, or `missing` when unresolvable. */
  read(s: Env, missing: () => Value): Value {
    const f = s.f;
    const overlay = f.overlay;
    if (overlay !== null) {
      const o = overlay.get(this.name);
      if (o !== undefined) return o.v;
    }
    const realm = f.run.realm;
    if (
      this.realm !== realm ||
      this.epoch !== realm.globalEpoch ||
      (this.entry !== undefined && this.entry.attrs < 0)
    ) {
      this.lookup(realm);
    }
    const cell = this.cell;
    if (cell !== undefined) {
      if (cell.v === UNINIT) tdzError(s, this.name);
      return cell.v as Value;
    }
    const e = this.entry;
    if (e !== undefined && e.attrs >= 0) {
      if (e.attrs & ACCESSOR) {
        const g = (e.v as Accessor).get;
        return g === undefined ? undefined : g.call(f.run, realm.global, []);
      }
      return e.v as Value;
    }
    const g = realm.global;
    if (g.hasProperty(f.run, this.name)) return g.get(f.run, this.name, g);
    this.realm = undefined;
    return missing();
  }

  write(s: Env, v: Value, strict: boolean): void {
    const f = s.f;
    const overlay = f.overlay;
    if (overlay !== null) {
      const o = overlay.get(this.name);
      if (o !== undefined) {
        o.v = v;
        return;
      }
    }
    const run = f.run;
    const realm = run.realm;
    if (
      this.realm !== realm ||
      this.epoch !== realm.globalEpoch ||
      (this.entry !== undefined && this.entry.attrs < 0)
    ) {
      this.lookup(realm);
    }
    const cell = this.cell;
    if (cell !== undefined) {
      if (cell.v === UNINIT) tdzError(s, this.name);
      if (!cell.mutable) throwTypeError(run, "Assignment to constant variable.");
      cell.v = v;
      return;
    }
    const e = this.entry;
    if (e !== undefined && e.attrs >= 0 && (e.attrs & (WRITABLE | ACCESSOR)) === WRITABLE) {
      e.v = v;
      return;
    }
    const g = realm.global;
    if (!g.hasProperty(run, this.name)) {
      if (strict) notDefined(run, this.name);
      g.set(run, this.name, v, g);
      this.realm = undefined;
      return;
    }
    if (!g.set(run, this.name, v, g) && strict) {
      throwTypeError(run, `Cannot assign to read only property '${this.name}' of object`);
    }
  }
}

// ---- dynamic (with / eval) ----------------------------------------------------------------

interface DynamicStep {
  hops: number;
  scope: Scope;
}

type Found = { kind: "object"; obj: JSObject } | { kind: "cell"; cell: { v: Value } } | undefined;

function dynamicLookup(s: Env, name: string, steps: DynamicStep[]): Found {
  const run = s.f.run;
  for (const { hops, scope } of steps) {
    const e = up(s, hops);
    if (scope.kind === "with") {
      const obj = e.v[0] as JSObject;
      if (!obj.hasProperty(run, name)) continue;
      const unscopables = obj.get(run, Symbol.unscopables, obj);
      if (unscopables instanceof JSObject && toBoolean(unscopables.get(run, name, unscopables)))
        continue;
      return { kind: "object", obj };
    }
    const cell = e.x?.get(name);
    if (cell !== undefined) return { kind: "cell", cell };
  }
  return undefined;
}

function dynamicSteps(r: Resolution): DynamicStep[] {
  return r.dynamic.map((scope) => ({ hops: hopsBetween(r.from, scope), scope }));
}

// ---- public compilers -----------------------------------------------------------------------

/** GetValue of an identifier; ReferenceError when unresolvable (or `typeof` semantics). */
export function compileRead(
  ctx: Ctx,
  node: { start: number; name: string },
  forTypeof = false,
): Expr {
  const r = resolution(ctx, node);
  const name = r.name;
  const staticRead = staticReader(ctx, r, forTypeof);
  if (r.dynamic.length === 0) return staticRead;
  const steps = dynamicSteps(r);
  return (s) => {
    const found = dynamicLookup(s, name, steps);
    if (found === undefined) return staticRead(s);
    if (found.kind === "cell") return found.cell.v;
    const run = s.f.run;
    if (!found.obj.hasProperty(run, name)) {
      if (ctx.strict) notDefined(run, name);
      return undefined;
    }
    return found.obj.get(run, name, found.obj);
  };
}

/** An import binding's slot holds the exporting module's environment and slot (live binding). */
export class ImportCell {
  constructor(
    readonly env: Env,
    readonly slot: number,
  ) {}
}

function importGetter(hops: number, slot: number, name: string): Expr {
  return (s) => {
    const c = up(s, hops).v[slot];
    if (!(c instanceof ImportCell)) return tdzError(s, name);
    const v = c.env.v[c.slot];
    if (v === UNINIT) tdzError(s, name);
    return v as Value;
  };
}

function staticReader(_ctx: Ctx, r: Resolution, forTypeof: boolean): Expr {
  const b = r.binding;
  const name = r.name;
  if (b !== undefined && b.kind === "import")
    return importGetter(hopsBetween(r.from, b.scope), b.slot, name);
  if (b !== undefined && !b.global) {
    return slotGetter(hopsBetween(r.from, b.scope), b.slot, needsTdz(b), name);
  }
  const site = new GlobalSite(name);
  const missing = forTypeof ? () => undefined : undefined;
  return (s) => site.read(s, missing ?? (() => notDefined(s.f.run, name)));
}

/** PutValue to an identifier (assignment). */
export function compileAssign(ctx: Ctx, node: { start: number; name: string }): Setter {
  const r = resolution(ctx, node);
  const strict = ctx.strict;
  const staticWrite = staticWriter(r, strict);
  if (r.dynamic.length === 0) return staticWrite;
  const steps = dynamicSteps(r);
  const name = r.name;
  return (s, v) => {
    const found = dynamicLookup(s, name, steps);
    if (found === undefined) return staticWrite(s, v);
    if (found.kind === "cell") {
      found.cell.v = v;
      return;
    }
    const run = s.f.run;
    const stillThere = found.obj.hasProperty(run, name);
    if (!stillThere && strict) notDefined(run, name);
    if (!found.obj.set(run, name, v, found.obj) && strict) {
      throwTypeError(run, `Cannot assign to read only property '${name}' of object`);
    }
  };
}

/**
 * For references that `with` or eval can redirect: resolves the binding first and returns a
 * writer for it, so an assignment's left side is resolved before its right side is evaluated
 * (https://tc39.es/ecma262/#sec-assignment-operators-runtime-semantics-evaluation). Undefined for
 * statically resolved references, where the order cannot be observed.
 */
export function compileEarlyAssign(
  ctx: Ctx,
  node: { start: number; name: string },
): ((s: Env) => (v: Value) => void) | undefined {
  const r = resolution(ctx, node);
  if (r.dynamic.length === 0) return undefined;
  const strict = ctx.strict;
  const staticWrite = staticWriter(r, strict);
  const steps = dynamicSteps(r);
  const name = r.name;
  return (s) => {
    const found = dynamicLookup(s, name, steps);
    if (found === undefined) return (v) => staticWrite(s, v);
    if (found.kind === "cell") {
      const cell = found.cell;
      return (v) => {
        cell.v = v;
      };
    }
    const obj = found.obj;
    return (v) => {
      const run = s.f.run;
      if (!obj.hasProperty(run, name) && strict) notDefined(run, name);
      if (!obj.set(run, name, v, obj) && strict) {
        throwTypeError(run, `Cannot assign to read only property '${name}' of object`);
      }
    };
  };
}

function staticWriter(r: Resolution, strict: boolean): Setter {
  const b = r.binding;
  if (b !== undefined && !b.global) return slotSetter(b, hopsBetween(r.from, b.scope), strict);
  const site = new GlobalSite(r.name);
  return (s, v) => site.write(s, v, strict);
}

/**
 * InitializeReferencedBinding for let/const/class/function/param bindings at their declaration.
 * Script-level lexical bindings initialize their global cell; `var` uses assignment semantics.
 */
export function compileInit(ctx: Ctx, node: { start: number; name: string }): Setter {
  const r = resolution(ctx, node);
  const b = r.binding;
  if (b === undefined || b.kind === "var" || (b.global && !b.lexical))
    return compileAssign(ctx, node);
  if (b.global) {
    const name = b.name;
    return (s, v) => {
      const cell = s.f.run.realm.globalLex.get(name);
      if (cell !== undefined) cell.v = v;
    };
  }
  const hops = hopsBetween(r.from, b.scope);
  const slot = b.slot;
  if (hops === 0) {
    return (s, v) => {
      s.v[slot] = v;
    };
  }
  return (s, v) => {
    up(s, hops).v[slot] = v;
  };
}

/** The `this` value of a call through an identifier: the with-object when found in one. */
export function compileCallThis(
  ctx: Ctx,
  node: { start: number; name: string },
): ((s: Env) => Value) | undefined {
  const r = resolution(ctx, node);
  if (!r.dynamic.some((d) => d.kind === "with")) return undefined;
  const steps = dynamicSteps(r);
  const name = r.name;
  return (s) => {
    const found = dynamicLookup(s, name, steps);
    return found !== undefined && found.kind === "object" ? found.obj : undefined;
  };
}

/** `delete identifier` in sloppy code. */
export function compileDeleteRef(ctx: Ctx, node: { start: number; name: string }): Expr {
  const r = resolution(ctx, node);
  const steps = dynamicSteps(r);
  const name = r.name;
  const b = r.binding;
  return (s) => {
    const run = s.f.run;
    const found = dynamicLookup(s, name, steps);
    if (found !== undefined) {
      if (found.kind === "object") return found.obj.delete(run, name);
      for (const { hops, scope } of steps) {
        if (scope.kind !== "with" && up(s, hops).x?.delete(name)) return true;
      }
      return false;
    }
    if (b !== undefined && !b.global) return false;
    if (s.f.overlay?.has(name)) return false;
    if (run.realm.globalLex.has(name)) return false;
    const g = run.realm.global;
    return g.delete(run, name);
  };
}
