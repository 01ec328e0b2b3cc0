/**
 * Unicode property escapes `\p{…}` / `\P{…}`: the names the spec admits and their code point
 * sets (https://tc39.es/ecma262/#sec-compiletocharset, CharacterClassEscape :: p{ … }).
 * Exactly the spellings of tables 67–69 and PropertyValueAliases.txt are accepted — no loose
 * matching — and anything else is undefined, which the parser reports as a SyntaxError.
 *
 * The sets come from generated tables (*-data.ts, scripts/gen-unicode.mjs); each property is
 * decoded the first time a pattern names it and then cached for the process, shared by every
 * sandbox (they are immutable).
 */
import { BINARY_PROPERTY_NAMES, BINARY_PROPERTY_RANGES } from "./binary-property-data.js";
import { CharSet, MAX_CODE_POINT } from "./charset.js";
import { decodeRanges, decodeStrings } from "./codec.js";
import { GENERAL_CATEGORY_RANGES, GENERAL_CATEGORY_VALUES } from "./general-category-data.js";
import { SCRIPT_EXTENSIONS_DIFF, SCRIPT_NAMES, SCRIPT_RANGES } from "./script-data.js";
import { STRING_PROPERTY_DATA } from "./string-property-data.js";

const cache = new Map<string, CharSet>();

function cached(key: string, make: () => CharSet): CharSet {
  let set = cache.get(key);
  if (set === undefined) {
    set = make();
    cache.set(key, set);
  }
  return set;
}

function own(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** "a b,c d e" -> {a: a, b: a, c: c, d: c, e: c}. */
function aliasMap(list: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of list.split(",")) {
    const names = group.split(" ");
    for (const n of names) map.set(n, names[0] as string);
  }
  return map;
}

let scriptNames: Map<string, string> | undefined;
let binaryNames: Map<string, string> | undefined;

function generalCategory(value: string): CharSet | undefined {
  const leaves = own(GENERAL_CATEGORY_VALUES, value);
  if (leaves === undefined) return undefined;
  return cached(`gc=${leaves}`, () => {
    let set = CharSet.EMPTY;
    for (const leaf of leaves.split(",")) {
      set = set.union(cached(`gc=${leaf}`, () => ranges(own(GENERAL_CATEGORY_RANGES, leaf))));
    }
    return set;
  });
}

function ranges(text: string | undefined): CharSet {
  return text === undefined ? CharSet.EMPTY : CharSet.fromNormalizedRanges(decodeRanges(text));
}

function script(value: string, extensions: boolean): CharSet | undefined {
  scriptNames ??= aliasMap(SCRIPT_NAMES);
  const name = scriptNames.get(value);
  if (name === undefined) return undefined;
  const sc = cached(`sc=${name}`, () => ranges(own(SCRIPT_RANGES, name)));
  if (!extensions) return sc;
  return cached(`scx=${name}`, () => {
    const diff = own(SCRIPT_EXTENSIONS_DIFF, name);
    if (diff === undefined) return sc;
    const [added = "", removed = ""] = diff.split(" ");
    return sc.union(ranges(added)).subtract(ranges(removed));
  });
}

function binaryProperty(name: string): CharSet | undefined {
  binaryNames ??= aliasMap(BINARY_PROPERTY_NAMES);
  const canonical = binaryNames.get(name);
  if (canonical === undefined) return undefined;
  return cached(canonical, () => {
    switch (canonical) {
      case "Any":
        return CharSet.range(0, MAX_CODE_POINT);
      case "ASCII":
        return CharSet.range(0, 0x7f);
      case "Assigned":
        return (generalCategory("Cn") as CharSet).complement();
      default:
        return ranges(own(BINARY_PROPERTY_RANGES, canonical));
    }
  });
}

/**
 * The code points of `\p{name=value}` (value given) or `\p{name}` (value undefined), or
 * undefined when the spec does not admit the spelling
 * (https://tc39.es/ecma262/#sec-static-semantics-unicodematchproperty-p,
 * https://tc39.es/ecma262/#sec-static-semantics-unicodematchpropertyvalue-p): with a value,
 * `name` is General_Category, Script or Script_Extensions or an alias; alone, `name` is a
 * General_Category value or a binary property (table 68). Properties of strings are
 * `stringPropertyEscape`'s.
 */
export function propertyEscape(name: string, value: string | undefined): CharSet | undefined {
  if (value === undefined) return generalCategory(name) ?? binaryProperty(name);
  switch (name) {
    case "General_Category":
    case "gc":
      return generalCategory(value);
    case "Script":
    case "sc":
      return script(value, false);
    case "Script_Extensions":
    case "scx":
      return script(value, true);
    default:
      return undefined;
  }
}

/** A binary property of strings: its single code points and its longer strings. */
export interface StringProperty {
  readonly codePoints: CharSet;
  /** Strings of two or more code points, sorted. */
  readonly strings: readonly string[];
}

const stringCache = new Map<string, StringProperty>();

function decodeStringProperty(name: string): StringProperty | undefined {
  if (name === "RGI_Emoji") {
    // UTS #51 ED-27: RGI_Emoji is the union of the six other properties of table 69.
    let codePoints = CharSet.EMPTY;
    const strings = new Set<string>();
    for (const part of Object.keys(STRING_PROPERTY_DATA)) {
      const p = stringPropertyEscape(part) as StringProperty;
      codePoints = codePoints.union(p.codePoints);
      for (const s of p.strings) strings.add(s);
    }
    return { codePoints, strings: [...strings].sort() };
  }
  const data = own(STRING_PROPERTY_DATA, name);
  if (data === undefined) return undefined;
  const space = data.indexOf(" ");
  return {
    codePoints: ranges(data.slice(0, space)),
    strings: decodeStrings(data.slice(space + 1)),
  };
}

/**
 * `\p{name}` for a binary property of strings (table 69: Basic_Emoji, Emoji_Keycap_Sequence,
 * RGI_Emoji_Modifier_Sequence, RGI_Emoji_Flag_Sequence, RGI_Emoji_Tag_Sequence,
 * RGI_Emoji_ZWJ_Sequence, RGI_Emoji), admitted only with the `v` flag; undefined for any other
 * name (https://tc39.es/ecma262/#sec-compiletocharset, UnicodePropertyValueExpression ::
 * LoneUnicodePropertyNameOrValue, step 3).
 */
export function stringPropertyEscape(name: string): StringProperty | undefined {
  let p = stringCache.get(name);
  if (p === undefined) {
    p = decodeStringProperty(name);
    if (p !== undefined) stringCache.set(name, p);
  }
  return p;
}
