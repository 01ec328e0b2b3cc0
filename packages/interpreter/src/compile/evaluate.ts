/**
 * Scripts: compile (cached per realm and source), GlobalDeclarationInstantiation
 * (https://tc39.es/ecma262/#sec-globaldeclarationinstantiation) and evaluation.
 */
import type * as ES from "acorn";
import { ParseFailure, parseProgram } from "../parse/parse.js";
import { SourceFile } from "../parse/source.js";
import { GlobalCell, type Realm } from "../realm/realm.js";
import { Frame } from "../runtime/frame.js";
import type { Run } from "../runtime/run.js";
import { throwSyntaxError, throwTypeError } from "../runtime/throw.js";
import { UNINIT, type Value } from "../values/value.js";
import { analyzeProgram } from "./analyze.js";
import { Ctx, type Stmt } from "./context.js";
import {
  compileHoistedFunctions,
  compileStatements,
  hoistableFunctions,
  slotTemplate,
} from "./functions.js";
import type { Scope } from "./scope.js";
import { UnsupportedSyntax } from "./unsupported.js";

export interface CompiledScript {
  source: SourceFile;
  program: ES.Program;
  root: Scope;
  lexical: { name: string; mutable: boolean }[];
  vars: string[];
  functions: ES.FunctionDeclaration[];
  hoisted: ((s: Frame) => void) | undefined;
  body: Stmt;
  slotInit: import("../values/value.js").Slot[];
}

/** A compile-time failure with its position: parse errors and not-yet-supported syntax. */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly source: SourceFile,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** Source refused by the feature policy or a validator (not cached: policies differ per run). */
export class PolicyViolation extends CompileError {}

const CACHE_LIMIT = 256;

/** Parses and compiles a script; cached per realm by file name and text. */
export function compileScript(realm: Realm, text: string, filename: string): CompiledScript {
  const cacheKey = `${filename}\u0000${text}`;
  const cached = realm.compileCache.get(cacheKey);
  if (cached !== undefined) return cached as CompiledScript;
  const source = new SourceFile(filename, text);
  const compiled = compileSource(source);
  if (realm.compileCache.size >= CACHE_LIMIT)
    realm.compileCache.delete(realm.compileCache.keys().next().value as string);
  realm.compileCache.set(cacheKey, compiled);
  return compiled;
}

function compileSource(source: SourceFile): CompiledScript {
  try {
    const program = parseProgram(source);
    const an = analyzeProgram(program, "script", false);
    const root = an.root;
    const ctx = new Ctx(an, source, root, true);
    const functions = hoistableFunctions(program.body);
    const hoisted = compileHoistedFunctions(ctx, functions) as ((s: Frame) => void) | undefined;
    const body = compileStatements(ctx, program.body);
    const lexical: { name: string; mutable: boolean }[] = [];
    const vars: string[] = [];
    for (const b of root.bindings.values()) {
      if (b.lexical) lexical.push({ name: b.name, mutable: b.kind === "let" });
      else if (b.kind === "var") vars.push(b.name);
    }
    return {
      source,
      program,
      root,
      lexical,
      vars,
      functions,
      hoisted,
      body,
      slotInit: slotTemplate(root),
    };
  } catch (e) {
    if (e instanceof ParseFailure) throw new CompileError(e.message, source, e.pos);
    if (e instanceof UnsupportedSyntax) throw new CompileError(e.message, source, e.pos);
    throw e;
  }
}

/** https://tc39.es/ecma262/#sec-globaldeclarationinstantiation */
function instantiateGlobals(run: Run, script: CompiledScript): void {
  const realm = run.realm;
  const g = realm.global;
  for (const { name } of script.lexical) {
    if (realm.globalLex.has(name))
      throwSyntaxError(run, `Identifier '${name}' has already been declared`);
    const d = g.getOwnProperty(run, name);
    if (d !== undefined && d.configurable === false)
      throwSyntaxError(run, `Identifier '${name}' has already been declared`);
  }
  const fnNames = script.functions.map((f) => (f.id as ES.Identifier).name);
  for (const name of [...script.vars, ...fnNames]) {
    if (realm.globalLex.has(name))
      throwSyntaxError(run, `Identifier '${name}' has already been declared`);
  }
  for (const name of fnNames) {
    const d = g.getOwnProperty(run, name);
    if (
      d === undefined
        ? !g.isExtensible(run)
        : !(d.configurable || ("value" in d && d.writable && d.enumerable))
    ) {
      throwTypeError(run, `Cannot declare global function '${name}'`);
    }
  }
  for (const name of script.vars) {
    if (g.getOwnProperty(run, name) === undefined && !g.isExtensible(run)) {
      throwTypeError(run, `Cannot declare global variable '${name}'`);
    }
  }
  if (script.lexical.length > 0) {
    for (const { name, mutable } of script.lexical)
      realm.globalLex.set(name, new GlobalCell(UNINIT, mutable));
    realm.globalEpoch++;
  }
  for (const name of fnNames) {
    const d = g.getOwnProperty(run, name);
    if (d === undefined || d.configurable) {
      g.defineOwnProperty(run, name, {
        value: undefined,
        writable: true,
        enumerable: true,
        configurable: false,
      });
    }
  }
  for (const name of script.vars) {
    if (g.getOwnProperty(run, name) === undefined) {
      g.defineOwnProperty(run, name, {
        value: undefined,
        writable: true,
        enumerable: true,
        configurable: false,
      });
    }
  }
}

/** Runs a compiled script in the run's realm; returns its completion value. */
export function runScript(
  run: Run,
  script: CompiledScript,
  overlay: Map<string, { v: Value }> | null,
): Value {
  const realm = run.realm;
  const frame = new Frame(
    script.slotInit.slice(),
    null,
    run,
    { name: "", source: script.source, start: 0 },
    undefined,
    realm.global,
    undefined,
    [],
    overlay,
  );
  run.frame = frame;
  try {
    instantiateGlobals(run, script);
    if (script.hoisted) script.hoisted(frame);
    script.body(frame);
    return frame.cv;
  } finally {
    run.frame = frame.caller;
  }
}

/** Compiles and runs `text` as a script of `filename` in the run's realm. */
export function evaluateScript(
  run: Run,
  text: string,
  filename = "script.js",
  overlay: Map<string, { v: Value }> | null = null,
): Value {
  return runScript(run, compileScript(run.realm, text, filename), overlay);
}
