/**
 * Native V8: the workload runs as a global script of the engine process's own realm, through
 * indirect eval (which, unlike `new Function`, yields the completion value). Not in a node:vm
 * context: a vm context's global object is an interceptor-backed proxy, so every global read
 * (`Math`, `hostMix`) goes through a C++ callback; j-host-bridge ran about 4× slower that way,
 * which would make every engine look closer to native than it is. Isolation is not needed here:
 * each engine has a process of its own and every workload is a self-contained IIFE.
 */
import vm from "node:vm";
import type { Engine, HostGlobals, WorkloadSandbox } from "./engine.js";

// biome-ignore lint/security/noGlobalEval: running the trusted workload natively is the point.
const indirectEval: (source: string) => unknown = globalThis.eval;

function createSandbox(globals: HostGlobals): WorkloadSandbox {
  const names = Object.keys(globals);
  for (const name of names) {
    Object.defineProperty(globalThis, name, {
      value: globals[name],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return {
    run: (source) => indirectEval(source),
    dispose() {
      for (const name of names) Reflect.deleteProperty(globalThis, name);
    },
  };
}

export const native: Engine = {
  createSandbox,
  // The natural native counterpart of an empty sandbox: a fresh V8 context.
  createIdle: () => ({ held: vm.createContext() }),
};
