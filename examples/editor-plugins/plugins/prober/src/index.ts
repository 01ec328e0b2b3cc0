/**
 * Helpful tools (prober): a plugin that tries what it should not. It calls methods of
 * capabilities the editor's policy did not grant it (each throws `PermissionDenied` and is written
 * to the audit log), reads globals the host has and it was not given, walks everything reachable
 * from its `globalThis`, and tries the classic sandbox escapes: constructor chains to `Function`,
 * `Function('return process')`, the constructors of host functions and of errors thrown by the
 * host, stack traces. It logs each attempt and a final report (`PROBE-REPORT {json}`) of what, if
 * anything, it reached outside its sandbox.
 */

import { definePlugin } from "@cove/plugin-sdk";

interface Finding {
  readonly probe: string;
  /** `denied`: PermissionDenied; `blocked`: another error; `contained`: ran, reached nothing of the host. */
  readonly outcome: "denied" | "blocked" | "contained" | "escaped";
  readonly detail: string;
}

/** Names that exist only outside the sandbox: Node's globals and the editor's canary. */
const NODE_ONLY = [
  "process",
  "require",
  "module",
  "exports",
  "Buffer",
  "__dirname",
  "__filename",
  "__coveHostCanary",
];

/** Globals of the host the plugin was not given. */
const HOST_NAMES = [
  ...NODE_ONLY,
  "global",
  "fetch",
  "setImmediate",
  "queueMicrotask",
  "WebAssembly",
  "SharedArrayBuffer",
  "Atomics",
];

const findings: Finding[] = [];
// The module namespace of `cove` is a frozen snapshot; the global is the same object.
const api = cove as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "function")
    return `a function (${(value as { name?: string }).name || "anonymous"})`;
  if (typeof value === "object")
    return `an object with ${Object.keys(value as object).length} keys`;
  return `${typeof value} ${String(value).slice(0, 60)}`;
}

/** A value that could only come from the host: Node's `process`, `require`, the editor's canary. */
function isHostObject(value: unknown): boolean {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return false;
  const record = value as Record<string, unknown>;
  try {
    const versions = record.versions as Record<string, unknown> | undefined;
    return (
      (typeof versions === "object" && versions !== null && typeof versions.node === "string") ||
      typeof record.binding === "function" ||
      typeof record.mainModule === "object" ||
      typeof record.secret === "string" ||
      NODE_ONLY.some((name) => Object.hasOwn(record, name))
    );
  } catch {
    return false;
  }
}

function probe(name: string, attempt: () => unknown): void {
  let finding: Finding;
  try {
    const value = attempt();
    finding = isHostObject(value)
      ? { probe: name, outcome: "escaped", detail: `reached ${describe(value)}` }
      : { probe: name, outcome: "contained", detail: `got ${describe(value)}` };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    finding = {
      probe: name,
      outcome: e?.name === "PermissionDenied" ? "denied" : "blocked",
      detail: `${e?.name ?? "Error"}: ${e?.message ?? String(error)}`,
    };
  }
  // Not `push`: the last probe patches this sandbox's Array.prototype.push.
  findings[findings.length] = finding;
  console.log(`${finding.outcome.padEnd(9)} ${name} — ${finding.detail}`);
}

function tryCapabilities(when: string): void {
  probe(`[${when}] editor.setText (editor.write)`, () => api.editor?.setText?.("pwned"));
  probe(`[${when}] storage.set (storage)`, () => api.storage?.set?.("stolen", "the user's text"));
  probe(`[${when}] workbench.executeCommand (commands)`, () =>
    api.workbench?.executeCommand?.("file.save"),
  );
  probe(`[${when}] commands.execute (commands)`, () => api.commands?.execute?.("spell.fixAll"));
  probe(`[${when}] events.emit (events.emit)`, () =>
    api.events?.emit?.("document.hijacked", { by: "prober" }),
  );
}

/** Everything reachable from `globalThis` through own properties, breadth first. */
function walkGlobals(): unknown {
  const seen = new Set<unknown>();
  const queue: { value: unknown; path: string }[] = [{ value: globalThis, path: "globalThis" }];
  const hits: string[] = [];
  let found: unknown;
  while (queue.length > 0 && seen.size < 3000) {
    const { value, path } = queue.shift() as { value: unknown; path: string };
    if (value === null || (typeof value !== "object" && typeof value !== "function")) continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (isHostObject(value)) {
      hits.push(path);
      found = value;
    }
    const keys: (string | symbol)[] = [...Reflect.ownKeys(value as object)];
    const proto = Object.getPrototypeOf(value);
    if (proto !== null) queue.push({ value: proto, path: `${path}.__proto__` });
    for (const key of keys) {
      const name = String(key);
      if (NODE_ONLY.includes(name)) hits.push(`${path}.${name}`);
      let child: unknown;
      try {
        const descriptor = Reflect.getOwnPropertyDescriptor(value as object, key);
        child = descriptor?.value ?? descriptor?.get;
      } catch {
        continue;
      }
      queue.push({ value: child, path: `${path}.${name}` });
    }
  }
  if (hits.length > 0) return found ?? { process: hits.join(", ") };
  return `${seen.size} objects walked, none from the host`;
}

function runProbes(): void {
  // 1. Capabilities it asked for and the editor's policy did not grant.
  tryCapabilities("startup");

  // 2. Host globals it was not given.
  for (const name of HOST_NAMES) {
    probe(`typeof ${name}`, () => {
      const type = typeof (globalThis as Record<string, unknown>)[name];
      if (type !== "undefined") return (globalThis as Record<string, unknown>)[name];
      return type;
    });
  }
  probe("globalThis walk", walkGlobals);

  // 3. Constructor chains and code generation.
  probe("Function('return process')()", () => Function("return process")());
  probe("Function('return this')()", () => Function("return this")());
  probe("({}).constructor.constructor('return process')()", () =>
    ({}).constructor.constructor("return process")(),
  );
  probe("host function .constructor('return process')()", () => {
    const hostFunction = api.editor?.getText;
    if (hostFunction === undefined) return "no editor.getText";
    return (hostFunction as unknown as { constructor: FunctionConstructor }).constructor(
      "return process",
    )();
  });
  probe("async function constructor", () =>
    Object.getPrototypeOf(async () => {}).constructor("return process"),
  );
  probe("indirect eval('process')", () => {
    // biome-ignore lint/security/noGlobalEval: trying eval is what this probe is for.
    const indirect = globalThis.eval;
    if (typeof indirect !== "function") throw new ReferenceError("eval is not defined here");
    return indirect("process");
  });

  // 4. Errors thrown by the host: whose realm are they from?
  probe("host error .constructor.constructor('return process')()", () => {
    try {
      api.editor?.getLine?.(1_000_000);
    } catch (error) {
      return (
        error as { constructor: { constructor: FunctionConstructor } }
      ).constructor.constructor("return process")();
    }
    return "the host did not throw";
  });
  probe("stack trace frames", () => {
    const stack = String(new Error("where am I").stack);
    if (/node:|file:|\/work\/|\\|\.ts:/.test(stack)) return { process: stack };
    return stack.split("\n").slice(1, 2).join(" ").trim() || "(no frames)";
  });
  probe("host function source", () => {
    const source = Function.prototype.toString.call(api.editor?.getText);
    if (source.includes("=>") || source.includes("editor.text")) return { process: source };
    return source;
  });

  // 5. Patching built-ins changes only this sandbox's realm.
  probe("patch Array.prototype.push and Object.prototype", () => {
    (Object.prototype as Record<string, unknown>).pwnedByProber = true;
    Array.prototype.push = () => {
      throw new Error("prober broke push");
    };
    return "patched this sandbox's own built-ins";
  });
}

export const { activate } = definePlugin({
  activate() {
    runProbes();
    const escapes = findings.filter((f) => f.outcome === "escaped");
    const denied = findings.filter((f) => f.outcome === "denied").length;
    cove.statusBar.set("probe", `Prober: ${escapes.length} escapes`, { priority: 10 });
    console.log(
      `PROBE-REPORT ${JSON.stringify({
        probes: findings.length,
        denied,
        escapes: escapes.map((f) => f.probe),
      })}`,
    );
    cove.events.on("document.saved", () => tryCapabilities("on save"));
  },
});
