import type { RegExpMatcher } from "../regexp/index.js";
import { JSObject } from "./object.js";

/**
 * A RegExp instance (https://tc39.es/ecma262/#sec-properties-of-regexp-instances): an ordinary
 * object with [[OriginalSource]], [[OriginalFlags]] and [[RegExpMatcher]]. `matcher` is undefined
 * between RegExpAlloc and RegExpInitialize.
 */
export class RegExpObject extends JSObject {
  originalSource = "";
  originalFlags = "";
  matcher: RegExpMatcher | undefined = undefined;

  override get kind(): string {
    return "RegExp";
  }
}
