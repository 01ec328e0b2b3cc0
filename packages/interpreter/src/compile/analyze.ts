/**
 * The scope-analysis walk (see scope.ts for the model). Over 600 lines on purpose: it is one
 * walk with a case per ESTree node kind, and reading how each kind declares and references
 * names in one place is what makes the analysis checkable. Produces, for every scope-creating node,
 * its Scope, and for every identifier reference (and private name), its Resolution.
 */
import type * as ES from "acorn";
import { Binding, type BindingKind, type Resolution, Scope, type ScopeKind } from "./scope.js";

export interface Analysis {
  root: Scope;
  /** Sloppy eval code: var and function names it declares in the caller's var scope. */
  evalVars: string[];
  evalFunctions: ES.FunctionDeclaration[];
  scopes: WeakMap<ES.Node, Scope>;
  refs: WeakMap<ES.Node, Resolution>;
}

type FunctionNode = ES.FunctionDeclaration | ES.FunctionExpression | ES.ArrowFunctionExpression;

export function hasUseStrict(body: readonly ES.Node[]): boolean {
  for (const s of body) {
    if (s.type !== "ExpressionStatement") return false;
    const d = (s as ES.ExpressionStatement & { directive?: string }).directive;
    if (d === undefined) return false;
    if (d === "use strict") return true;
  }
  return false;
}

/** Bound names of a binding pattern, in source order. */
export function boundNames(
  p: ES.Pattern | null | undefined,
  out: ES.Identifier[] = [],
): ES.Identifier[] {
  if (!p) return out;
  switch (p.type) {
    case "Identifier":
      out.push(p);
      break;
    case "ObjectPattern":
      for (const prop of p.properties) {
        if (prop.type === "RestElement") boundNames(prop.argument, out);
        else boundNames(prop.value, out);
      }
      break;
    case "ArrayPattern":
      for (const e of p.elements) boundNames(e, out);
      break;
    case "RestElement":
      boundNames(p.argument, out);
      break;
    case "AssignmentPattern":
      boundNames(p.left, out);
      break;
    default:
      break;
  }
  return out;
}

/** VarDeclaredNames of a statement list (not entering functions); `topFunctions` adds top-level function declarations. */
function collectVars(
  stmts: readonly ES.Node[],
  out: { vars: ES.Identifier[]; fns: ES.FunctionDeclaration[] },
  top: boolean,
): void {
  for (const s of stmts) collectVarsIn(s, out, top);
}

function collectVarsIn(
  s: ES.Node | null | undefined,
  out: { vars: ES.Identifier[]; fns: ES.FunctionDeclaration[] },
  top: boolean,
): void {
  if (!s) return;
  switch (s.type) {
    case "VariableDeclaration": {
      const d = s as ES.VariableDeclaration;
      if (d.kind === "var") for (const decl of d.declarations) boundNames(decl.id, out.vars);
      break;
    }
    case "FunctionDeclaration":
      if (top) out.fns.push(s as ES.FunctionDeclaration);
      break;
    case "BlockStatement":
      collectVars((s as ES.BlockStatement).body, out, false);
      break;
    case "IfStatement": {
      const n = s as ES.IfStatement;
      collectVarsIn(n.consequent, out, false);
      collectVarsIn(n.alternate, out, false);
      break;
    }
    case "ForStatement": {
      const n = s as ES.ForStatement;
      collectVarsIn(n.init, out, false);
      collectVarsIn(n.body, out, false);
      break;
    }
    case "ForInStatement":
    case "ForOfStatement": {
      const n = s as ES.ForInStatement;
      collectVarsIn(n.left, out, false);
      collectVarsIn(n.body, out, false);
      break;
    }
    case "WhileStatement":
    case "DoWhileStatement":
      collectVarsIn((s as ES.WhileStatement).body, out, false);
      break;
    case "LabeledStatement":
      collectVarsIn((s as ES.LabeledStatement).body, out, top);
      break;
    case "WithStatement":
      collectVarsIn((s as ES.WithStatement).body, out, false);
      break;
    case "TryStatement": {
      const n = s as ES.TryStatement;
      collectVarsIn(n.block, out, false);
      if (n.handler) collectVarsIn(n.handler.body, out, false);
      collectVarsIn(n.finalizer, out, false);
      break;
    }
    case "SwitchStatement":
      for (const c of (s as ES.SwitchStatement).cases) collectVars(c.consequent, out, false);
      break;
    case "ExportNamedDeclaration":
    case "ExportDefaultDeclaration":
      collectVarsIn((s as ES.ExportNamedDeclaration).declaration as ES.Node, out, top);
      break;
    default:
      break;
  }
}

/** LexicallyScopedDeclarations of a statement list. */
function collectLexical(
  stmts: readonly ES.Node[],
  functionsAreLexical: boolean,
): { names: [ES.Identifier, BindingKind][]; fns: ES.FunctionDeclaration[] } {
  const names: [ES.Identifier, BindingKind][] = [];
  const fns: ES.FunctionDeclaration[] = [];
  for (let s of stmts) {
    if (s.type === "ExportNamedDeclaration" || s.type === "ExportDefaultDeclaration") {
      const d = (s as ES.ExportNamedDeclaration).declaration;
      if (!d) continue;
      s = d as ES.Node;
    }
    while (s.type === "LabeledStatement") s = (s as ES.LabeledStatement).body;
    if (s.type === "VariableDeclaration") {
      const d = s as ES.VariableDeclaration;
      if (d.kind !== "var") {
        for (const decl of d.declarations) {
          for (const id of boundNames(decl.id))
            names.push([id, d.kind === "const" ? "const" : "let"]);
        }
      }
    } else if (s.type === "ClassDeclaration") {
      const c = s as ES.ClassDeclaration;
      if (c.id) names.push([c.id, "class"]);
    } else if (s.type === "FunctionDeclaration" && functionsAreLexical) {
      const f = s as ES.FunctionDeclaration;
      fns.push(f);
    }
  }
  return { names, fns };
}

export class Analyzer {
  readonly scopes = new WeakMap<ES.Node, Scope>();
  readonly refs = new WeakMap<ES.Node, Resolution>();
  private readonly pending: [ES.Node, string, Scope][] = [];
  private scope!: Scope;

  /** Analyzes a script, module or eval body. `outer` is the caller's scope for direct eval. */
  run(program: ES.Program, kind: ScopeKind, strict: boolean, outer: Scope | null): Analysis {
    const isStrict = strict || hasUseStrict(program.body);
    const root = new Scope(kind, outer, isStrict, program);
    this.scopes.set(program, root);
    this.scope = root;
    if (kind === "module") {
      for (const s of program.body) {
        if (s.type === "ImportDeclaration") {
          for (const spec of s.specifiers) {
            root.declare(
              spec.local.name,
              spec.type === "ImportNamespaceSpecifier" ? "const" : "import",
            );
          }
        }
      }
    }
    const vars = { vars: [] as ES.Identifier[], fns: [] as ES.FunctionDeclaration[] };
    collectVars(program.body, vars, true);
    const evalVars: string[] = [];
    const evalFunctions: ES.FunctionDeclaration[] = [];
    if (kind === "eval" && !isStrict) {
      for (const id of vars.vars) evalVars.push(id.name);
      for (const f of vars.fns) evalFunctions.push(f);
    } else {
      for (const id of vars.vars) root.declare(id.name, "var");
      for (const f of vars.fns) if (f.id) root.declare(f.id.name, "function");
    }
    const lex = collectLexical(program.body, false);
    for (const [id, k] of lex.names) root.declare(id.name, k);
    if (kind === "module") {
      for (const s of program.body) {
        if (s.type !== "ExportDefaultDeclaration") continue;
        const d = s.declaration;
        if (d.type === "FunctionDeclaration" && !d.id) root.declare("*default*", "function");
        else if (!((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id))
          root.declare("*default*", "let");
      }
    }
    for (const s of program.body) this.statement(s as ES.Statement);
    this.finish(root);
    return { root, scopes: this.scopes, refs: this.refs, evalVars, evalFunctions };
  }

  private push(kind: ScopeKind, node: ES.Node | null, strict = this.scope.strict): Scope {
    const s = new Scope(kind, this.scope, strict, node);
    if (node) this.scopes.set(node, s);
    this.scope = s;
    return s;
  }

  private pop(s: Scope): void {
    this.scope = s.parent as Scope;
  }

  private ref(node: ES.Node, name: string): void {
    this.pending.push([node, name, this.scope]);
  }

  // ---- statements ------------------------------------------------------------------------

  private statements(list: readonly ES.Node[]): void {
    for (const s of list) this.statement(s as ES.Statement);
  }

  /** Declares the lexical bindings of a block-like statement list in scope `s`. */
  private declareLexical(s: Scope, list: readonly ES.Node[]): void {
    const lex = collectLexical(list, true);
    for (const [id, k] of lex.names) s.declare(id.name, k);
    for (const f of lex.fns) {
      if (!f.id) continue;
      const b = s.declare(f.id.name, "function");
      if (!s.strict && !f.generator && !f.async) this.annexB(s, f.id.name, b);
    }
  }

  /** https://tc39.es/ecma262/#sec-block-level-function-declarations-web-legacy-compatibility-semantics */
  private annexB(block: Scope, name: string, b: Binding): void {
    let s = block.parent as Scope;
    const varScope = block.varScope;
    while (s !== varScope) {
      const other = s.bindings.get(name);
      if (other && other.kind !== "catch" && other.kind !== "var") return;
      if (other && other.kind === "catch") {
        /* catch parameters do not block Annex B hoisting (B.3.4) */
      }
      s = s.parent as Scope;
    }
    const existing = varScope.bindings.get(name);
    if (existing && (existing.lexical || existing.kind === "param")) return;
    if (name === "arguments" && varScope.kind === "function") return;
    if (varScope.kind === "function" && !varScope.hasSimpleParams) {
      const paramScope = varScope.parent;
      if (paramScope?.bindings.get(name)?.kind === "param") return;
    }
    b.annexB = varScope.declare(name, "var");
  }

  private statement(s: ES.Statement | ES.ModuleDeclaration | ES.Node): void {
    switch (s.type) {
      case "ExpressionStatement":
        this.expression((s as ES.ExpressionStatement).expression);
        return;
      case "VariableDeclaration":
        for (const d of (s as ES.VariableDeclaration).declarations) {
          this.pattern(d.id);
          if (d.init) this.expression(d.init);
        }
        return;
      case "FunctionDeclaration": {
        const id = (s as ES.FunctionDeclaration).id;
        if (id) this.ref(id, id.name);
        this.fn(s as ES.FunctionDeclaration);
        return;
      }
      case "ClassDeclaration": {
        const id = (s as ES.ClassDeclaration).id;
        if (id) this.ref(id, id.name);
        this.cls(s as ES.ClassDeclaration);
        return;
      }
      case "BlockStatement":
        this.block(s as ES.BlockStatement, (s as ES.BlockStatement).body);
        return;
      case "StaticBlock":
        this.block(s, (s as ES.StaticBlock).body);
        return;
      case "EmptyStatement":
      case "DebuggerStatement":
      case "BreakStatement":
      case "ContinueStatement":
        return;
      case "IfStatement": {
        const n = s as ES.IfStatement;
        this.expression(n.test);
        this.statement(n.consequent);
        if (n.alternate) this.statement(n.alternate);
        return;
      }
      case "LabeledStatement":
        this.statement((s as ES.LabeledStatement).body);
        return;
      case "WhileStatement":
      case "DoWhileStatement": {
        const n = s as ES.WhileStatement;
        this.expression(n.test);
        this.statement(n.body);
        return;
      }
      case "ReturnStatement":
      case "ThrowStatement": {
        const a = (s as ES.ReturnStatement).argument;
        if (a) this.expression(a);
        return;
      }
      case "WithStatement": {
        const n = s as ES.WithStatement;
        this.expression(n.object);
        const w = this.push("with", n);
        w.materialized = true;
        this.statement(n.body);
        this.pop(w);
        return;
      }
      case "ForStatement": {
        const n = s as ES.ForStatement;
        const lexicalInit = n.init?.type === "VariableDeclaration" && n.init.kind !== "var";
        const loop = lexicalInit ? this.push("block", n) : null;
        if (loop) this.declareLexical(loop, [n.init as ES.Node]);
        if (n.init) {
          if (n.init.type === "VariableDeclaration") this.statement(n.init);
          else this.expression(n.init);
        }
        if (n.test) this.expression(n.test);
        if (n.update) this.expression(n.update);
        this.statement(n.body);
        if (loop) this.pop(loop);
        return;
      }
      case "ForInStatement":
      case "ForOfStatement": {
        const n = s as ES.ForInStatement;
        const lexical = n.left.type === "VariableDeclaration" && n.left.kind !== "var";
        const loop = lexical ? this.push("block", n) : null;
        if (loop) this.declareLexical(loop, [n.left]);
        this.expression(n.right);
        if (n.left.type === "VariableDeclaration") {
          for (const d of n.left.declarations) {
            this.pattern(d.id);
            if (d.init) this.expression(d.init);
          }
        } else this.pattern(n.left as ES.Pattern);
        this.statement(n.body);
        if (loop) this.pop(loop);
        return;
      }
      case "SwitchStatement": {
        const n = s as ES.SwitchStatement;
        this.expression(n.discriminant);
        const all = n.cases.flatMap((c) => c.consequent);
        const sc = this.push("block", n);
        this.declareLexical(sc, all);
        for (const c of n.cases) {
          if (c.test) this.expression(c.test);
          this.statements(c.consequent);
        }
        this.pop(sc);
        return;
      }
      case "TryStatement": {
        const n = s as ES.TryStatement;
        this.statement(n.block);
        if (n.handler) {
          const h = n.handler;
          const cs = this.push("catch", h);
          for (const id of boundNames(h.param)) cs.declare(id.name, "catch");
          if (h.param) this.pattern(h.param);
          this.statement(h.body);
          this.pop(cs);
        }
        if (n.finalizer) this.statement(n.finalizer);
        return;
      }
      case "ImportDeclaration":
        return;
      case "ExportNamedDeclaration": {
        const n = s as ES.ExportNamedDeclaration;
        if (n.declaration) this.statement(n.declaration);
        else if (!n.source) {
          for (const spec of n.specifiers) {
            if (spec.local.type === "Identifier") this.ref(spec.local, spec.local.name);
          }
        }
        return;
      }
      case "ExportDefaultDeclaration": {
        const d = (s as ES.ExportDefaultDeclaration).declaration;
        if ((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id)
          this.statement(d);
        else if (d.type === "FunctionDeclaration") this.fn(d as unknown as ES.FunctionDeclaration);
        else if (d.type === "ClassDeclaration") this.cls(d as unknown as ES.ClassDeclaration);
        else this.expression(d as ES.Expression);
        this.ref(s, "*default*");
        return;
      }
      case "ExportAllDeclaration":
        return;
      default:
        throw new Error(`internal: analyze: unexpected statement ${s.type}`);
    }
  }

  private block(node: ES.Node, body: readonly ES.Node[]): void {
    const lex = collectLexical(body, true);
    if (lex.names.length === 0 && lex.fns.length === 0) {
      this.statements(body);
      return;
    }
    const b = this.push("block", node);
    this.declareLexical(b, body);
    this.statements(body);
    this.pop(b);
  }

  // ---- functions and classes -------------------------------------------------------------

  fn(
    node: FunctionNode,
    opts: { method?: boolean; ctor?: boolean; derived?: boolean } = {},
  ): Scope {
    const body = node.body;
    const strict = this.scope.strict || (body.type === "BlockStatement" && hasUseStrict(body.body));
    const fs = this.push("function", node, strict);
    fs.isArrow = node.type === "ArrowFunctionExpression";
    fs.isMethod = opts.method === true;
    fs.isClassConstructor = opts.ctor === true;
    fs.isDerived = opts.derived === true;
    fs.hasSimpleParams = node.params.every((p) => p.type === "Identifier");
    for (const p of node.params) {
      for (const id of boundNames(p)) fs.declare(id.name, "param").tdzParam = !fs.hasSimpleParams;
    }
    let varScope = fs;
    if (!fs.hasSimpleParams) {
      varScope = new Scope("body", fs, strict, body);
      this.scopes.set(body, varScope);
    }
    if (body.type === "BlockStatement") {
      const vars = { vars: [] as ES.Identifier[], fns: [] as ES.FunctionDeclaration[] };
      collectVars(body.body, vars, true);
      for (const id of vars.vars) varScope.declare(id.name, "var");
      for (const f of vars.fns) if (f.id) varScope.declare(f.id.name, "function");
      const lex = collectLexical(body.body, false);
      for (const [id, k] of lex.names) varScope.declare(id.name, k);
    }
    if (
      node.type === "FunctionExpression" &&
      node.id &&
      !fs.bindings.has(node.id.name) &&
      !varScope.bindings.has(node.id.name)
    ) {
      fs.declare(node.id.name, "callee");
    }
    for (const p of node.params) this.pattern(p);
    this.scope = varScope;
    if (body.type === "BlockStatement") this.statements(body.body);
    else this.expression(body);
    this.scope = fs;
    this.pop(fs);
    return fs;
  }

  private cls(node: ES.Class): void {
    const cs = this.push("class", node, true);
    if (node.id) cs.declare(node.id.name, "const");
    for (const el of node.body.body) {
      if (
        (el.type === "MethodDefinition" || el.type === "PropertyDefinition") &&
        el.key.type === "PrivateIdentifier"
      ) {
        cs.declare(`#${el.key.name}`, "private");
      }
    }
    if (node.superClass) this.expression(node.superClass);
    for (const el of node.body.body) {
      if (el.type === "MethodDefinition") {
        if (el.computed) this.expression(el.key as ES.Expression);
        this.fn(el.value, {
          method: true,
          ctor: el.kind === "constructor",
          derived: el.kind === "constructor" && node.superClass != null,
        });
      } else if (el.type === "PropertyDefinition") {
        if (el.computed) this.expression(el.key as ES.Expression);
        if (el.value) {
          const fs = this.push("function", el, true);
          fs.isFieldInit = true;
          fs.isMethod = true;
          this.expression(el.value);
          this.pop(fs);
        }
      } else if (el.type === "StaticBlock") {
        const fs = this.push("function", el, true);
        fs.isFieldInit = true;
        fs.isMethod = true;
        const vars = { vars: [] as ES.Identifier[], fns: [] as ES.FunctionDeclaration[] };
        collectVars(el.body, vars, true);
        for (const id of vars.vars) fs.declare(id.name, "var");
        for (const f of vars.fns) if (f.id) fs.declare(f.id.name, "function");
        const lex = collectLexical(el.body, false);
        for (const [id, k] of lex.names) fs.declare(id.name, k);
        this.statements(el.body);
        this.pop(fs);
      }
    }
    this.pop(cs);
  }

  // ---- expressions and patterns ----------------------------------------------------------

  private pattern(p: ES.Pattern): void {
    switch (p.type) {
      case "Identifier":
        this.ref(p, p.name);
        return;
      case "MemberExpression":
        this.expression(p);
        return;
      case "ObjectPattern":
        for (const prop of p.properties) {
          if (prop.type === "RestElement") this.pattern(prop.argument);
          else {
            if (prop.computed) this.expression(prop.key as ES.Expression);
            this.pattern(prop.value);
          }
        }
        return;
      case "ArrayPattern":
        for (const e of p.elements) if (e) this.pattern(e);
        return;
      case "RestElement":
        this.pattern(p.argument);
        return;
      case "AssignmentPattern":
        this.pattern(p.left);
        this.expression(p.right);
        return;
      default:
        this.expression(p as ES.Expression);
    }
  }

  private expression(e: ES.Expression | ES.Super | ES.PrivateIdentifier | ES.SpreadElement): void {
    switch (e.type) {
      case "Identifier":
        this.ref(e, e.name);
        return;
      case "Literal":
      case "Super":
      case "MetaProperty":
        return;
      case "ThisExpression":
        this.scope.thisScope.usesThis = true;
        return;
      case "PrivateIdentifier":
        this.ref(e, `#${e.name}`);
        return;
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        this.fn(e);
        return;
      case "ClassExpression":
        this.cls(e);
        return;
      case "MemberExpression":
        this.expression(e.object);
        if (e.computed || e.property.type === "PrivateIdentifier") {
          this.expression(e.property as ES.Expression);
        }
        return;
      case "ObjectExpression":
        for (const p of e.properties) {
          if (p.type === "SpreadElement") this.expression(p.argument);
          else {
            if (p.computed) this.expression(p.key as ES.Expression);
            this.expression(p.value as ES.Expression);
          }
        }
        return;
      case "ArrayExpression":
        for (const el of e.elements) if (el) this.expression(el);
        return;
      case "SpreadElement":
        this.expression(e.argument);
        return;
      case "AssignmentExpression":
        this.pattern(e.left);
        this.expression(e.right);
        return;
      case "CallExpression":
        if (e.callee.type === "Identifier" && e.callee.name === "eval") this.directEval();
        this.expression(e.callee);
        for (const a of e.arguments) this.expression(a);
        return;
      case "NewExpression":
        this.expression(e.callee);
        for (const a of e.arguments) this.expression(a);
        return;
      case "UnaryExpression":
      case "UpdateExpression":
      case "AwaitExpression":
        this.expression(e.argument as ES.Expression);
        return;
      case "YieldExpression":
        if (e.argument) this.expression(e.argument);
        return;
      case "BinaryExpression":
      case "LogicalExpression":
        this.expression(e.left as ES.Expression);
        this.expression(e.right);
        return;
      case "ConditionalExpression":
        this.expression(e.test);
        this.expression(e.consequent);
        this.expression(e.alternate);
        return;
      case "SequenceExpression":
        for (const x of e.expressions) this.expression(x);
        return;
      case "TemplateLiteral":
        for (const x of e.expressions) this.expression(x);
        return;
      case "TaggedTemplateExpression":
        this.expression(e.tag);
        for (const x of e.quasi.expressions) this.expression(x);
        return;
      case "ChainExpression":
        this.expression(e.expression);
        return;
      case "ParenthesizedExpression":
        this.expression(e.expression);
        return;
      case "ImportExpression":
        this.expression(e.source);
        if (e.options) this.expression(e.options);
        return;
      default:
        throw new Error(`internal: analyze: unexpected expression ${(e as ES.Node).type}`);
    }
  }

  /** A call `eval(...)`: may be a direct eval, which sees (and may extend) every enclosing scope. */
  private directEval(): void {
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) s.containsEval = true;
    if (!this.scope.strict) this.scope.varScope.dynamicVars = true;
  }

  // ---- resolution and slot assignment -----------------------------------------------------

  private finish(root: Scope): void {
    for (const [node, name, from] of this.pending) this.refs.set(node, this.resolve(name, from));
    this.pending.length = 0;
    this.layout(root);
  }

  private resolve(name: string, from: Scope): Resolution {
    const dynamic: Scope[] = [];
    let crossed = false;
    for (let s: Scope | null = from; s !== null; s = s.parent) {
      let b = s.bindings.get(name);
      if (
        b === undefined &&
        name === "arguments" &&
        s.kind === "function" &&
        !s.isArrow &&
        !s.isFieldInit
      ) {
        b = this.argumentsOf(s);
      }
      if (b !== undefined) {
        if (crossed || s.containsEval) b.captured = true;
        if (name === "arguments" && b.kind === "var" && s.kind === "body") {
          /* `var arguments` in a function with parameter expressions: the body var */
        }
        return { name, binding: b, dynamic, from };
      }
      if (s.kind === "with" || s.dynamicVars) dynamic.push(s);
      if (s.kind === "function") crossed = true;
    }
    return { name, binding: undefined, dynamic, from };
  }

  private argumentsOf(fs: Scope): Binding {
    let b = fs.argumentsBinding;
    if (b === undefined) {
      b = new Binding("arguments", "arguments", fs);
      fs.bindings.set("arguments", b);
      fs.argumentsBinding = b;
    }
    return b;
  }

  /** Decides which scopes get runtime environments and assigns every binding its slot. */
  private layout(s: Scope): void {
    if (s.kind === "function" && !s.isArrow && !s.isFieldInit && s.containsEval)
      this.argumentsOf(s);
    if (
      s.kind === "function" ||
      s.kind === "script" ||
      s.kind === "module" ||
      s.kind === "eval" ||
      s.kind === "with"
    ) {
      s.materialized = true;
    } else if (s.containsEval) {
      s.materialized = true;
    } else {
      for (const b of s.bindings.values()) {
        if (b.captured) {
          s.materialized = true;
          break;
        }
      }
    }
    if (s.kind === "with") s.nslots = 1;
    for (const b of s.bindings.values()) {
      if (b.global) continue;
      if (s.containsEval) b.captured = true;
      const env = s.env;
      b.slot = env.nslots++;
    }
    for (const c of s.children) this.layout(c);
  }
}

export function analyzeProgram(
  program: ES.Program,
  kind: ScopeKind,
  strict: boolean,
  outer: Scope | null = null,
): Analysis {
  return new Analyzer().run(program, kind, strict, outer);
}
