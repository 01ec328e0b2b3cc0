/**
 * The pattern matcher behind RegExp objects, for now delegated to a host RegExp compiled from the
 * pattern and flag strings. Everything observable about RegExp objects (lastIndex, exec results,
 * Symbol.replace, species, ...) is spec code over guest objects in intrinsics/RegExp*.ts; only the
 * matching itself happens here, behind `RegExpMatcher`, so a metered engine can replace this
 * file without touching the built-ins. Matching is pure work on primitives: the host RegExp
 * object never leaves this module.
 */

/** Where a match, or one capture group of it, lies in the input (code-unit offsets). */
export interface MatchRange {
  start: number;
  end: number;
}

/** A successful match: the whole match and, for each group 1..n, its range or undefined. */
export interface MatchResult extends MatchRange {
  captures: (MatchRange | undefined)[];
}

export interface RegExpMatcher {
  /** Number of capturing groups. */
  readonly groupCount: number;
  /** For each capturing group 1..n (index 0 is group 1): its GroupName or undefined. */
  readonly groupNames: readonly (string | undefined)[];
  /**
   * The first match that starts at `lastIndex` or after it — exactly at `lastIndex` when the
   * pattern is sticky — as RegExpBuiltinExec's loop finds it
   * (https://tc39.es/ecma262/#sec-regexpbuiltinexec steps 13–14), or null.
   * `lastIndex` is at most the input's length.
   */
  exec(input: string, lastIndex: number): MatchResult | null;
}

/**
 * Flags allowed (https://tc39.es/ecma262/#sec-regexpinitialize step 8): ES2023's, plus ES2024's
 * `v` (unicodeSets), which test262 uses outside its feature-tagged tests.
 */
const FLAGS = "dgimsuvy";

/** The flags string's validity: no unknown and no repeated flag, not both `u` and `v`. */
export function validFlags(flags: string): boolean {
  for (let i = 0; i < flags.length; i++) {
    const c = flags[i] as string;
    if (!FLAGS.includes(c) || flags.indexOf(c, i + 1) >= 0) return false;
  }
  return !(flags.includes("u") && flags.includes("v"));
}

/**
 * Lists the GroupName of each capturing group in pattern order, scanning the source: an
 * unescaped `(` outside a class opens a group; it captures unless followed by `?`, and is named
 * when followed by `?<` and not by `?<=` / `?<!`.
 */
function scanGroupNames(source: string, nestedClasses: boolean): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  let classDepth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
    } else if (classDepth > 0) {
      if (c === "]") classDepth--;
      else if (c === "[" && nestedClasses) classDepth++;
    } else if (c === "[") {
      classDepth = 1;
    } else if (c === "(") {
      if (source[i + 1] !== "?") names.push(undefined);
      else if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") {
        const end = source.indexOf(">", i + 3);
        names.push(decodeGroupName(source.slice(i + 3, end)));
      }
    }
  }
  return names;
}

/** The StringValue of a RegExpIdentifierName: `\\uXXXX` and `\\u{X}` escapes decoded. */
function decodeGroupName(raw: string): string {
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/g, (_m, braced, four) =>
    String.fromCodePoint(Number.parseInt(braced ?? four, 16)),
  );
}

class HostMatcher implements RegExpMatcher {
  readonly groupCount: number;
  readonly groupNames: readonly (string | undefined)[];

  constructor(private readonly re: RegExp) {
    const names = scanGroupNames(re.source, re.flags.includes("v"));
    this.groupNames = names;
    this.groupCount = names.length;
  }

  exec(input: string, lastIndex: number): MatchResult | null {
    const re = this.re;
    re.lastIndex = lastIndex;
    const m = re.exec(input) as (RegExpExecArray & { indices?: [number, number][] }) | null;
    if (m === null) return null;
    const indices = m.indices as (readonly [number, number] | undefined)[];
    const whole = indices[0] as readonly [number, number];
    const captures: (MatchRange | undefined)[] = [];
    for (let i = 1; i < indices.length; i++) {
      const pair = indices[i];
      captures.push(pair === undefined ? undefined : { start: pair[0], end: pair[1] });
    }
    return { start: whole[0], end: whole[1], captures };
  }
}

/**
 * Compiles a pattern (https://tc39.es/ecma262/#sec-parsepattern) for the given valid flags: the
 * matcher, or the message of the SyntaxError to throw.
 */
export function compileMatcher(pattern: string, flags: string): RegExpMatcher | string {
  let hostFlags = "d";
  for (const f of "imsuv") if (flags.includes(f)) hostFlags += f;
  hostFlags += flags.includes("y") ? "y" : "g";
  try {
    return new HostMatcher(new RegExp(pattern, hostFlags));
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    const at = message.lastIndexOf(": ");
    const reason = at >= 0 ? message.slice(at + 2) : "Invalid pattern";
    return `Invalid regular expression: /${pattern}/${flags}: ${reason}`;
  }
}
