import { describe, expect, it } from "vitest";
import { createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const probe = `
  export function activate() {
    cove.requests.handle("probe", () => ({
      console: typeof console,
      setTimeout: typeof setTimeout,
      process: typeof process,
      require: typeof require,
      globalThis: Object.keys(globalThis).filter((k) => !["cove"].includes(k)).sort(),
      cove: Object.keys(cove).sort(),
      requests: Object.keys(cove.requests),
    }));
  }`;

describe("one sandbox per plugin, with only its granted globals", () => {
  it("installs nothing the manifest did not ask for", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(plugin("acme.bare", probe));
    expect(await host.request("acme.bare", "probe")).toEqual({
      console: "undefined",
      setTimeout: "undefined",
      process: "undefined",
      require: "undefined",
      globalThis: [],
      cove: ["commands", "events", "requests"],
      requests: ["handle"],
    });
  });

  it("installs catalogue globals the manifest asks for and the policy allows", async () => {
    const host = createHost({ version: "1.0.0", policy: { globals: ["console"] } });
    await host.load(
      plugin("acme.globals", probe, {
        globals: ["console", "timers"],
        capabilities: [{ name: "storage" }],
      }),
    );
    const result = (await host.request("acme.globals", "probe")) as Record<string, unknown>;
    expect(result.console).toBe("object");
    expect(result.setTimeout).toBe("undefined");
    expect(result.cove).toEqual(["commands", "events", "requests", "storage"]);
    expect(host.plugin("acme.globals")?.log.map((l) => l.text)).toContain(
      'the global "timers" is not granted by the host\'s policy',
    );
  });

  it("refuses a global that is not in the catalogue", async () => {
    const host = createHost({ version: "1.0.0" });
    const report = await host.load(plugin("acme.unknown", "export {}", { globals: ["fetch"] }));
    expect(report.refused[0]?.code).toBe("COVE_GLOBAL_UNKNOWN");
    expect(report.refused[0]?.reason).toContain(
      'the global "fetch" is not in this host\'s catalogue',
    );
  });

  it("routes console output to the plugin's log record and the host's logger", async () => {
    const lines: string[] = [];
    const host = createHost({
      version: "1.0.0",
      logger: { log: (e) => lines.push(`${e.pluginId} ${e.level} ${e.text}`) },
    });
    await host.load(
      plugin("acme.talk", `console.log("hello", 1, { a: [2] }); console.warn("careful");`, {
        globals: ["console"],
      }),
    );
    expect(host.plugin("acme.talk")?.log.map((l) => `${l.level} ${l.text}`)).toEqual([
      'log hello 1 {"a":[2]}',
      "warn careful",
    ]);
    expect(lines).toEqual(['acme.talk log hello 1 {"a":[2]}', "acme.talk warn careful"]);
  });

  it("runs timers through the plugin's queue and clears them on unload", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(
      plugin(
        "acme.ticker",
        `let ticks = 0; let once = 0;
         export function activate() {
           setInterval(() => { ticks++; }, 5);
           setTimeout((a, b) => { once = a + b; }, 1, 20, 22);
           const never = setTimeout(() => { once = -1; }, 1);
           clearTimeout(never);
           cove.requests.handle("state", () => ({ ticks, once }));
         }`,
        { globals: ["timers"] },
      ),
    );
    let state = { ticks: 0, once: 0 };
    const deadline = Date.now() + 2000;
    while (state.ticks < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      state = (await host.request("acme.ticker", "state")) as typeof state;
    }
    expect(state.once).toBe(42);
    expect(state.ticks).toBeGreaterThanOrEqual(3);
    await host.unload("acme.ticker");
    const events: string[] = [];
    host.on("plugin:error", (e) => events.push(e.during));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events).toEqual([]);
    expect(host.plugin("acme.ticker")?.state).toBe("unloaded");
  });

  it("leaves nothing behind when main fails after starting a timer", async () => {
    const host = createHost({ version: "1.0.0" });
    const logged: string[] = [];
    host.on("plugin:log", (e) => logged.push(e.text));
    const report = await host.load(
      plugin(
        "acme.fails",
        `setInterval(() => console.log("still here"), 1);
         cove.events.on("document.changed", () => {});
         throw new TypeError("bad start");`,
        {
          globals: ["timers", "console"],
          capabilities: [{ name: "events.subscribe", scope: ["document.*"] }],
        },
      ),
    );
    expect(report.refused[0]).toMatchObject({
      pluginId: "acme.fails",
      code: "COVE_PLUGIN_LOAD_FAILED",
    });
    expect(report.refused[0]?.reason).toContain("TypeError: bad start");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged).toEqual([]);
    expect(host.plugin("acme.fails")?.state).toBe("failed");
    expect(host.usage().plugins[0]?.state).toBe("failed");
  });

  it("keeps each plugin's realm to itself", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load([
      plugin(
        "acme.patcher",
        `Array.prototype.sneaky = 1; globalThis.shared = "mine";
         export function activate() { cove.requests.handle("p", () => [typeof [].sneaky, typeof shared]); }`,
      ),
      plugin(
        "acme.victim",
        `export function activate() { cove.requests.handle("p", () => [typeof [].sneaky, typeof shared]); }`,
      ),
    ]);
    expect(await host.request("acme.patcher", "p")).toEqual(["number", "string"]);
    expect(await host.request("acme.victim", "p")).toEqual(["undefined", "undefined"]);
  });
});
