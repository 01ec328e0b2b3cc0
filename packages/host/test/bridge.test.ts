import { describe, expect, it } from "vitest";
import { type CallContext, createHost } from "../src/index.js";
import { plugin } from "./helpers.js";

const api = {
  editor: {
    getText: { capability: "editor.read", handler: () => "text" },
    setText: {
      capability: "editor.write",
      args: [{ type: "string", maxLength: 10 }],
      handler: (_call: unknown, text: string) => text.length,
    },
  },
  net: {
    fetch: {
      capability: "net.fetch",
      args: [{ type: "string" }],
      scope: (url: string) => new URL(url).origin,
      handler: (call: { scope: readonly string[] | undefined }, url: string) =>
        `${url} via ${call.scope?.join()}`,
    },
  },
} as const;

/** A plugin whose request "call" runs `cove.<path>(...args)` and reports what happened. */
const caller = `
  export function activate() {
    cove.requests.handle("call", ({ path, args }) => {
      const [ns, name] = path.split(".");
      try { return { ok: cove[ns][name](...args) }; }
      catch (e) { return { name: e.name, message: e.message, code: e.code, isError: e instanceof Error }; }
    });
  }`;

describe("the bridge", () => {
  it("exposes only methods of capabilities the manifest asks for", async () => {
    const host = createHost({ version: "1.0.0", api });
    await host.load(plugin("acme.reader", caller, { capabilities: [{ name: "editor.read" }] }));
    expect(await host.request("acme.reader", "call", { path: "editor.getText", args: [] })).toEqual(
      { ok: "text" },
    );
    expect(
      await host.request("acme.reader", "call", { path: "editor.setText", args: ["x"] }),
    ).toMatchObject({
      name: "TypeError",
    });
    expect(
      await host.request("acme.reader", "call", { path: "net.fetch", args: ["x"] }),
    ).toMatchObject({
      name: "TypeError",
    });
  });

  it("validates arguments with the method's schema", async () => {
    const host = createHost({ version: "1.0.0", api });
    await host.load(plugin("acme.writer", caller, { capabilities: [{ name: "editor.write" }] }));
    const call = (args: unknown[]) =>
      host.request("acme.writer", "call", { path: "editor.setText", args });
    expect(await call(["short"])).toEqual({ ok: 5 });
    expect(await call(["far too long for this"])).toEqual({
      name: "TypeError",
      message: "editor.setText: arguments[0]: must NOT have more than 10 characters",
      code: "COVE_INVALID_ARGUMENTS",
      isError: true,
    });
    expect(await call([])).toMatchObject({
      message: "editor.setText: arguments: needs at least 1 argument(s)",
    });
    expect(await call(["a", "b"])).toMatchObject({
      message: "editor.setText: arguments: takes at most 1 argument(s)",
    });
    expect(await call([3])).toMatchObject({
      message: "editor.setText: arguments[0]: must be string",
    });
  });

  it("denies calls outside the policy or the scope, throws PermissionDenied and audits them", async () => {
    const host = createHost({
      version: "1.0.0",
      api,
      policy: { capabilities: (_id, capability) => capability.name !== "editor.write" },
    });
    const audited: string[] = [];
    host.on("audit:denied", (e) => audited.push(`${e.pluginId} ${e.method}`));
    await host.load(
      plugin("acme.greedy", caller, {
        capabilities: [
          { name: "editor.write" },
          { name: "net.fetch", scope: ["https://api.example.com"] },
          { name: "events.emit", scope: ["greedy.*"] },
        ],
      }),
    );
    const call = (path: string, args: unknown[]) =>
      host.request("acme.greedy", "call", { path, args });
    expect(await call("editor.setText", ["x"])).toEqual({
      name: "PermissionDenied",
      message:
        'editor.setText needs capability "editor.write": the host\'s policy does not grant it',
      code: "COVE_CAPABILITY_DENIED",
      isError: true,
    });
    expect(await call("net.fetch", ["https://api.example.com/words"])).toEqual({
      ok: "https://api.example.com/words via https://api.example.com",
    });
    expect(await call("net.fetch", ["https://evil.example.com/steal"])).toMatchObject({
      name: "PermissionDenied",
      message: expect.stringContaining('"https://evil.example.com" is outside the granted scope'),
    });
    expect(await call("events.emit", ["other.thing", 1])).toMatchObject({
      name: "PermissionDenied",
    });
    expect(await call("events.emit", ["greedy.ok", 1])).toEqual({});

    const entries = host.audit({ pluginId: "acme.greedy" });
    expect(entries.map((e) => [e.capability, e.method])).toEqual([
      ["editor.write", "editor.setText"],
      ["net.fetch", "net.fetch"],
      ["events.emit", "events.emit"],
    ]);
    for (const entry of entries) {
      expect(entry.pluginId).toBe("acme.greedy");
      expect(typeof entry.time).toBe("number");
      expect(entry.reason.length).toBeGreaterThan(0);
    }
    expect(audited).toHaveLength(3);
    const usage = host.usage().plugins[0];
    expect(usage?.denied).toEqual({
      total: 3,
      byCapability: { "editor.write": 1, "net.fetch": 1, "events.emit": 1 },
    });
    expect(usage?.hostCalls.byMethod["net.fetch"]?.count).toBe(1);
    expect(usage?.hostCalls.byMethod["requests.handle"]?.count).toBe(1);
  });

  it("denies host events to plugins, and subscriptions outside the scope", async () => {
    const host = createHost({
      version: "1.0.0",
      events: { "document.changed": {}, "secret.changed": { capability: "secrets.read" } },
    });
    await host.load(
      plugin("acme.events", caller, {
        capabilities: [
          { name: "events.emit", scope: ["document.*"] },
          { name: "events.subscribe", scope: ["document.*", "secret.changed"] },
        ],
      }),
    );
    const call = (path: string, args: unknown[]) =>
      host.request("acme.events", "call", { path, args });
    expect(await call("events.emit", ["document.changed", {}])).toMatchObject({
      name: "PermissionDenied",
      message: expect.stringContaining("is an event of the host"),
    });
    expect(host.audit().map((e) => e.capability)).toEqual(["events.emit"]);
  });

  it("denies every call after a capability is revoked", async () => {
    const host = createHost({ version: "1.0.0", api });
    await host.load(plugin("acme.revoked", caller, { capabilities: [{ name: "editor.read" }] }));
    host.revoke("acme.revoked", "editor.read");
    expect(
      await host.request("acme.revoked", "call", { path: "editor.getText", args: [] }),
    ).toMatchObject({
      name: "PermissionDenied",
      message: expect.stringContaining("the capability was revoked"),
    });
  });

  it("gives handlers the calling plugin and keeps host error detail out of the guest", async () => {
    const calls: string[] = [];
    const host = createHost({
      version: "1.0.0",
      api: {
        app: {
          fail: {
            capability: "app.use",
            handler: (call: CallContext) => {
              calls.push(`${call.pluginId} ${call.method}`);
              throw new Error("database at /srv/secret failed");
            },
          },
        },
      },
      policy: { errors: "safe" },
    });
    await host.load(plugin("acme.caller", caller, { capabilities: [{ name: "app.use" }] }));
    expect(await host.request("acme.caller", "call", { path: "app.fail", args: [] })).toEqual({
      name: "Error",
      message: "Host function failed",
      isError: true,
    });
    expect(calls).toEqual(["acme.caller app.fail"]);
  });
});
