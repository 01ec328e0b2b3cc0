/**
 * The feature policy: one walk over a parsed program, after parsing and before compiling, that
 * refuses syntax the embedder disabled — by ESTree node type, by ECMAScript edition, or by its
 * own validator callback. It applies to every source a run compiles (scripts, modules, and
 * `eval`/`Function` code when those are enabled).
 */
import type * as ES from "acorn";

export interface FeaturePolicy {
  /** ESTree node types that may not appear (e.g. `["WithStatement", "ClassDeclaration"]`). */
  disallow?: readonly string[];
  /** Latest ECMAScript edition whose syntax is allowed (5, 2015 … 2023). */
  edition?: number;
}

/** Inspects the program; returns false or a message to refuse it. */
export type SourceValidator = (
  program: ES.Program,
  file: string,
) => boolean | string | undefined | void;

export interface Violation {
  message: string;
  pos: number;
}

/** The edition that introduced a node's syntax (ES5 for anything older or not listed). */
function editionOf(node: ES.Node): number {
  switch (node.type) {
    case "ArrowFunctionExpression":
    case "ClassDeclaration":
    case "ClassExpression":
    case "TemplateLiteral":
    case "TaggedTemplateExpression":
    case "ForOfStatement":
    case "SpreadElement":
    case "ObjectPattern":
    case "ArrayPattern":
    case "RestElement":
    case "AssignmentPattern":
    case "MetaProperty":
    case "Super":
    case "YieldExpression":
    case "ImportDeclaration":
    case "ExportNamedDeclaration":
    case "ExportDefaultDeclaration":
    case "ExportAllDeclaration":
      if (node.type === "ForOfStatement" && (node as ES.ForOfStatement).await) return 2018;
      return 2015;
    case "VariableDeclaration":
      return (node as ES.VariableDeclaration).kind === "var" ? 5 : 2015;
    case "FunctionDeclaration":
    case "FunctionExpression": {
      const f = node as ES.FunctionExpression;
      if (f.async && f.generator) return 2018;
      if (f.async) return 2017;
      return f.generator ? 2015 : 5;
    }
    case "AwaitExpression":
      return 2017;
    case "Property":
      return (node as ES.Property).shorthand ||
        (node as ES.Property).computed ||
        (node as ES.Property).method
        ? 2015
        : 5;
    case "ObjectExpression":
      return (node as ES.ObjectExpression).properties.some((p) => p.type === "SpreadElement")
        ? 2018
        : 5;
    case "CatchClause":
      return (node as ES.CatchClause).param === null ? 2019 : 5;
    case "ChainExpression":
    case "ImportExpression":
      return 2020;
    case "LogicalExpression":
      return (node as ES.LogicalExpression).operator === "??" ? 2020 : 5;
    case "AssignmentExpression": {
      const op = (node as ES.AssignmentExpression).operator;
      if (op === "&&=" || op === "||=" || op === "??=") return 2021;
      return op === "**=" ? 2016 : 5;
    }
    case "BinaryExpression":
      return (node as ES.BinaryExpression).operator === "**" ? 2016 : 5;
    case "Literal":
      if ((node as ES.Literal).bigint !== undefined) return 2020;
      return 5;
    case "PropertyDefinition":
    case "PrivateIdentifier":
    case "StaticBlock":
      return 2022;
    default:
      return 5;
  }
}

/** Walks `program` and returns the first violation of the policy, or undefined. */
export function checkFeatures(program: ES.Program, policy: FeaturePolicy): Violation | undefined {
  const disallow = policy.disallow ? new Set(policy.disallow) : undefined;
  const edition = policy.edition;
  const stack: ES.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as ES.Node;
    if (disallow?.has(node.type))
      return {
        message: `${node.type} is not allowed by the sandbox's feature policy`,
        pos: node.start,
      };
    if (edition !== undefined) {
      const e = editionOf(node);
      if (e > edition) {
        return {
          message: `${node.type} (ES${e}) is not allowed: the feature policy allows ES${edition === 5 ? "5" : edition} syntax`,
          pos: node.start,
        };
      }
    }
    for (const key in node) {
      if (key === "type" || key === "start" || key === "end" || key === "loc" || key === "range")
        continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const x = v[i];
          if (x !== null && typeof x === "object" && typeof (x as ES.Node).type === "string")
            stack.push(x as ES.Node);
        }
      } else if (v !== null && typeof v === "object" && typeof (v as ES.Node).type === "string") {
        stack.push(v as ES.Node);
      }
    }
  }
  return undefined;
}

/** Applies every feature policy and validator in force for a run. */
export function findViolation(
  program: ES.Program,
  file: string,
  policies: readonly FeaturePolicy[],
  validators: readonly SourceValidator[],
): Violation | undefined {
  for (const p of policies) {
    const v = checkFeatures(program, p);
    if (v !== undefined) return v;
  }
  for (const validate of validators) {
    const r = validate(program, file);
    if (r === false)
      return { message: "The source was refused by the sandbox's validator", pos: 0 };
    if (typeof r === "string") return { message: r, pos: 0 };
  }
  return undefined;
}
