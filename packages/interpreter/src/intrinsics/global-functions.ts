/**
 * Function properties of the global object (https://tc39.es/ecma262/#sec-function-properties-of-the-global-object):
 * parseInt, parseFloat, isNaN, isFinite and the URI handling functions. `eval` belongs to the
 * compiler. Number parsing runs the host's algorithm on the already converted primitive string
 * (pure work, charged first); Encode and Decode are written out so that every malformed input
 * raises the sandbox's URIError and output memory is charged as it grows.
 */
import { type MethodRow, makeFunction } from "../realm/bootstrap.js";
import type { Realm } from "../realm/realm.js";
import { toInt32, toNumber, toString } from "../runtime/conversions.js";
import { charFuel } from "../runtime/costs.js";
import type { Run } from "../runtime/run.js";
import { throwError } from "../runtime/throw.js";
import type { NativeImpl } from "../values/function.js";
import { WC } from "../values/property.js";

/** https://tc39.es/ecma262/#sec-parseint-string-radix */
const parseIntImpl: NativeImpl = (run, _this, args) => {
  const input = toString(run, args[0]);
  const radix = toInt32(run, args[1]);
  run.charge(charFuel(input.length));
  return Number.parseInt(input, radix);
};

/** https://tc39.es/ecma262/#sec-parsefloat-string */
const parseFloatImpl: NativeImpl = (run, _this, args) => {
  const input = toString(run, args[0]);
  run.charge(charFuel(input.length));
  return Number.parseFloat(input);
};

/** https://tc39.es/ecma262/#sec-isnan-number */
const isNaNImpl: NativeImpl = (run, _this, args) => Number.isNaN(toNumber(run, args[0]));

/** https://tc39.es/ecma262/#sec-isfinite-number */
const isFiniteImpl: NativeImpl = (run, _this, args) => Number.isFinite(toNumber(run, args[0]));

const ALWAYS_UNESCAPED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
const URI_RESERVED_PLUS_HASH = ";/?:@&=+$,#";
const HEX = "0123456789ABCDEF";

/** Output is charged to the run's memory in chunks of this many UTF-16 code units. */
const ALLOC_CHUNK = 1024;

/** Collects output pieces, charging memory before the buffer grows past what was charged. */
class Output {
  private pieces: string[] = [];
  private length = 0;
  private charged = 0;

  constructor(private readonly run: Run) {}

  push(s: string): void {
    this.length += s.length;
    if (this.length > this.charged) {
      const more = Math.max(ALLOC_CHUNK, this.length - this.charged);
      this.run.alloc(2 * more);
      this.charged += more;
    }
    this.pieces.push(s);
  }

  finish(): string {
    return this.pieces.join("");
  }
}

function uriError(run: Run, message: string): never {
  return throwError(run, "URIError", message);
}

/** https://tc39.es/ecma262/#sec-encode */
function encode(run: Run, s: string, extraUnescaped: string): string {
  const len = s.length;
  run.charge(charFuel(len) * 4);
  const out = new Output(run);
  let k = 0;
  while (k < len) {
    const c = s.charCodeAt(k);
    const ch = s[k] as string;
    if (c < 128 && (ALWAYS_UNESCAPED.includes(ch) || extraUnescaped.includes(ch))) {
      out.push(ch);
      k++;
      continue;
    }
    let cp = c;
    if (c >= 0xdc00 && c <= 0xdfff) return uriError(run, "URI malformed");
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = k + 1 < len ? s.charCodeAt(k + 1) : -1;
      if (d < 0xdc00 || d > 0xdfff) return uriError(run, "URI malformed");
      cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      k += 2;
    } else k++;
    let escaped = "";
    for (const octet of utf8(cp)) escaped += `%${HEX[octet >> 4]}${HEX[octet & 15]}`;
    out.push(escaped);
  }
  return out.finish();
}

/** The UTF-8 octets of a code point (https://tc39.es/ecma262/#sec-codepointtoutf8). */
function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** https://tc39.es/ecma262/#sec-parsehexoctet; -1 when not two hex digits. */
function parseHexOctet(s: string, at: number): number {
  const hi = hexDigit(s.charCodeAt(at));
  const lo = hexDigit(s.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** https://tc39.es/ecma262/#sec-decode */
function decode(run: Run, s: string, preserveEscapeSet: string): string {
  const len = s.length;
  run.charge(charFuel(len) * 4);
  const out = new Output(run);
  let k = 0;
  while (k < len) {
    const start = k;
    while (k < len && s.charCodeAt(k) !== 37) k++;
    if (k > start) out.push(s.slice(start, k));
    if (k >= len) break;
    if (k + 3 > len) return uriError(run, "URI malformed");
    const b = parseHexOctet(s, k + 1);
    if (b < 0) return uriError(run, "URI malformed");
    const escapeStart = k;
    k += 2;
    if ((b & 0x80) === 0) {
      const ch = String.fromCharCode(b);
      out.push(preserveEscapeSet.includes(ch) ? s.slice(escapeStart, escapeStart + 3) : ch);
      k++;
      continue;
    }
    const n = b >= 0xf0 ? (b >= 0xf8 ? 5 : 4) : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (n === 1 || n > 4) return uriError(run, "URI malformed");
    let cp = b & (0xff >> (n + 1));
    for (let j = 1; j < n; j++) {
      k++;
      if (k + 3 > len) return uriError(run, "URI malformed");
      if (s.charCodeAt(k) !== 37) return uriError(run, "URI malformed");
      const cont = parseHexOctet(s, k + 1);
      if (cont < 0 || (cont & 0xc0) !== 0x80) return uriError(run, "URI malformed");
      cp = (cp << 6) | (cont & 63);
      k += 2;
    }
    const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return uriError(run, "URI malformed");
    }
    out.push(String.fromCodePoint(cp));
    k++;
  }
  return out.finish();
}

const functions: MethodRow[] = [
  ["isFinite", isFiniteImpl, 1],
  ["isNaN", isNaNImpl, 1],
  ["parseFloat", parseFloatImpl, 1],
  ["parseInt", parseIntImpl, 2],
  // https://tc39.es/ecma262/#sec-decodeuri-encodeduri
  [
    "decodeURI",
    (run, _this, args) => decode(run, toString(run, args[0]), URI_RESERVED_PLUS_HASH),
    1,
  ],
  // https://tc39.es/ecma262/#sec-decodeuricomponent-encodeduricomponent
  ["decodeURIComponent", (run, _this, args) => decode(run, toString(run, args[0]), ""), 1],
  // https://tc39.es/ecma262/#sec-encodeuri-uri
  [
    "encodeURI",
    (run, _this, args) => encode(run, toString(run, args[0]), URI_RESERVED_PLUS_HASH),
    1,
  ],
  // https://tc39.es/ecma262/#sec-encodeuricomponent-uricomponent
  ["encodeURIComponent", (run, _this, args) => encode(run, toString(run, args[0]), ""), 1],
];

/** Installs the global functions; each is also a well-known intrinsic (%parseInt% etc.). */
export function installGlobalFunctions(realm: Realm): void {
  for (const [name, impl, length] of functions) {
    const f = makeFunction(realm, impl, name, length);
    realm.global.defineData(name, f, WC);
    realm.intrinsics[name as string] = f;
  }
}
