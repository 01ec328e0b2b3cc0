/**
 * Sandbox creation must not pay for the Unicode tables: importing the unicode modules decodes
 * nothing; the first property escape or case-insensitive lookup decodes only its own table.
 */
import { describe, expect, it, vi } from "vitest";

const decoded = vi.hoisted(() => ({ count: 0 }));

vi.mock("../../src/regexp/unicode/codec.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/regexp/unicode/codec.js")>();
  return {
    ...real,
    decodeRanges: (text: string) => {
      decoded.count++;
      return real.decodeRanges(text);
    },
    decodeMapping: (text: string, f: (from: number, to: number) => void) => {
      decoded.count++;
      real.decodeMapping(text, f);
    },
    decodeStrings: (text: string) => {
      decoded.count++;
      return real.decodeStrings(text);
    },
  };
});

describe("Unicode tables", () => {
  it("are decoded lazily, one property at a time, once", async () => {
    const properties = await import("../../src/regexp/unicode/properties.js");
    const folding = await import("../../src/regexp/unicode/case-folding.js");
    await import("../../src/regexp/unicode/charset.js");
    expect(decoded.count).toBe(0);
    expect(folding.canonicalize(0x41, true)).toBe(0x61); // ASCII needs no table
    expect(decoded.count).toBe(0);
    const greek = properties.propertyEscape("sc", "Greek");
    expect(greek?.has(0x3b1)).toBe(true);
    expect(decoded.count).toBe(1);
    expect(properties.propertyEscape("Script", "Grek")).toBe(greek);
    expect(decoded.count).toBe(1);
    expect(folding.canonicalize(0x391, true)).toBe(0x3b1);
    expect(folding.canonicalize(0x3b1, true)).toBe(0x3b1);
    expect(decoded.count).toBe(2);
    properties.propertyEscape("L", undefined); // five leaves
    expect(decoded.count).toBe(7);
  });
});
