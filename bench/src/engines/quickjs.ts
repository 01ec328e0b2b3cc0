/**
 * QuickJS compiled to WebAssembly (quickjs-emscripten, its release-sync variant). One runtime
 * and context per sandbox, no interrupt handler or memory limit (unmetered, as shipped). Host
 * globals cross as copies of plain data; host functions get their arguments dumped to host
 * values and their result copied back, which is the usual way to expose host functions.
 */
import { getQuickJS, type QuickJSContext, type QuickJSHandle } from "quickjs-emscripten";
import type { Engine, HostGlobals, WorkloadSandbox } from "./engine.js";

const QuickJS = await getQuickJS();

function toHandle(vm: QuickJSContext, value: unknown, name: string): QuickJSHandle {
  switch (typeof value) {
    case "number":
      return vm.newNumber(value);
    case "string":
      return vm.newString(value);
    case "boolean":
      return value ? vm.true : vm.false;
    case "undefined":
      return vm.undefined;
    case "function": {
      const fn = value as (...args: unknown[]) => unknown;
      return vm.newFunction(name, (...args) =>
        toHandle(vm, fn(...args.map((a) => vm.dump(a))), "result"),
      );
    }
    case "object": {
      if (value === null) return vm.null;
      const target = Array.isArray(value) ? vm.newArray() : vm.newObject();
      for (const [key, item] of Object.entries(value)) {
        const handle = toHandle(vm, item, key);
        vm.setProp(target, key, handle);
        handle.dispose();
      }
      return target;
    }
    default:
      throw new TypeError(`cannot pass a ${typeof value} to QuickJS`);
  }
}

function format(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { name?: unknown; message?: unknown };
    return `${String(e.name ?? "Error")}: ${String(e.message)}`;
  }
  return String(error);
}

function createSandbox(globals: HostGlobals): WorkloadSandbox {
  const vm = QuickJS.newContext();
  for (const [name, value] of Object.entries(globals)) {
    const handle = toHandle(vm, value, name);
    vm.setProp(vm.global, name, handle);
    handle.dispose();
  }
  return {
    run(source, filename) {
      const result = vm.evalCode(source, filename);
      if (result.error) {
        const error = vm.dump(result.error);
        result.error.dispose();
        throw new Error(format(error));
      }
      const value: unknown = vm.dump(result.value);
      result.value.dispose();
      return value;
    },
    dispose: () => vm.dispose(),
  };
}

export const quickjs: Engine = {
  createSandbox,
  createIdle() {
    const vm = QuickJS.newContext();
    return {
      dispose: () => vm.dispose(),
      offHeapBytes() {
        const usage = vm.runtime.computeMemoryUsage();
        const bytes = (vm.dump(usage) as { memory_used_size: number }).memory_used_size;
        usage.dispose();
        return bytes;
      },
    };
  },
};
