/**
 * The engines the benchmark compares, in report order. Adapters are loaded only inside engine
 * processes (`load`), so the harness process stays free of them.
 */
import type { Engine } from "./engine.js";

export interface EngineInfo {
  id: string;
  label: string;
  /** npm package whose version the report shows. */
  pkg?: string;
  /** A peer sandbox (as opposed to Cove itself or the native reference). */
  peer: boolean;
  load(): Promise<Engine>;
}

export const NATIVE = "native";

export const ENGINES: readonly EngineInfo[] = [
  {
    id: NATIVE,
    label: "native V8",
    peer: false,
    load: async () => (await import("./native.js")).native,
  },
  {
    id: "cove-sync",
    label: "Cove runSync",
    pkg: "@cove/interpreter",
    peer: false,
    load: async () => (await import("./cove.js")).coveSync,
  },
  {
    id: "cove-async",
    label: "Cove run (async)",
    pkg: "@cove/interpreter",
    peer: false,
    load: async () => (await import("./cove.js")).coveAsync,
  },
  {
    id: "quickjs",
    label: "QuickJS in WebAssembly",
    pkg: "quickjs-emscripten",
    peer: true,
    load: async () => (await import("./quickjs.js")).quickjs,
  },
  {
    id: "sval",
    label: "sval",
    pkg: "sval",
    peer: true,
    load: async () => (await import("./sval.js")).sval,
  },
  {
    id: "js-interpreter",
    label: "JS-Interpreter (ES5 only)",
    pkg: "js-interpreter",
    peer: true,
    load: async () => (await import("./js-interpreter.js")).jsInterpreter,
  },
];

export function findEngine(id: string): EngineInfo {
  const info = ENGINES.find((e) => e.id === id);
  if (!info)
    throw new Error(`unknown engine "${id}" (known: ${ENGINES.map((e) => e.id).join(", ")})`);
  return info;
}
