/**
 * Annex B String.prototype methods: substr and the HTML methods
 * (https://tc39.es/ecma262/#sec-additional-properties-of-the-string.prototype-object).
 * trimLeft/trimRight are installed by String.ts as the trimStart/trimEnd function objects.
 */

import type { MethodRow } from "../realm/bootstrap.js";
import { toIntegerOrInfinity, toString } from "../runtime/conversions.js";
import type { Run } from "../runtime/run.js";
import type { Value } from "../values/value.js";
import { allocString, chargeChars, requireThis, StringBuilder, thisString } from "./string-ops.js";

/** https://tc39.es/ecma262/#sec-string.prototype.substr */
function substr(run: Run, thisArg: Value, args: Value[]): Value {
  const s = thisString(run, thisArg, "substr");
  const size = s.length;
  let intStart = toIntegerOrInfinity(run, args[0]);
  if (intStart === -Infinity) intStart = 0;
  else if (intStart < 0) intStart = Math.max(size + intStart, 0);
  else intStart = Math.min(intStart, size);
  const intLength = args[1] === undefined ? size : toIntegerOrInfinity(run, args[1]);
  const len = Math.min(Math.max(intLength, 0), size);
  const intEnd = Math.min(intStart + len, size);
  if (intEnd <= intStart) return "";
  chargeChars(run, intEnd - intStart);
  allocString(run, intEnd - intStart);
  return s.slice(intStart, intEnd);
}

/** https://tc39.es/ecma262/#sec-createhtml */
function createHTML(
  run: Run,
  thisArg: Value,
  name: string,
  tag: string,
  attribute: string,
  value: Value,
): string {
  const str = requireThis(run, thisArg, name);
  const s = toString(run, str);
  const out = new StringBuilder(run);
  out.append(`<${tag}`);
  if (attribute !== "") {
    const v = toString(run, value);
    chargeChars(run, v.length);
    out.append(` ${attribute}="`);
    out.append(v.replaceAll('"', "&quot;"));
    out.append('"');
  }
  out.append(">");
  out.append(s);
  out.append(`</${tag}>`);
  return out.build();
}

function html(name: string, tag: string, attribute = ""): MethodRow {
  return [
    name,
    (run, thisArg, args) => createHTML(run, thisArg, name, tag, attribute, args[0]),
    attribute === "" ? 0 : 1,
  ];
}

export const stringAnnexBMethods: readonly MethodRow[] = [
  ["substr", substr, 2],
  html("anchor", "a", "name"),
  html("big", "big"),
  html("blink", "blink"),
  html("bold", "b"),
  html("fixed", "tt"),
  html("fontcolor", "font", "color"),
  html("fontsize", "font", "size"),
  html("italics", "i"),
  html("link", "a", "href"),
  html("small", "small"),
  html("strike", "strike"),
  html("sub", "sub"),
  html("sup", "sup"),
];
