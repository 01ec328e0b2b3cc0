import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

describe("host.plugin(id)", () => {
  it("gives the manifest, the capabilities as granted, the state and the record", async () => {
    const host = createHost({
      version: "1.0.0",
      policy: { capabilities: (_id, capability) => capability.name !== "editor.write" },
    });
    await host.load(
      plugin("acme.info", `export function activate() { console.log("hello"); }`, {
        version: "2.3.4",
        globals: ["console"],
        capabilities: [
          { name: "storage" },
          { name: "editor.write" },
          { name: "events.subscribe", scope: ["document.*"] },
        ],
      }),
    );
    const info = host.plugin("acme.info");
    expect(info).toMatchObject({
      id: "acme.info",
      version: "2.3.4",
      state: "active",
      activation: { reason: "onStartup", time: expect.any(Number) },
      unloadReason: undefined,
      restarts: 0,
      capabilities: {
        granted: [
          { name: "storage", scope: undefined },
          { name: "events.subscribe", scope: ["document.*"] },
        ],
        refused: ["editor.write"],
        revoked: [],
      },
    });
    expect(info?.manifest).toMatchObject({ id: "acme.info", version: "2.3.4", main: "main.js" });
    expect(info?.transitions.map((t) => t.text)).toEqual([
      "resolved → loaded",
      "loaded → activating (onStartup)",
      "activating → active (onStartup)",
    ]);
    expect(info?.log.map((l) => `${l.level} ${l.text}`)).toEqual(["log hello"]);

    // A snapshot: changing it changes nothing in the host.
    (info?.manifest.capabilities as unknown[]).length = 0;
    (info?.capabilities.granted as unknown[]).length = 0;
    expect(host.plugin("acme.info")?.manifest.capabilities).toHaveLength(3);

    host.revoke("acme.info", "storage");
    expect(host.plugin("acme.info")?.capabilities).toEqual({
      granted: [{ name: "events.subscribe", scope: ["document.*"] }],
      refused: ["editor.write"],
      revoked: ["storage"],
    });

    await host.unload("acme.info", "done");
    expect(host.plugin("acme.info")).toMatchObject({
      state: "unloaded",
      unloadReason: "done",
      capabilities: { granted: [], refused: [], revoked: [] },
    });
    expect(host.plugin("acme.nobody")).toBeUndefined();
    expect(host.plugins().map((p) => p.id)).toEqual(["acme.info"]);
  });
});
