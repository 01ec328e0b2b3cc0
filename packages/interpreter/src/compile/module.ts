/**
 * (Over 600 lines: module records, linking and synchronous and asynchronous evaluation share the
 * records' private state, so they stay together.)
 *
 * ES modules (https://tc39.es/ecma262/#sec-source-text-module-records): loading through a
 * resolver, linking (live import bindings, `export *`, cycles) and evaluation in dependency
 * order. Each sandbox keeps its own module map.
 */
import type * as ES from "acorn";
import { thenHost } from "../intrinsics/promise-ops.js";
import { findViolation } from "../parse/feature-policy.js";
import { ParseFailure, parseProgram } from "../parse/parse.js";
import { SourceFile } from "../parse/source.js";
import type { Realm } from "../realm/realm.js";
import { Env, Frame } from "../runtime/frame.js";
import { popFrame, pushFrame, type Suspend } from "../runtime/generator.js";
import type { Run } from "../runtime/run.js";
import { ThrowSignal, throwSyntaxError } from "../runtime/throw.js";
import { type ExportCell, ModuleNamespace } from "../values/module-namespace.js";
import type { Slot, Value } from "../values/value.js";
import { analyzeProgram } from "./analyze.js";
import { Ctx, type Stmt } from "./context.js";
import { CompileError, PolicyViolation } from "./evaluate.js";
import { compileFunctionExpr } from "./function-expr.js";
import {
  compileHoistedFunctions,
  compileStatements,
  hoistableFunctions,
  slotTemplate,
} from "./functions.js";
import { ImportCell } from "./references.js";
import { compileRStatements, type RStmt } from "./resumable/statements.js";
import { hasSuspend } from "./resumable/suspend-points.js";
import type { Scope } from "./scope.js";
import { UnsupportedSyntax } from "./unsupported.js";

/** How `import` specifiers are found. */
export interface ModuleResolver {
  /** Module sources by path (specifiers are resolved relative to the importing module). */
  files?: Record<string, string>;
  /** Host-provided modules: specifier → exports (data and functions, crossing the membrane). */
  externals?: Record<string, Record<string, unknown>>;
  /** Custom resolution, tried first. */
  resolve?: (
    specifier: string,
    referrer: string,
  ) =>
    | { path: string; source: string }
    | { path: string; exports: Record<string, unknown> }
    | undefined;
}

type Status = "new" | "linked" | "evaluating" | "evaluated" | "errored";

interface Binding {
  module: ModuleRecord;
  slot: number;
}

export abstract class ModuleRecord {
  status: Status = "new";
  env!: Env;
  error: unknown;
  namespace: ModuleNamespace | undefined;
  constructor(readonly path: string) {}
  abstract exportNames(seen?: Set<ModuleRecord>): string[];
  abstract resolveExport(
    name: string,
    seen?: Set<string>,
  ): Binding | "namespace" | null | "ambiguous";
}

class SyntheticModule extends ModuleRecord {
  constructor(
    path: string,
    readonly slots: Map<string, number>,
  ) {
    super(path);
  }

  exportNames(): string[] {
    return [...this.slots.keys()];
  }

  resolveExport(name: string): Binding | null {
    const slot = this.slots.get(name);
    return slot === undefined ? null : { module: this, slot };
  }
}

interface ImportEntry {
  specifier: string;
  importName: string;
  slot: number;
}

class SourceModule extends ModuleRecord {
  readonly requests: string[] = [];
  readonly imports: ImportEntry[] = [];
  readonly localExports = new Map<string, number>();
  readonly indirectExports = new Map<string, { specifier: string; importName: string }>();
  readonly starExports: string[] = [];
  readonly resolved = new Map<string, ModuleRecord>();
  hoisted: ((s: Env) => void) | undefined;
  body!: Stmt;
  /** The body in resumable form when the module uses top-level await. */
  rbody: RStmt | undefined;
  /** Settles when an asynchronous evaluation of this module finishes. */
  pending: Promise<void> | undefined;
  /** The resolver the module was loaded with, for its dynamic imports. */
  resolver: ModuleResolver = {};
  slotInit!: Slot[];

  constructor(
    path: string,
    readonly source: SourceFile,
  ) {
    super(path);
  }

  exportNames(seen = new Set<ModuleRecord>()): string[] {
    if (seen.has(this)) return [];
    seen.add(this);
    const names = [...this.localExports.keys(), ...this.indirectExports.keys()];
    for (const spec of this.starExports) {
      const m = this.resolved.get(spec) as ModuleRecord;
      for (const n of m.exportNames(seen)) if (n !== "default" && !names.includes(n)) names.push(n);
    }
    return names;
  }

  /** https://tc39.es/ecma262/#sec-resolveexport */
  resolveExport(
    name: string,
    seen = new Set<string>(),
  ): Binding | "namespace" | null | "ambiguous" {
    const key = `${this.path}\u0000${name}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const local = this.localExports.get(name);
    if (local !== undefined) return { module: this, slot: local };
    const indirect = this.indirectExports.get(name);
    if (indirect !== undefined) {
      const m = this.resolved.get(indirect.specifier) as ModuleRecord;
      if (indirect.importName === "*") return namespaceOf(m);
      return m.resolveExport(indirect.importName, seen);
    }
    if (name === "default") return null;
    let star: Binding | "namespace" | null = null;
    for (const spec of this.starExports) {
      const m = this.resolved.get(spec) as ModuleRecord;
      const r = m.resolveExport(name, seen);
      if (r === "ambiguous") return r;
      if (r === null) continue;
      if (star === null) star = r;
      else if (
        r === "namespace" ||
        star === "namespace" ||
        r.module !== star.module ||
        r.slot !== star.slot
      )
        return "ambiguous";
    }
    return star;
  }
}

function namespaceOf(_m: ModuleRecord): "namespace" {
  return "namespace";
}

function exportName(n: ES.Identifier | ES.Literal): string {
  return n.type === "Identifier" ? n.name : String(n.value);
}

/** Resolves `spec` relative to `referrer` like a path ("./a.js" from "dir/b.js" → "dir/a.js"). */
export function resolvePath(spec: string, referrer: string): string {
  if (!spec.startsWith("./") && !spec.startsWith("../") && !spec.startsWith("/")) return spec;
  const base = spec.startsWith("/") ? [] : referrer.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") base.pop();
    else base.push(part);
  }
  return base.join("/");
}

export class ModuleLoader {
  readonly map = new Map<string, ModuleRecord>();

  constructor(
    private readonly realm: Realm,
    private readonly importHost: (run: Run, v: unknown, path: string) => Value,
  ) {}

  /** Loads, links and evaluates the module graph rooted at `source`; returns its namespace. */
  evaluate(run: Run, source: string, path: string, resolver: ModuleResolver): ModuleNamespace {
    let root = this.map.get(path);
    if (!(root instanceof SourceModule) || root.source.text !== source) {
      root = this.parse(run, path, source);
      this.map.set(path, root);
    }
    this.loadRequests(run, root, resolver);
    this.link(run, root, new Set());
    this.run(run, root);
    return this.namespace(run, root);
  }

  /**
   * Like evaluate, for graphs that may contain top-level await: each module waits for its
   * dependencies, and a module with top-level await runs its body through promise jobs. `drain`
   * runs the job queue (the sandbox's). Resolves with the root's namespace.
   */
  async evaluateAsync(
    run: Run,
    source: string | undefined,
    path: string,
    resolver: ModuleResolver,
    drain: () => void,
    referrer?: string,
  ): Promise<ModuleNamespace> {
    let root: ModuleRecord;
    if (source !== undefined) {
      const existing = this.map.get(path);
      if (!(existing instanceof SourceModule) || existing.source.text !== source) {
        root = this.parse(run, path, source);
        this.map.set(path, root);
      } else root = existing;
    } else root = this.load(run, path, referrer ?? "", resolver);
    if (root instanceof SourceModule && root.status === "new") root.resolver = resolver;
    this.loadRequests(run, root, resolver);
    this.link(run, root, new Set());
    await this.runAsync(run, root, drain, new Set());
    return this.namespace(run, root);
  }

  private async runAsync(
    run: Run,
    m: ModuleRecord,
    drain: () => void,
    stack: Set<ModuleRecord>,
  ): Promise<void> {
    if (!(m instanceof SourceModule)) return;
    if (m.status === "errored") throw m.error;
    if (m.status === "evaluated" || stack.has(m)) return;
    if (m.pending) return m.pending;
    if (!m.rbody && !this.anyAsync(m, new Set())) {
      this.run(run, m);
      return;
    }
    stack.add(m);
    m.status = "evaluating";
    m.pending = (async () => {
      try {
        for (const dep of m.resolved.values()) await this.runAsync(run, dep, drain, stack);
        if (m.rbody) await this.runBodyAsync(run, m, drain);
        else this.runBody(run, m);
        m.status = "evaluated";
      } catch (e) {
        m.status = "errored";
        m.error = e;
        throw e;
      }
    })();
    return m.pending;
  }

  /** Whether `m` or a module it imports (not yet evaluated) uses top-level await. */
  private anyAsync(m: ModuleRecord, seen: Set<ModuleRecord>): boolean {
    if (!(m instanceof SourceModule) || seen.has(m) || m.status === "evaluated") return false;
    seen.add(m);
    if (m.rbody || m.pending) return true;
    for (const dep of m.resolved.values()) if (this.anyAsync(dep, seen)) return true;
    return false;
  }

  private runBody(run: Run, m: SourceModule): void {
    const frame = m.env as Frame;
    const saved = run.frame;
    frame.run = run;
    run.frame = frame;
    try {
      m.body(frame);
    } finally {
      run.frame = saved;
    }
  }

  /** Runs a top-level-await body, resuming in promise jobs. */
  private runBodyAsync(run: Run, m: SourceModule, drain: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const frame = m.env as Frame;
      const body = (m.rbody as RStmt)(frame);
      const step = (r: Run, resume: (b: typeof body) => IteratorResult<Suspend, number>): void => {
        let res: IteratorResult<Suspend, number>;
        pushFrame(r, frame);
        try {
          res = resume(body);
        } catch (e) {
          reject(e);
          return;
        } finally {
          popFrame(r, frame);
        }
        if (res.done) {
          resolve();
          return;
        }
        thenHost(
          r,
          res.value.value,
          (v, rr) => step(rr, (b) => b.next(v)),
          (e, rr) => step(rr, (b) => b.throw(new ThrowSignal(e))),
        );
      };
      step(run, (b) => b.next());
      drain();
    });
  }

  private parse(run: Run, path: string, text: string): SourceModule {
    const source = new SourceFile(path, text);
    try {
      const program = parseProgram(source, { module: true });
      const refused = findViolation(program, path, run.policy.features, run.policy.validators);
      if (refused !== undefined) throw new PolicyViolation(refused.message, source, refused.pos);
      const an = analyzeProgram(program, "module", true);
      const m = new SourceModule(path, source);
      this.collect(m, program, an.root);
      const ctx = new Ctx(an, source, an.root, false);
      const fns = hoistableFunctions(program.body).filter((f) => f.id);
      const hoisted = compileHoistedFunctions(ctx, fns);
      const anonDefault = program.body.find(
        (s): s is ES.ExportDefaultDeclaration =>
          s.type === "ExportDefaultDeclaration" &&
          s.declaration.type === "FunctionDeclaration" &&
          !s.declaration.id,
      );
      if (anonDefault) {
        const create = compileFunctionExpr(
          anonDefault.declaration as ES.FunctionDeclaration,
          ctx,
          "default",
        );
        const slot = (an.root.bindings.get("*default*") as { slot: number }).slot;
        m.hoisted = (s) => {
          hoisted?.(s);
          s.v[slot] = create(s);
        };
      } else m.hoisted = hoisted;
      if (hasSuspend(program)) m.rbody = compileRStatements(ctx, program.body);
      else m.body = compileStatements(ctx, program.body);
      m.slotInit = slotTemplate(an.root);
      return m;
    } catch (e) {
      if (e instanceof ParseFailure || e instanceof UnsupportedSyntax)
        throw new CompileError(e.message, source, e.pos);
      throw e;
    }
  }

  private collect(m: SourceModule, program: ES.Program, root: Scope): void {
    const request = (spec: string) => {
      if (!m.requests.includes(spec)) m.requests.push(spec);
    };
    const slotOf = (name: string) => (root.bindings.get(name) as { slot: number }).slot;
    for (const s of program.body) {
      if (s.type === "ImportDeclaration") {
        const spec = String(s.source.value);
        request(spec);
        for (const sp of s.specifiers) {
          const importName =
            sp.type === "ImportNamespaceSpecifier"
              ? "*"
              : sp.type === "ImportDefaultSpecifier"
                ? "default"
                : exportName(sp.imported);
          m.imports.push({ specifier: spec, importName, slot: slotOf(sp.local.name) });
        }
      } else if (s.type === "ExportNamedDeclaration") {
        if (s.declaration) {
          const d = s.declaration;
          const names =
            d.type === "VariableDeclaration"
              ? d.declarations.flatMap((x) => boundNamesOf(x.id))
              : [(d as ES.FunctionDeclaration | ES.ClassDeclaration).id?.name as string];
          for (const n of names) m.localExports.set(n, slotOf(n));
        } else if (s.source) {
          const spec = String(s.source.value);
          request(spec);
          for (const sp of s.specifiers) {
            m.indirectExports.set(exportName(sp.exported), {
              specifier: spec,
              importName: exportName(sp.local),
            });
          }
        } else {
          for (const sp of s.specifiers) {
            const local = exportName(sp.local);
            const imp = m.imports.find(
              (i) => i.slot === slotOf(local) && root.bindings.get(local)?.kind === "import",
            );
            if (imp)
              m.indirectExports.set(exportName(sp.exported), {
                specifier: imp.specifier,
                importName: imp.importName,
              });
            else m.localExports.set(exportName(sp.exported), slotOf(local));
          }
        }
      } else if (s.type === "ExportDefaultDeclaration") {
        const d = s.declaration;
        const id =
          (d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id
            ? d.id.name
            : "*default*";
        m.localExports.set("default", slotOf(id));
      } else if (s.type === "ExportAllDeclaration") {
        const spec = String(s.source.value);
        request(spec);
        if (s.exported)
          m.indirectExports.set(exportName(s.exported), { specifier: spec, importName: "*" });
        else m.starExports.push(spec);
      }
    }
  }

  private loadRequests(run: Run, m: ModuleRecord, resolver: ModuleResolver): void {
    if (!(m instanceof SourceModule)) return;
    for (const spec of m.requests) {
      if (m.resolved.has(spec)) continue;
      const dep = this.load(run, spec, m.path, resolver);
      m.resolved.set(spec, dep);
      this.loadRequests(run, dep, resolver);
    }
  }

  load(run: Run, spec: string, referrer: string, resolver: ModuleResolver): ModuleRecord {
    const custom = resolver.resolve?.(spec, referrer);
    if (custom !== undefined) {
      const existing = this.map.get(custom.path);
      if (existing) return existing;
      const m =
        "source" in custom
          ? this.parse(run, custom.path, custom.source)
          : this.synthetic(run, custom.path, custom.exports);
      this.map.set(custom.path, m);
      return m;
    }
    const external = resolver.externals?.[spec];
    if (external !== undefined) {
      const existing = this.map.get(spec);
      if (existing) return existing;
      const m = this.synthetic(run, spec, external);
      this.map.set(spec, m);
      return m;
    }
    const path = resolvePath(spec, referrer);
    const existing = this.map.get(path);
    if (existing) return existing;
    const text = resolver.files?.[path];
    if (text === undefined)
      return throwSyntaxError(run, `Cannot find module '${spec}' imported from ${referrer}`);
    const m = this.parse(run, path, text);
    m.resolver = resolver;
    this.map.set(path, m);
    return m;
  }

  private synthetic(run: Run, path: string, exports: Record<string, unknown>): SyntheticModule {
    const names = Object.keys(exports);
    const slots = new Map<string, number>();
    const values: Slot[] = [];
    names.forEach((n, i) => {
      slots.set(n, i);
      values.push(this.importHost(run, exports[n], `${path}.${n}`));
    });
    const m = new SyntheticModule(path, slots);
    m.env = new Frame(
      values,
      null,
      run,
      { name: "", source: new SourceFile(path, ""), start: 0 },
      undefined,
      undefined,
      undefined,
      [],
      null,
    );
    m.status = "evaluated";
    return m;
  }

  /** InitializeEnvironment for the graph: environments, import bindings, hoisted functions. */
  private link(run: Run, m: ModuleRecord, visiting: Set<ModuleRecord>): void {
    if (!(m instanceof SourceModule) || m.status !== "new" || visiting.has(m)) return;
    visiting.add(m);
    m.env = new Frame(
      m.slotInit.slice(),
      null,
      run,
      { name: "", source: m.source, start: 0 },
      undefined,
      undefined,
      undefined,
      [],
      null,
    );
    for (const dep of m.resolved.values()) this.link(run, dep, visiting);
    for (const [name] of m.indirectExports) {
      const r = m.resolveExport(name);
      if (r === null || r === "ambiguous") {
        throwSyntaxError(
          run,
          `The requested module does not provide an export named '${name}' (${m.path})`,
        );
      }
    }
    for (const imp of m.imports) {
      const target = m.resolved.get(imp.specifier) as ModuleRecord;
      if (imp.importName === "*") {
        m.env.v[imp.slot] = this.namespace(run, target);
        continue;
      }
      const r = target.resolveExport(imp.importName);
      if (r === null || r === "ambiguous") {
        throwSyntaxError(
          run,
          `The requested module '${imp.specifier}' ${r === null ? "does not provide an" : "provides an ambiguous"} export named '${imp.importName}'`,
        );
      }
      if (r === "namespace") {
        const ind = findNamespaceTarget(target, imp.importName);
        m.env.v[imp.slot] = new ImportCell(
          new Env([this.namespace(run, ind)], null, m.env.f),
          0,
        ) as never;
      } else {
        m.env.v[imp.slot] = new ImportCell(r.module.env ?? placeholder(r.module), r.slot) as never;
      }
    }
    m.status = "linked";
    if (m.hoisted) m.hoisted(m.env);
  }

  private run(run: Run, m: ModuleRecord): void {
    if (!(m instanceof SourceModule)) return;
    if (m.status === "evaluated" || m.status === "evaluating") return;
    if (m.status === "errored") throw m.error;
    m.status = "evaluating";
    try {
      for (const dep of m.resolved.values()) this.run(run, dep);
      if (m.rbody)
        throwSyntaxError(run, `Module ${m.path} uses top-level await; evaluate it with runModule`);
      this.runBody(run, m);
      m.status = "evaluated";
    } catch (e) {
      m.status = "errored";
      m.error = e;
      throw e;
    }
  }

  /** The resolver a loaded module was loaded with (for its dynamic imports). */
  resolverOf(path: string): ModuleResolver | undefined {
    const m = this.map.get(path);
    return m instanceof SourceModule ? m.resolver : undefined;
  }

  /** Environments of loaded modules, for heap measurement. */
  roots(): unknown[] {
    return [...this.map.values()].map((m) => m.env);
  }

  namespace(run: Run, m: ModuleRecord): ModuleNamespace {
    if (m.namespace) return m.namespace;
    const exports = new Map<string, ExportCell>();
    for (const name of m.exportNames()) {
      const r = m.resolveExport(name);
      if (r === null || r === "ambiguous") continue;
      if (r === "namespace") {
        const target = findNamespaceTarget(m, name);
        exports.set(name, { read: () => this.namespace(run, target) });
      } else {
        exports.set(name, { read: () => (r.module.env as Env).v[r.slot] as Slot });
      }
    }
    const ns = new ModuleNamespace(null, this.realm.emptyShape, exports);
    m.namespace = ns;
    return ns;
  }
}

function findNamespaceTarget(m: ModuleRecord, name: string): ModuleRecord {
  if (m instanceof SourceModule) {
    const ind = m.indirectExports.get(name);
    if (ind && ind.importName === "*") return m.resolved.get(ind.specifier) as ModuleRecord;
    if (ind)
      return findNamespaceTarget(m.resolved.get(ind.specifier) as ModuleRecord, ind.importName);
    for (const spec of m.starExports) {
      const t = m.resolved.get(spec) as ModuleRecord;
      if (t.resolveExport(name) !== null) return findNamespaceTarget(t, name);
    }
  }
  return m;
}

function placeholder(m: ModuleRecord): Env {
  return m.env;
}

function boundNamesOf(p: ES.Pattern): string[] {
  switch (p.type) {
    case "Identifier":
      return [p.name];
    case "ObjectPattern":
      return p.properties.flatMap((x) =>
        boundNamesOf(x.type === "RestElement" ? x.argument : x.value),
      );
    case "ArrayPattern":
      return p.elements.flatMap((e) => (e ? boundNamesOf(e) : []));
    case "RestElement":
      return boundNamesOf(p.argument);
    case "AssignmentPattern":
      return boundNamesOf(p.left);
    default:
      return [];
  }
}

export type { Value };
