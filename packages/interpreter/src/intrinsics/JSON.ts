/**
 * The JSON object (https://tc39.es/ecma262/#sec-json-object). parse and stringify work on guest
 * values in interpreter terms (json-parse.ts, json-stringify.ts); the host JSON object is only
 * used to quote primitive strings.
 */
import { defineGlobal, defineMethods } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import { jsonParse } from "./json-parse.js";
import { jsonStringify } from "./json-stringify.js";

export function installJSON(realm: Realm): void {
  const json = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  defineMethods(realm, json, [
    ["parse", jsonParse, 2],
    ["stringify", jsonStringify, 3],
  ]);
  json.defineData(Symbol.toStringTag, "JSON", CONFIGURABLE);
  realm.intrinsics.JSON = json;
  defineGlobal(realm, "JSON", json);
}
