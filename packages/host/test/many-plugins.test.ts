import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const COUNT = 36;
const ROUNDS = 10;

/**
 * Each plugin keeps what it was sent in module state, on its own globalThis, in
 * Array.prototype and in its store, then reports everything it can see.
 */
const marker = `
  const mine = [];
  export function activate(context) {
    cove.events.on("marker.write", ({ round }) => {
      const marker = context.pluginId + "#" + round;
      mine.push(marker);
      globalThis["m_" + round] = marker;
      Array.prototype.lastMarker = marker;
      cove.storage.set("m" + round, marker);
    });
    cove.requests.handle("report", () => ({
      mine,
      globals: Object.keys(globalThis).filter((k) => k.startsWith("m_")).map((k) => globalThis[k]),
      prototype: [].lastMarker,
      stored: cove.storage.keys().map((k) => cove.storage.get(k)),
    }));
  }`;

describe("30+ plugins together", () => {
  it(`loads ${COUNT} plugins, delivers concurrent events, and no state leaks between them`, async () => {
    const host = createHost({ version: "1.0.0", events: { "marker.write": {} } });
    const ids = Array.from({ length: COUNT }, (_, i) => `acme.p${String(i).padStart(2, "0")}`);
    const report = await host.load(
      ids.map((id) =>
        plugin(id, marker, {
          capabilities: [{ name: "events.subscribe", scope: ["marker.*"] }, { name: "storage" }],
        }),
      ),
    );
    expect(report.refused).toEqual([]);
    expect(report.loaded).toEqual(ids);

    const emits = await Promise.all(
      Array.from({ length: ROUNDS }, (_, round) => host.emit("marker.write", { round })),
    );
    for (const emitted of emits) expect(emitted.delivered).toHaveLength(COUNT);

    const answers = await Promise.all(ids.map((id) => host.request(id, "report")));
    answers.forEach((answer, i) => {
      const id = ids[i];
      const expected = Array.from({ length: ROUNDS }, (_, round) => `${id}#${round}`);
      expect(answer).toEqual({
        mine: expected,
        globals: expected,
        prototype: `${id}#${ROUNDS - 1}`,
        stored: expected,
      });
    });

    const usage = host.usage();
    expect(usage.plugins).toHaveLength(COUNT);
    for (const record of usage.plugins) {
      expect(record.state).toBe("active");
      expect(record.events.in).toBe(ROUNDS);
      expect(record.errors.used).toBe(0);
      expect(record.hostCalls.byMethod["storage.set"]?.count).toBe(ROUNDS);
    }
    await host.dispose();
  });
});
