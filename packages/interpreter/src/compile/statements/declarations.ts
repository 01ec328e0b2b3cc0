/** Variable, function and class declarations. */
import type * as ES from "acorn";
import { compileClass } from "../class.js";
import { type Ctx, NOOP, type Stmt } from "../context.js";
import { compileBinding, compileInitializer } from "../patterns.js";
import { compileAssign, compileInit, compileRead } from "../references.js";

export function VariableDeclaration(node: ES.VariableDeclaration, ctx: Ctx): Stmt {
  const parts: Stmt[] = [];
  for (const d of node.declarations) {
    if (d.init == null) {
      if (node.kind === "var") continue;
      const init = compileInit(ctx, d.id as ES.Identifier);
      parts.push((s) => {
        init(s, undefined);
        return 0;
      });
      continue;
    }
    const value = compileInitializer(ctx, d.id, d.init);
    const bind = compileBinding(ctx, d.id, node.kind === "var" ? "assign" : "init");
    parts.push((s) => {
      bind(s, value(s));
      return 0;
    });
  }
  if (parts.length === 1) return parts[0] as Stmt;
  return (s) => {
    for (const p of parts) p(s);
    return 0;
  };
}

/**
 * A function declaration was instantiated when its scope was entered; evaluating it does
 * nothing, except that Annex B copies a block-level function to its var binding here.
 */
export function FunctionDeclaration(node: ES.FunctionDeclaration, ctx: Ctx): Stmt {
  const id = node.id;
  if (!id) return NOOP;
  const scope = ctx.scope;
  const b = scope.bindings.get(id.name);
  if (b?.annexB === undefined) return NOOP;
  const read = compileRead(ctx, id);
  const varScope = b.annexB.scope;
  const write = ctx.within(varScope, () => compileAssignAt(ctx, id));
  const hops = hopsUp(scope, varScope);
  return (s) => {
    write(upEnv(s, hops), read(s));
    return 0;
  };
}

function compileAssignAt(ctx: Ctx, id: ES.Identifier) {
  const fake = { start: id.start, name: id.name };
  ctx.an.refs.set(fake as never, {
    name: id.name,
    binding: ctx.scope.bindings.get(id.name),
    dynamic: [],
    from: ctx.scope,
  });
  return compileAssign(ctx, fake);
}

import { up as upEnv } from "../references.js";
import { hopsBetween, type Scope } from "../scope.js";

function hopsUp(from: Scope, to: Scope): number {
  return hopsBetween(from, to);
}

export function ClassDeclaration(node: ES.ClassDeclaration, ctx: Ctx): Stmt {
  const cls = compileClass(ctx, node, node.id?.name ?? "default");
  const init = compileInit(ctx, node.id as ES.Identifier);
  return (s) => {
    init(s, cls(s));
    return 0;
  };
}
