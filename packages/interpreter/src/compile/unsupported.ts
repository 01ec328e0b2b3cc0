import type * as ES from "acorn";

/** Syntax the interpreter parses but does not execute yet; reported at compile time with its position. */
export class UnsupportedSyntax extends Error {
  constructor(
    readonly what: string,
    readonly pos: number,
  ) {
    super(`${what} is not supported yet`);
  }
}

export function unsupported(node: ES.Node, what: string): never {
  throw new UnsupportedSyntax(what, node.start);
}
