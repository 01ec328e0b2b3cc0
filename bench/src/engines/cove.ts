/**
 * Cove, through the built `@cove/interpreter` package, metering on (cove-limits.ts). The idle
 * sandbox of the creation and memory figures uses the default limits.
 */
import { createSandbox } from "@cove/interpreter";
import { BENCH_LIMITS } from "../cove-limits.js";
import type { Engine, WorkloadSandbox } from "./engine.js";

function make(mode: "sync" | "async"): Engine {
  return {
    createSandbox(globals): WorkloadSandbox {
      const sb = createSandbox({ globals, limits: { perRun: BENCH_LIMITS } });
      return {
        run:
          mode === "sync"
            ? (source, filename) => sb.runSync(source, { filename })
            : (source, filename) => sb.run(source, { filename }),
        dispose: () => sb.dispose(),
      };
    },
    createIdle() {
      const sb = createSandbox();
      return { dispose: () => sb.dispose() };
    },
  };
}

export const coveSync = make("sync");
export const coveAsync = make("async");
