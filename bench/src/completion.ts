/**
 * For engines that cannot hand back a script's completion value (sval): rewrite the script's
 * last statement, which must be an expression statement, into a store of that expression's
 * value. Done once per workload, outside the timed runs; the engine parses the result each run.
 */
import { parse } from "acorn";

export function rewriteCompletion(source: string, store: (expression: string) => string): string {
  const program = parse(source, { ecmaVersion: "latest", sourceType: "script" });
  const last = program.body.at(-1);
  if (last?.type !== "ExpressionStatement") {
    throw new Error("the workload's last statement must be an expression statement (its checksum)");
  }
  const expression = source.slice(last.expression.start, last.expression.end);
  return `${source.slice(0, last.start)}${store(expression)}${source.slice(last.end)}`;
}
