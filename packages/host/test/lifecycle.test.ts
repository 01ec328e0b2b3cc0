import { describe, expect, it } from "vitest";
import { createHost, createMemoryStorage } from "../src/index.js";
import { plugin } from "./helpers.js";

describe("lifecycle", () => {
  it("activates on startup, on a command and on an event, once each", async () => {
    const host = createHost({ version: "1.0.0", events: { "document.opened": {} } });
    const activated: string[] = [];
    host.on("plugin:activated", (e) => activated.push(`${e.pluginId} ${e.reason}`));
    const code = `
      let count = 0;
      export function activate(context) {
        count++;
        cove.requests.handle("count", () => count);
        cove.commands.register("demo.run", (x) => "ran " + x + " after " + context.reason);
        if (cove.events.on.length >= 0 && context.pluginId === "acme.event") {
          cove.events.on("document.opened", (p) => { count += 100; });
        }
      }`;
    await host.load([
      plugin("acme.startup", code.replace("demo.run", "startup.run"), {
        commands: ["startup.run"],
      }),
      plugin("acme.command", code, { activation: ["onCommand:demo.run"], commands: ["demo.run"] }),
      plugin("acme.event", code.replace("demo.run", "event.run"), {
        activation: ["onEvent:document.opened"],
        commands: ["event.run"],
        capabilities: [{ name: "events.subscribe", scope: ["document.opened"] }],
      }),
    ]);
    expect(activated).toEqual(["acme.startup onStartup"]);
    expect(host.plugin("acme.command")?.state).toBe("loaded");

    expect(await host.executeCommand("demo.run", [7])).toBe("ran 7 after onCommand:demo.run");
    expect(await host.executeCommand("demo.run", [8])).toBe("ran 8 after onCommand:demo.run");
    const report = await host.emit("document.opened", {});
    expect(report.delivered).toEqual(["acme.event"]);
    expect(activated).toEqual([
      "acme.startup onStartup",
      "acme.command onCommand:demo.run",
      "acme.event onEvent:document.opened",
    ]);
    expect(await host.request("acme.event", "count")).toBe(101);
    expect(await host.request("acme.command", "count")).toBe(1);
    await expect(host.executeCommand("nobody.has")).rejects.toMatchObject({
      code: "COVE_COMMAND_NOT_FOUND",
    });
  });

  it("runs deactivate on unload, records every transition and emits it", async () => {
    const storage = createMemoryStorage();
    const host = createHost({ version: "1.0.0", storage });
    const states: string[] = [];
    host.on("plugin:state", (e) => states.push(`${e.from}→${e.to}`));
    const unloaded: string[] = [];
    host.on("plugin:unloaded", (e) => unloaded.push(`${e.pluginId} ${e.reason}`));
    await host.load(
      plugin(
        "acme.tidy",
        `export function activate() {}
         export function deactivate() { cove.storage.set("bye", true); }`,
        { capabilities: [{ name: "storage" }] },
      ),
    );
    await host.unload("acme.tidy");
    expect(states).toEqual([
      "resolved→loaded",
      "loaded→activating",
      "activating→active",
      "active→deactivating",
      "deactivating→unloading",
      "unloading→unloaded",
    ]);
    expect(unloaded).toEqual(["acme.tidy request"]);
    expect(host.plugin("acme.tidy")?.transitions.map((t) => t.text)).toContain(
      "unloading → unloaded (request)",
    );
    expect(storage.snapshot.get("acme.tidy")).toBe('{"bye":true}');
    await expect(host.request("acme.tidy", "x")).rejects.toMatchObject({
      code: "COVE_PLUGIN_STATE",
    });
  });

  it("reloads a plugin with a fresh sandbox", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(
      plugin(
        "acme.counter",
        `let n = 0; export function activate() { cove.requests.handle("next", () => ++n); }`,
      ),
    );
    expect(await host.request("acme.counter", "next")).toBe(1);
    expect(await host.request("acme.counter", "next")).toBe(2);
    const report = await host.reload("acme.counter");
    expect(report.loaded).toEqual(["acme.counter"]);
    expect(await host.request("acme.counter", "next")).toBe(1);
    expect(host.plugin("acme.counter")?.state).toBe("active");
  });

  it("unloads a plugin whose activate throws", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load(plugin("acme.bad-start", `export function activate() { null.x; }`));
    await host.idle();
    expect(host.plugin("acme.bad-start")?.state).toBe("unloaded");
    expect(host.plugin("acme.bad-start")?.unloadReason).toBe("activation-failed");
    expect(host.usage().plugins[0]?.errors.last).toMatch(/TypeError[\s\S]*main\.js:1/);
  });

  it("restarts a failing plugin with backoff, up to the policy's limit", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { tick: {} },
      policy: {
        restart: { maxRestarts: 2, backoffMs: 10, factor: 3 },
        budgets: { cumulative: { default: { errors: 2 } } },
      },
    });
    const restarts: number[] = [];
    host.on("plugin:restarting", (e) => restarts.push(e.delayMs));
    await host.load(
      plugin(
        "acme.flaky",
        `export function activate() { cove.events.on("tick", () => { throw new Error("flaky"); }); }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["tick"] }],
        },
      ),
    );
    for (let round = 0; round < 3; round++) {
      expect(host.plugin("acme.flaky")?.state).toBe("active");
      // Listening before the unload that schedules the restart, so its activation is not missed.
      const reactivated = new Promise((resolve) => host.once("plugin:activated", resolve));
      await host.emit("tick", {});
      await host.emit("tick", {});
      await host.idle();
      expect(host.plugin("acme.flaky")?.state).toBe("unloaded");
      if (round < 2) await reactivated;
    }
    // The third unload scheduled no restart: restarts are announced when the unload happens.
    expect(restarts).toEqual([10, 30]);
    expect(host.plugin("acme.flaky")?.state).toBe("unloaded");
    expect(host.usage().plugins[0]).toMatchObject({ restarts: 2, unloadReason: "errors" });
  });

  it("passes settings to activate: the application's valid values, else the defaults", async () => {
    const host = createHost({
      version: "1.0.0",
      settings: (id) =>
        id === "acme.configured" ? { "wc.goal": 500, "wc.mode": "bytes" } : undefined,
    });
    await host.load(
      plugin(
        "acme.configured",
        `export function activate(c) { cove.requests.handle("s", () => c.settings); }`,
        {
          settings: {
            "wc.goal": { type: "integer", minimum: 1, default: 1000 },
            "wc.mode": { type: "string", enum: ["words", "characters"], default: "words" },
            "wc.code": { type: "boolean", default: false },
          },
        },
      ),
    );
    expect(await host.request("acme.configured", "s")).toEqual({
      "wc.goal": 500,
      "wc.mode": "words",
      "wc.code": false,
    });
    expect(host.plugin("acme.configured")?.log.map((l) => l.text)).toEqual([
      "setting wc.mode: must be equal to one of the allowed values; using the default",
    ]);
  });

  it("disposes the host by unloading every plugin", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.load([plugin("acme.one", "export {}"), plugin("acme.two", "export {}")]);
    await host.dispose();
    expect(host.plugins().map((p) => [p.id, p.state, p.unloadReason])).toEqual([
      ["acme.one", "unloaded", "host-disposed"],
      ["acme.two", "unloaded", "host-disposed"],
    ]);
  });
});
