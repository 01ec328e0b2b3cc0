/**
 * Where suspension can happen. A node is compiled in resumable form only when its subtree holds
 * a `yield`, an `await` or a `for await` of the function being compiled — nested functions
 * suspend on their own and do not count.
 */
import type * as ES from "acorn";

const memo = new WeakMap<ES.Node, boolean>();

const FUNCTIONS = new Set(["FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression"]);

export function hasSuspend(node: ES.Node | null | undefined): boolean {
  if (!node) return false;
  const known = memo.get(node);
  if (known !== undefined) return known;
  let found = false;
  if (node.type === "YieldExpression" || node.type === "AwaitExpression") found = true;
  else if (node.type === "ForOfStatement" && (node as ES.ForOfStatement).await) found = true;
  else if (FUNCTIONS.has(node.type)) found = false;
  else if (node.type === "ClassExpression" || node.type === "ClassDeclaration") {
    const c = node as ES.Class;
    found =
      hasSuspend(c.superClass) ||
      c.body.body.some((e) => "computed" in e && e.computed && hasSuspend(e.key));
  } else {
    for (const key of Object.keys(node)) {
      if (key === "type" || key === "start" || key === "end" || key === "loc") continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) {
        for (const x of v) {
          if (x && typeof x === "object" && "type" in x && hasSuspend(x as ES.Node)) {
            found = true;
            break;
          }
        }
      } else if (
        v &&
        typeof v === "object" &&
        "type" in (v as object) &&
        hasSuspend(v as ES.Node)
      ) {
        found = true;
      }
      if (found) break;
    }
  }
  memo.set(node, found);
  return found;
}
