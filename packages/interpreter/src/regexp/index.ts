/**
 * The regular-expression engine behind RegExp objects: `compileMatcher` parses and compiles a
 * pattern (parser.ts, compiler.ts) into a `RegExpMatcher` whose `exec` runs the metered VM of
 * matcher.ts. Everything observable about RegExp objects (lastIndex, exec results,
 * Symbol.replace, species, …) is spec code over guest objects in intrinsics/RegExp*.ts; only the
 * matching happens here. A matcher holds no guest state, so one compiled pattern is shared by
 * every RegExp object (of any sandbox) with the same source and flags.
 */
import type { Run } from "../runtime/run.js";
import { compilePattern } from "./compiler.js";
import { createState, execProgram, type VMState } from "./matcher.js";
import { parsePattern } from "./parser.js";
import { PatternError } from "./parser-state.js";
import type { Program } from "./program.js";

export interface RegExpMatcher {
  /** Number of capturing groups. */
  readonly groupCount: number;
  /** For each capturing group 1..n (index 0 is group 1): its GroupName or undefined. */
  readonly groupNames: readonly (string | undefined)[];
  /** Whether some group has a name (the exec result then has a `groups` object). */
  readonly hasNamedGroups: boolean;
  /** The flags, in the order of RegExp.prototype.flags ("dgimsuvy"). */
  readonly flags: string;
  /** Size of the compiled program (instructions and set ranges), to charge its compilation. */
  readonly size: number;
  /** The `g`, `y` and `d` flags the matcher was compiled with. */
  readonly global: boolean;
  readonly sticky: boolean;
  readonly hasIndices: boolean;
  /**
   * The first match that starts at `lastIndex` or after it — exactly at `lastIndex` when the
   * pattern is sticky — as RegExpBuiltinExec's loop finds it
   * (https://tc39.es/ecma262/#sec-regexpbuiltinexec steps 13–14), or null. The result is
   * `[start, end]` of the match followed by `[start, end]` of each group 1..n, -1 for a group
   * that did not participate (code-unit offsets); the array may be longer, and is the
   * matcher's own buffer, valid only until its next exec. `lastIndex` is at most the input's
   * length. The matching work is charged to `run` as it happens.
   */
  exec(input: string, lastIndex: number, run: Run): Int32Array | null;
  /**
   * The same pattern without the `y` flag (this matcher when it has none): it finds the first
   * position from `lastIndex` on where this one would match.
   */
  withoutSticky(): RegExpMatcher;
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

class CompiledMatcher implements RegExpMatcher {
  readonly groupCount: number;
  readonly hasNamedGroups: boolean;
  readonly global: boolean;
  readonly sticky: boolean;
  readonly hasIndices: boolean;
  readonly flags: string;
  readonly size: number;
  private state: VMState | undefined;
  private searcher: RegExpMatcher | undefined;

  constructor(
    private readonly program: Program,
    readonly groupNames: readonly (string | undefined)[],
    flags: string,
  ) {
    this.flags = [...FLAGS].filter((f) => flags.includes(f)).join("");
    this.groupCount = program.groupCount;
    this.size = program.size;
    this.hasNamedGroups = groupNames.some((name) => name !== undefined);
    this.global = flags.includes("g");
    this.sticky = flags.includes("y");
    this.hasIndices = flags.includes("d");
  }

  exec(input: string, lastIndex: number, run: Run): Int32Array | null {
    this.state ??= createState(this.program);
    return execProgram(this.program, this.state, input, lastIndex, this.sticky, run);
  }

  withoutSticky(): RegExpMatcher {
    if (!this.sticky) return this;
    // Stickiness is not part of the program, only of where exec tries it.
    this.searcher ??= new CompiledMatcher(
      this.program,
      this.groupNames,
      this.flags.replace("y", ""),
    );
    return this.searcher;
  }
}

/**
 * Compiles a pattern (https://tc39.es/ecma262/#sec-parsepattern) for the given valid flags: the
 * matcher, or the message of the SyntaxError to throw.
 */
export function compileMatcher(pattern: string, flags: string): RegExpMatcher | string {
  try {
    const parsed = parsePattern(pattern, flags);
    const program = compilePattern(parsed, flags);
    return new CompiledMatcher(program, parsed.groupNames, flags);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    return `Invalid regular expression: /${pattern}/${flags}: ${e.reason}`;
  }
}
