/**
 * The Symbol constructor and prototype (https://tc39.es/ecma262/#sec-symbol-objects).
 * Symbols are host symbols (they carry no capability); the well-known symbols are the host's, so
 * the interpreter's own protocol lookups and guest code agree on them. `Symbol.for` uses the
 * sandbox's registry, never the host's.
 */
import {
  type AccessorRow,
  defineAccessors,
  defineConstants,
  defineGlobal,
  defineMethods,
  type MethodRow,
  makeConstructor,
  makeFunction,
} from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toString } from "../runtime/conversions.js";
import { charFuel, stringBytes } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { PrimitiveObject } from "../runtime/wrappers.js";
import type { NativeImpl } from "../values/function.js";
import { JSObject } from "../values/object.js";
import { CONFIGURABLE } from "../values/property.js";
import type { Value } from "../values/value.js";

/** Bytes charged for a new symbol besides its description. */
const BYTES_SYMBOL = 32;

const WELL_KNOWN = [
  "asyncIterator",
  "hasInstance",
  "isConcatSpreadable",
  "iterator",
  "match",
  "matchAll",
  "replace",
  "search",
  "species",
  "split",
  "toPrimitive",
  "toStringTag",
  "unscopables",
] as const;

/** https://tc39.es/ecma262/#sec-symbol-description */
const symbolImpl: NativeImpl = (run, _this, args, newTarget) => {
  if (newTarget !== undefined) return throwTypeError(run, "Symbol is not a constructor");
  const description = args[0];
  const desc = description === undefined ? undefined : toString(run, description);
  run.alloc(BYTES_SYMBOL + (desc === undefined ? 0 : stringBytes(desc.length)));
  return Symbol(desc);
};

/** https://tc39.es/ecma262/#sec-symbol.for */
const symbolFor: NativeImpl = (run, _this, args) => {
  const key = toString(run, args[0]);
  const registry = run.realm.symbolRegistry;
  const existing = registry.get(key);
  if (existing !== undefined) return existing;
  run.alloc(BYTES_SYMBOL + 2 * stringBytes(key.length));
  const sym = Symbol(key);
  registry.set(key, sym);
  return sym;
};

/** https://tc39.es/ecma262/#sec-symbol.keyfor */
const keyFor: NativeImpl = (run, _this, args) => {
  const sym = args[0];
  if (typeof sym !== "symbol") return throwTypeError(run, `${String(sym)} is not a symbol`);
  const key = sym.description;
  return key !== undefined && run.realm.symbolRegistry.get(key) === sym ? key : undefined;
};

/** https://tc39.es/ecma262/#sec-thissymbolvalue */
function thisSymbolValue(run: Run, v: Value, method: string): symbol {
  if (typeof v === "symbol") return v;
  if (v instanceof PrimitiveObject && typeof v.primitive === "symbol") return v.primitive;
  return throwTypeError(run, `${method} requires that 'this' be a Symbol`);
}

/** https://tc39.es/ecma262/#sec-symboldescriptivestring */
function descriptiveString(run: Run, sym: symbol): string {
  const desc = sym.description ?? "";
  run.charge(charFuel(desc.length));
  run.alloc(stringBytes(desc.length + 8));
  return `Symbol(${desc})`;
}

const prototypeMethods: MethodRow[] = [
  // https://tc39.es/ecma262/#sec-symbol.prototype.tostring
  [
    "toString",
    (run, thisArg) =>
      descriptiveString(run, thisSymbolValue(run, thisArg, "Symbol.prototype.toString")),
    0,
  ],
  // https://tc39.es/ecma262/#sec-symbol.prototype.valueof
  ["valueOf", (run, thisArg) => thisSymbolValue(run, thisArg, "Symbol.prototype.valueOf"), 0],
];

const prototypeAccessors: AccessorRow[] = [
  // https://tc39.es/ecma262/#sec-symbol.prototype.description
  [
    "description",
    (run, thisArg) => thisSymbolValue(run, thisArg, "Symbol.prototype.description").description,
  ],
];

/** https://tc39.es/ecma262/#sec-symbol.prototype-@@toprimitive */
const toPrimitive: NativeImpl = (run, thisArg) =>
  thisSymbolValue(run, thisArg, "Symbol.prototype [ @@toPrimitive ]");

export function installSymbol(realm: Realm): void {
  const proto = new JSObject(realm.emptyShape, realm.intrinsics.ObjectPrototype);
  const ctor = makeConstructor(realm, "Symbol", symbolImpl, 0, proto);
  defineConstants(
    ctor,
    WELL_KNOWN.map((name) => [name, Symbol[name]] as const),
  );
  defineMethods(realm, ctor, [
    ["for", symbolFor, 1],
    ["keyFor", keyFor, 1],
  ]);
  defineAccessors(realm, proto, prototypeAccessors);
  defineMethods(realm, proto, prototypeMethods);
  proto.defineData(
    Symbol.toPrimitive,
    makeFunction(realm, toPrimitive, Symbol.toPrimitive, 1),
    CONFIGURABLE,
  );
  proto.defineData(Symbol.toStringTag, "Symbol", CONFIGURABLE);
  realm.intrinsics.Symbol = ctor;
  realm.intrinsics.SymbolPrototype = proto;
  defineGlobal(realm, "Symbol", ctor);
}
