/**
 * Shared types of the compiler: compiled closures and the compile context.
 *
 * Expressions compile to `(env) => value`; statements to `(env) => completion`, where the
 * completion is a small integer and break/continue labels and return values travel on the
 * frame. Guest `throw` is a host exception (ThrowSignal). Nothing here allocates per node at run
 * time: closures are created once, at compile time.
 */
import type * as ES from "acorn";
import type { SourceFile } from "../parse/source.js";
import type { Env } from "../runtime/frame.js";
import type { Value } from "../values/value.js";
import type { Analysis } from "./analyze.js";
import type { Scope } from "./scope.js";

export type Expr = (s: Env) => Value;
export type Stmt = (s: Env) => number;

export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;

/** A statement that does nothing when evaluated (hoisted declarations); lists drop it. */
export const NOOP: Stmt = () => NORMAL;

export class Ctx {
  /** Labels that apply to the next iteration statement (for `continue label`). */
  pendingLabels: string[] = [];

  constructor(
    readonly an: Analysis,
    readonly source: SourceFile,
    public scope: Scope,
    /** Whether statements record the completion value (script and eval code). */
    public completion: boolean,
  ) {}

  scopeOf(node: ES.Node): Scope | undefined {
    return this.an.scopes.get(node);
  }

  /** Runs `f` with `scope` as the current scope. */
  within<T>(scope: Scope | undefined, f: () => T): T {
    if (scope === undefined) return f();
    const saved = this.scope;
    this.scope = scope;
    try {
      return f();
    } finally {
      this.scope = saved;
    }
  }

  get strict(): boolean {
    return this.scope.strict;
  }
}

/** The text of a node, for messages such as "x.y is not a function". */
export function nodeText(ctx: Ctx, node: ES.Node): string {
  const t = ctx.source.text.slice(node.start, node.end);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
