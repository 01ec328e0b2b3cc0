/**
 * Scope analysis: resolves every identifier to a binding and every binding to a frame slot.
 *
 * One walk builds the scope tree and hoists each scope's declarations at its entry; references
 * are collected and resolved after the walk, when every scope (and every direct `eval` or `with`
 * that makes resolution dynamic) is known. Then each scope decides whether it needs its own
 * runtime environment: function-like scopes always do; block, catch and class scopes only when
 * a closure captures one of their bindings or a direct eval can see them — otherwise their
 * bindings become extra slots of the enclosing environment, so most blocks and loop bodies cost
 * nothing at run time.
 */
import type * as ES from "acorn";

export type ScopeKind =
  | "script"
  | "module"
  | "eval"
  | "function"
  | "body"
  | "block"
  | "catch"
  | "class"
  | "with";

export type BindingKind =
  | "var"
  | "let"
  | "const"
  | "class"
  | "function"
  | "param"
  | "catch"
  | "callee"
  | "arguments"
  | "import"
  | "private";

export class Binding {
  captured = false;
  slot = -1;
  /** Script-level declarations live on the global object / global lexical environment. */
  global = false;
  /** Annex B: the var binding a block-level function declaration also assigns. */
  annexB: Binding | undefined;
  /**
   * A parameter of a function with parameter expressions: initialized in order, so a default
   * that reads a later parameter (or itself) is a ReferenceError
   * (https://tc39.es/ecma262/#sec-functiondeclarationinstantiation steps 20–21, 25).
   */
  tdzParam = false;
  constructor(
    readonly name: string,
    readonly kind: BindingKind,
    readonly scope: Scope,
  ) {}

  get lexical(): boolean {
    return this.kind === "let" || this.kind === "const" || this.kind === "class";
  }

  /** Whether reads must check for an uninitialized binding. */
  get tdz(): boolean {
    return this.lexical || this.kind === "import" || this.tdzParam;
  }

  get immutable(): boolean {
    return this.kind === "const" || this.kind === "callee" || this.kind === "import";
  }
}

export class Scope {
  readonly bindings = new Map<string, Binding>();
  readonly children: Scope[] = [];
  materialized = false;
  nslots = 0;
  /** A direct eval in this scope or a nested non-function scope: everything must stay visible. */
  containsEval = false;
  /** Var scope of a sloppy function with a direct eval: eval may add `var` bindings at run time. */
  dynamicVars = false;
  /** For function scopes. */
  isArrow = false;
  /** Class field initializers and static blocks: `this` is the instance, `arguments` forbidden. */
  isFieldInit = false;
  isMethod = false;
  isClassConstructor = false;
  isDerived = false;
  hasSimpleParams = true;
  argumentsBinding: Binding | undefined;
  usesThis = false;
  /** Bindings of names declared with `var` or function in this var scope (for eval conflict checks). */
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    readonly strict: boolean,
    readonly node: ES.Node | null,
  ) {
    parent?.children.push(this);
  }

  /** The scope whose activation runs this code: function, script, module or eval. */
  get closure(): Scope {
    let s: Scope = this;
    while (
      s.kind !== "function" &&
      s.kind !== "script" &&
      s.kind !== "module" &&
      s.parent !== null
    ) {
      s = s.parent;
    }
    return s;
  }

  /** Where `var` declarations of code in this scope go. */
  get varScope(): Scope {
    let s: Scope = this;
    while (
      s.kind !== "function" &&
      s.kind !== "body" &&
      s.kind !== "script" &&
      s.kind !== "module" &&
      !(s.kind === "eval" && s.strict) &&
      s.parent !== null
    ) {
      s = s.parent;
    }
    if (s.kind === "function" && !s.hasSimpleParams) {
      const body = s.children.find((c) => c.kind === "body");
      if (body) return body;
    }
    return s;
  }

  /** The nearest scope that has a runtime environment (after materialization). */
  get env(): Scope {
    let s: Scope = this;
    while (!s.materialized) s = s.parent as Scope;
    return s;
  }

  /** The function scope providing `this`, `arguments`, `new.target` and `super` here. */
  get thisScope(): Scope {
    let s: Scope = this.closure;
    while (s.kind === "function" && s.isArrow) s = (s.parent as Scope).closure;
    return s;
  }

  declare(name: string, kind: BindingKind): Binding {
    const existing = this.bindings.get(name);
    if (existing !== undefined) {
      if (
        kind === "function" &&
        (existing.kind === "var" || existing.kind === "function" || existing.kind === "param")
      ) {
        return existing;
      }
      if (kind === "var") return existing;
      return existing;
    }
    const b = new Binding(name, kind, this);
    if (this.kind === "script" && kind !== "private") b.global = true;
    this.bindings.set(name, b);
    return b;
  }
}

/** How an identifier reference resolves. */
export interface Resolution {
  name: string;
  /** The static binding, or undefined for a global (declared at script level or not at all). */
  binding: Binding | undefined;
  /** `with` scopes and eval-extensible var scopes passed on the way, innermost first. */
  dynamic: Scope[];
  /** The scope the reference appears in. */
  from: Scope;
}

/** Number of runtime environments between scope `from` and the environment of `to`. */
export function hopsBetween(from: Scope, to: Scope): number {
  let s = from.env;
  const target = to.env;
  let n = 0;
  while (s !== target) {
    s = (s.parent as Scope).env;
    n++;
  }
  return n;
}
