/** The acorn adapter: parses with the latest ECMAScript version and reports errors with positions. */

import type * as ES from "acorn";
import { type Options, parse } from "acorn";
import type { SourceFile } from "./source.js";

export interface ParseOptions {
  module?: boolean;
  /** Parse as strict code (strict direct eval). */
  strict?: boolean;
  /** Code nested in a method or class (direct eval): allow `super` and undeclared private names. */
  inMethod?: boolean;
  inClass?: boolean;
}

/** A parse failure with the offset acorn reported. */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

export function parseProgram(source: SourceFile, opts: ParseOptions = {}): ES.Program {
  const options: Options = {
    ecmaVersion: "latest",
    sourceType: opts.module ? "module" : "script",
    allowHashBang: true,
    allowReserved: true,
    allowSuperOutsideMethod: opts.inMethod === true,
    checkPrivateFields: opts.inClass !== true,
  };
  if (opts.strict) (options as Options & { strict: boolean }).strict = true;
  try {
    return parse(source.text, options);
  } catch (e) {
    if (e instanceof SyntaxError) {
      const pos = (e as SyntaxError & { pos?: number }).pos ?? 0;
      const message = e.message.replace(/ \(\d+:\d+\)$/, "");
      throw new ParseFailure(message, pos);
    }
    throw e;
  }
}
