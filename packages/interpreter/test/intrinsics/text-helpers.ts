import { createSandbox } from "../../src/index.js";

/** Guest helpers shared by the String/Number/BigInt/Math/JSON/Date/RegExp tests. */
const PRELUDE = `
function thrown(f) { try { f(); return "none"; } catch (e) { return e === null || typeof e !== "object" ? String(e) : e.name; } }
function desc(o, k) { var d = Object.getOwnPropertyDescriptor(o, k); if (d === undefined) return "none"; return ("value" in d ? "v" : "") + ("get" in d ? "g" : "") + (d.writable ? "w" : "") + (d.enumerable ? "e" : "") + (d.configurable ? "c" : ""); }
function sig(f) { return f.name + "/" + f.length; }
`;

type SandboxOptions = NonNullable<Parameters<typeof createSandbox>[0]>;

/** Runs guest code in a fresh sandbox with the shared prelude and returns its completion value. */
export function run(code: string, options?: SandboxOptions): unknown {
  return createSandbox(options).runSync(PRELUDE + code);
}

/** Budgets small enough that a runaway built-in must hit them. */
export const tinyFuel = { limits: { perRun: { fuel: 1e5 } } } as SandboxOptions;
export const tinyMemory = { limits: { perRun: { memoryBytes: 1e6 } } } as SandboxOptions;
