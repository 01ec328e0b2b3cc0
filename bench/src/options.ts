/** Command-line options of `npm run bench -- [options]`. */
import { ENGINES, NATIVE } from "./engines/index.js";
import { SHARED_WORKLOADS_DIR } from "./paths.js";

export interface Options {
  warmup: number;
  runs: number;
  /** Engine ids in report order; native always first (it is the reference). */
  engines: string[];
  /** Workload name prefixes; empty for all. */
  workloads: string[];
  timeoutMs: number;
  extras: boolean;
  creations: number;
  idle: number;
  sharedDir: string;
  /** Every engine and workload at the default counts: such a run also writes results/latest.*. */
  full: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --quick            1 warm-up + 3 timed runs per cell (default: 2 + 7)
  --warmup N         warm-up runs per cell
  --runs N           timed runs per cell
  --engine a,b       only these engines (native always runs): ${ENGINES.map((e) => e.id).join(", ")}
  --workload a,b     only workloads whose name starts with one of these
  --timeout S        seconds one run may take before its engine is killed (default 300)
  --no-extras        skip sandbox creation time and idle memory
  --creations N      empty sandboxes created for the creation time (default 100)
  --idle N           idle sandboxes held for the memory figure (default 200)
  --shared DIR       the shared workloads (default ../shared/bench next to the repository)
`;

export class UsageError extends Error {}

function count(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${flag} needs an integer ≥ ${min}`);
  }
  return n;
}

function list(flag: string, value: string | undefined): string[] {
  if (value === undefined || value === "") throw new UsageError(`${flag} needs a list`);
  return value.split(",").filter((s) => s !== "");
}

export function parseOptions(argv: readonly string[]): Options {
  const o: Options = {
    warmup: 2,
    runs: 7,
    engines: ENGINES.map((e) => e.id),
    workloads: [],
    timeoutMs: 300_000,
    extras: true,
    creations: 100,
    idle: 200,
    sharedDir: SHARED_WORKLOADS_DIR,
    full: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const next = (): string | undefined => argv[++i];
    switch (flag) {
      case "--quick":
        o.warmup = 1;
        o.runs = 3;
        o.full = false;
        break;
      case "--warmup":
        o.warmup = count(flag, next(), 0);
        o.full = false;
        break;
      case "--runs":
        o.runs = count(flag, next(), 1);
        o.full = false;
        break;
      case "--engine": {
        const ids = list(flag, next());
        for (const id of ids) {
          if (!ENGINES.some((e) => e.id === id)) throw new UsageError(`unknown engine "${id}"`);
        }
        o.engines = ENGINES.map((e) => e.id).filter((id) => id === NATIVE || ids.includes(id));
        o.full = false;
        break;
      }
      case "--workload":
        o.workloads = list(flag, next());
        o.full = false;
        break;
      case "--timeout":
        o.timeoutMs = count(flag, next(), 1) * 1000;
        break;
      case "--no-extras":
        o.extras = false;
        o.full = false;
        break;
      case "--creations":
        o.creations = count(flag, next(), 1);
        o.full = false;
        break;
      case "--idle":
        o.idle = count(flag, next(), 1);
        o.full = false;
        break;
      case "--shared": {
        const dir = next();
        if (dir === undefined) throw new UsageError("--shared needs a folder");
        o.sharedDir = dir;
        break;
      }
      default:
        throw new UsageError(`unknown option "${flag}"`);
    }
  }
  return o;
}
