import { describe, expect, it } from "vitest";
import { type CallContext, createHost, createTestHost } from "../src/index.js";
import { plugin } from "./helpers.js";

describe("host.idle()", () => {
  it("resolves at once when there is nothing to do", async () => {
    const host = createHost({ version: "1.0.0" });
    await host.idle();
    await host.load(plugin("acme.quiet", "export function activate() {}"));
    await host.idle();
    expect(host.plugin("acme.quiet")?.state).toBe("active");
  });

  it("waits for work that work started: a plugin's event, its receiver, an async host call", async () => {
    const noted: string[] = [];
    const host = createHost({
      version: "1.0.0",
      api: {
        app: {
          // Settles on a later turn of the event loop, as real I/O does.
          note: {
            capability: "app.note",
            args: [{ type: "string" }],
            handler: (_call: CallContext, text: string) =>
              new Promise<void>((resolve) =>
                setTimeout(() => {
                  noted.push(text);
                  resolve();
                }, 20),
              ),
          },
        },
      },
    });
    await host.load([
      plugin(
        "acme.sender",
        `export function activate() {
           cove.requests.handle("send", (n) => { cove.events.emit("sender.said", { n }); return "sent"; });
         }`,
        { capabilities: [{ name: "events.emit", scope: ["sender.*"] }] },
      ),
      plugin(
        "acme.listener",
        `export function activate() {
           cove.events.on("sender.said", async ({ n }) => { await cove.app.note("heard " + n); });
         }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["sender.*"] }, { name: "app.note" }],
        },
      ),
    ]);
    expect(await host.request("acme.sender", "send", 3)).toBe("sent");
    expect(noted).toEqual([]);
    await host.idle();
    expect(noted).toEqual(["heard 3"]);
  });

  it("waits for an unload a budget asked for", async () => {
    const t = createTestHost({ version: "1.0.0", events: { go: {} } });
    await t.load(
      plugin(
        "acme.crashy",
        `export function activate() { cove.events.on("go", () => { throw new Error("no"); }); }`,
        {
          capabilities: [{ name: "events.subscribe", scope: ["go"] }],
          budgets: { cumulative: { errors: 1 } },
        },
      ),
    );
    const unloaded: string[] = [];
    t.host.on("plugin:unloaded", (e) => unloaded.push(`${e.pluginId} ${e.reason}`));
    await t.emit("go", {});
    await t.idle();
    expect(unloaded).toEqual(["acme.crashy errors"]);
    expect(t.host.plugin("acme.crashy")?.state).toBe("unloaded");
  });
});
