/**
 * Property escapes (src/regexp/unicode/properties.ts): every name and alias the tables know
 * resolves to exactly the host's `\p{…}` set, the host's own names and ours agree, spellings
 * the spec does not admit are refused, and the properties of strings (v flag) hold exactly the
 * host's strings.
 */
import { describe, expect, it } from "vitest";
import { BINARY_PROPERTY_NAMES } from "../../src/regexp/unicode/binary-property-data.js";
import { CharSet } from "../../src/regexp/unicode/charset.js";
import { GENERAL_CATEGORY_VALUES } from "../../src/regexp/unicode/general-category-data.js";
import { propertyEscape, stringPropertyEscape } from "../../src/regexp/unicode/properties.js";
import { SCRIPT_NAMES } from "../../src/regexp/unicode/script-data.js";
import { HOST_MATCHES_TABLES, hostRanges } from "./unicode-host.js";

function groups(list: string): string[][] {
  return list.split(",").map((g) => g.split(" "));
}

function hostAccepts(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

const STRING_PROPERTIES = [
  "Basic_Emoji",
  "Emoji_Keycap_Sequence",
  "RGI_Emoji_Modifier_Sequence",
  "RGI_Emoji_Flag_Sequence",
  "RGI_Emoji_Tag_Sequence",
  "RGI_Emoji_ZWJ_Sequence",
  "RGI_Emoji",
];

describe("propertyEscape names", () => {
  it("admits exactly the spellings the host admits, for a list of tricky ones", () => {
    const lone = [
      "L",
      "Letter",
      "LC",
      "Cased_Letter",
      "punct",
      "digit",
      "cntrl",
      "Combining_Mark",
      "Any",
      "ASCII",
      "Assigned",
      "space",
      "White_Space",
      "Alpha",
      "Lu",
      "Cn",
      // refused:
      "Latin",
      "Latn",
      "letter",
      "l",
      "Lowercase_letter",
      "ascii",
      "Is_Alphabetic",
      "IsL",
      "General_Category",
      "gc",
      "Script",
      "sc",
      "scx",
      "Block",
      "InBasic_Latin",
      "Hyphen",
      "Grapheme_Link",
      "Other_Alphabetic",
      "Prepended_Concatenation_Mark",
      "Emoji_Presentation ",
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "",
      "L ",
      " L",
      "Basic_Emoji",
      "RGI_Emoji",
    ];
    for (const name of lone) {
      expect([name, propertyEscape(name, undefined) !== undefined]).toEqual([
        name,
        hostAccepts(`\\p{${name}}`, "u"),
      ]);
    }
    const pairs: [string, string][] = [
      ["gc", "L"],
      ["General_Category", "Letter"],
      ["sc", "Latn"],
      ["Script", "Latin"],
      ["scx", "Zyyy"],
      ["Script_Extensions", "Qaai"],
      ["sc", "Qaac"],
      ["sc", "Katakana_Or_Hiragana"],
      ["sc", "Hrkt"],
      ["gc", "Latin"],
      ["sc", "L"],
      ["Script", "latin"],
      ["ASCII", "Y"],
      ["ASCII", "Yes"],
      ["Any", "T"],
      ["gc", "constructor"],
      ["sc", "__proto__"],
      ["Block", "Basic_Latin"],
      ["General_category", "L"],
      ["script", "Latin"],
      ["gc", ""],
      ["Line_Break", "AL"],
      ["Bidi_Class", "L"],
      ["sc", "Common"],
      ["scx", "Unknown"],
    ];
    for (const [name, value] of pairs) {
      expect([name, value, propertyEscape(name, value) !== undefined]).toEqual([
        name,
        value,
        hostAccepts(`\\p{${name}=${value}}`, "u"),
      ]);
    }
  });

  it("knows every name test262's generated tests use, and only names the host accepts", () => {
    for (const value of Object.keys(GENERAL_CATEGORY_VALUES)) {
      for (const form of [`${value}`, `gc=${value}`, `General_Category=${value}`]) {
        expect([form, hostAccepts(`\\p{${form}}`, "u")]).toEqual([form, true]);
      }
      expect(propertyEscape(value, undefined)).toBeDefined();
    }
    for (const names of groups(SCRIPT_NAMES)) {
      for (const n of names) {
        expect([n, hostAccepts(`\\p{sc=${n}}`, "u")]).toEqual([n, true]);
        expect(propertyEscape("Script_Extensions", n)).toBeDefined();
      }
    }
    for (const names of groups(BINARY_PROPERTY_NAMES)) {
      for (const n of names) expect([n, hostAccepts(`\\p{${n}}`, "u")]).toEqual([n, true]);
    }
    for (const n of STRING_PROPERTIES) {
      expect(hostAccepts(`\\p{${n}}`, "v")).toBe(true);
      expect(stringPropertyEscape(n)).toBeDefined();
    }
    expect(stringPropertyEscape("Emoji")).toBeUndefined();
    expect(stringPropertyEscape("constructor")).toBeUndefined();
  });
});

describe("property tables", () => {
  it("decode to normalized sets; General_Category's leaves partition all code points", () => {
    const leaves = [
      "Lu",
      "Ll",
      "Lt",
      "Lm",
      "Lo",
      "Mn",
      "Mc",
      "Me",
      "Nd",
      "Nl",
      "No",
      "Pc",
      "Pd",
      "Ps",
      "Pe",
      "Pi",
      "Pf",
      "Po",
      "Sm",
      "Sc",
      "Sk",
      "So",
      "Zs",
      "Zl",
      "Zp",
      "Cc",
      "Cf",
      "Cs",
      "Co",
      "Cn",
    ];
    let all = CharSet.EMPTY;
    let total = 0;
    for (const leaf of leaves) {
      const set = propertyEscape("gc", leaf) as CharSet;
      expect(CharSet.fromRanges([...set.ranges]).ranges).toEqual(set.ranges);
      all = all.union(set);
      total += set.size;
    }
    expect(all.ranges).toEqual([0, 0x10ffff]);
    expect(total).toBe(0x110000);
    expect((propertyEscape("Assigned", undefined) as CharSet).size).toBe(
      0x110000 - (propertyEscape("Cn", undefined) as CharSet).size,
    );
    const letters = propertyEscape("L", undefined) as CharSet;
    expect(letters.has(0x61) && letters.has(0x4e00) && !letters.has(0x31)).toBe(true);
    expect(propertyEscape("sc", "Latin")?.has(0x61)).toBe(true);
    expect(propertyEscape("sc", "Greek")?.has(0x3b1)).toBe(true);
    // U+0951 DEVANAGARI STRESS SIGN UDATTA is Inherited but extends to many scripts.
    expect(propertyEscape("sc", "Devanagari")?.has(0x951)).toBe(false);
    expect(propertyEscape("scx", "Devanagari")?.has(0x951)).toBe(true);
    for (const names of groups(SCRIPT_NAMES)) {
      for (const key of ["sc", "scx"]) {
        const set = propertyEscape(key, names[0] as string) as CharSet;
        expect(CharSet.fromRanges([...set.ranges]).ranges).toEqual(set.ranges);
      }
    }
    for (const names of groups(BINARY_PROPERTY_NAMES)) {
      const set = propertyEscape(names[0] as string, undefined) as CharSet;
      expect(CharSet.fromRanges([...set.ranges]).ranges).toEqual(set.ranges);
    }
    expect(propertyEscape("ASCII", undefined)?.ranges).toEqual([0, 0x7f]);
    expect(propertyEscape("Any", undefined)?.ranges).toEqual([0, 0x10ffff]);
    const keycaps = stringPropertyEscape("Emoji_Keycap_Sequence")?.strings ?? [];
    expect(keycaps).toEqual([..."#*0123456789"].map((c) => `${c}\ufe0f\u20e3`).sort());
  });
});

describe.runIf(HOST_MATCHES_TABLES)("property sets against the host", () => {
  it("General_Category: every value and alias", () => {
    for (const value of Object.keys(GENERAL_CATEGORY_VALUES)) {
      const set = propertyEscape("gc", value) as CharSet;
      expect([value, set.ranges]).toEqual([value, hostRanges(`\\p{gc=${value}}`, "u")]);
      expect(propertyEscape(value, undefined)).toBe(set);
      expect(propertyEscape("General_Category", value)).toBe(set);
    }
  }, 60_000);

  it("Script and Script_Extensions: every value; aliases give the same set", () => {
    for (const names of groups(SCRIPT_NAMES)) {
      const [name, ...aliases] = names as [string, ...string[]];
      const sc = propertyEscape("sc", name) as CharSet;
      const scx = propertyEscape("scx", name) as CharSet;
      expect([name, sc.ranges]).toEqual([name, hostRanges(`\\p{sc=${name}}`, "u")]);
      expect([name, scx.ranges]).toEqual([name, hostRanges(`\\p{scx=${name}}`, "u")]);
      for (const a of aliases) {
        expect(propertyEscape("Script", a)).toBe(sc);
        expect(propertyEscape("Script_Extensions", a)).toBe(scx);
      }
    }
  }, 120_000);

  it("binary properties: every name; aliases give the same set", () => {
    for (const [name, ...aliases] of groups(BINARY_PROPERTY_NAMES) as [string, ...string[]][]) {
      const set = propertyEscape(name, undefined) as CharSet;
      expect([name, set.ranges]).toEqual([name, hostRanges(`\\p{${name}}`, "u")]);
      for (const a of aliases) expect(propertyEscape(a, undefined)).toBe(set);
    }
  }, 60_000);

  it("properties of strings hold exactly the host's code points and strings", () => {
    const union = new Set<string>();
    let unionCps = CharSet.EMPTY;
    for (const name of STRING_PROPERTIES) {
      const p = stringPropertyEscape(name);
      if (p === undefined) throw new Error(name);
      const re = new RegExp(`^\\p{${name}}$`, "v");
      // Single code points: probe every one.
      const singles: number[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (re.test(String.fromCodePoint(cp))) singles.push(cp, cp);
      }
      expect([name, p.codePoints.ranges]).toEqual([name, CharSet.fromRanges(singles).ranges]);
      // Strings: each is the host's, sorted, distinct, of two or more code points.
      for (const s of p.strings) {
        expect([name, s, re.test(s), [...s].length > 1]).toEqual([name, s, true, true]);
      }
      expect([...p.strings].sort()).toEqual(p.strings);
      expect(new Set(p.strings).size).toBe(p.strings.length);
      // Near misses (each string without its first or last code point) are in the property
      // exactly when the host says so.
      const strings = new Set(p.strings);
      const member = (cps: string[]): boolean =>
        cps.length === 1
          ? p.codePoints.has(cps[0]?.codePointAt(0) ?? -1)
          : strings.has(cps.join(""));
      for (const s of p.strings) {
        const cps = [...s];
        for (const part of [cps.slice(1), cps.slice(0, -1)]) {
          expect([s, part.join(""), member(part)]).toEqual([
            s,
            part.join(""),
            re.test(part.join("")),
          ]);
        }
      }
      if (name !== "RGI_Emoji") {
        for (const s of p.strings) union.add(s);
        unionCps = unionCps.union(p.codePoints);
      }
    }
    const rgi = stringPropertyEscape("RGI_Emoji");
    expect(rgi?.strings).toEqual([...union].sort());
    expect(rgi?.codePoints.equals(unionCps)).toBe(true);
    // Structural counts the host confirms: all 26 x 26 regional indicator pairs it accepts.
    let flags = 0;
    const vFlag = "v"; // a literal /…/v would need an ES2024 target
    const flag = new RegExp("^\\p{RGI_Emoji_Flag_Sequence}$", vFlag);
    for (let a = 0x1f1e6; a <= 0x1f1ff; a++) {
      for (let b = 0x1f1e6; b <= 0x1f1ff; b++) if (flag.test(String.fromCodePoint(a, b))) flags++;
    }
    expect(stringPropertyEscape("RGI_Emoji_Flag_Sequence")?.strings.length).toBe(flags);
  }, 120_000);
});
