/**
 * Sandbox creation time and memory per idle sandbox, each engine in a fresh process (so the
 * workloads' garbage and caches do not blur the memory figure).
 */
import { EngineClient } from "./engine-client.js";
import { formatKB, formatMs } from "./format.js";
import type { ExtrasResult } from "./results.js";
import { median } from "./stats.js";

export async function measureExtras(
  id: string,
  counts: { creations: number; idle: number },
  timeoutMs: number,
  log: (line: string) => void,
): Promise<ExtrasResult> {
  const client = new EngineClient(id);
  try {
    const reply = await client.request({ type: "extras", ...counts }, timeoutMs);
    if (reply.type !== "extras") {
      const message = reply.type === "error" ? reply.message : "unexpected reply";
      log(`  extras  ${id}  FAIL  ${message}`);
      return { creationMs: null, idleBytes: null, message };
    }
    const creationMs = median(reply.outcome.creationMs);
    const { idleBytes } = reply.outcome;
    log(`  extras  ${id}  creation ${formatMs(creationMs)}  idle ${formatKB(idleBytes)}`);
    return { creationMs, idleBytes };
  } finally {
    client.close();
  }
}
