import { createSandbox, type SandboxOptions } from "../../src/index.js";

/** Runs a script in a fresh sandbox and returns its completion value (exported to the host). */
export function run(code: string, options: SandboxOptions = {}): unknown {
  const sb = createSandbox(options);
  try {
    return sb.runSync(code);
  } finally {
    sb.dispose();
  }
}
