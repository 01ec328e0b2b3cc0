/**
 * The files `cove-plugin init` writes: a manifest, a TypeScript plugin using `definePlugin`, a
 * vitest test using `createTestHost`, package.json, tsconfig.json. The plugin is small but real:
 * a command, a setting, storage and the console, so each part of the API appears once.
 */

export interface ScaffoldNames {
  /** The plugin id, `publisher.name`. */
  readonly id: string;
  /** The name people see. */
  readonly name: string;
  /** The npm package name. */
  readonly packageName: string;
  /** The prefix of the command id and setting key: `helloWorld`. */
  readonly prefix: string;
  readonly sdkVersion: string;
}

export function pluginFiles(names: ScaffoldNames): Record<string, string> {
  const command = `${names.prefix}.greet`;
  const setting = `${names.prefix}.greeting`;
  const manifest = {
    $schema: "./node_modules/@cove/plugin-sdk/schema/cove-plugin.schema.json",
    manifestVersion: 1,
    id: names.id,
    name: names.name,
    version: "0.1.0",
    description: `${names.name}: greets people and counts its greetings.`,
    engines: { host: "^1.0.0" },
    main: "dist/main.js",
    activation: [`onCommand:${command}`],
    contributes: {
      commands: [{ id: command, title: "Greet someone" }],
      settings: {
        [setting]: {
          type: "string",
          default: "Hello",
          maxLength: 50,
          description: "The word to greet with.",
        },
      },
    },
    capabilities: [{ name: "storage", reason: "Counts how many greetings it has given." }],
    globals: ["console"],
    budgets: { perEvent: { fuel: 100000 } },
  };
  const packageJson = {
    name: names.packageName,
    version: "0.1.0",
    private: true,
    description: manifest.description,
    type: "module",
    scripts: {
      build: "cove-plugin build",
      validate: "cove-plugin validate",
      typecheck: "tsc --noEmit",
      pretest: "cove-plugin build",
      test: "vitest run",
      smoke: `cove-plugin test --command ${command}`,
    },
    devDependencies: {
      "@cove/host": `^${names.sdkVersion}`,
      "@cove/plugin-sdk": `^${names.sdkVersion}`,
      typescript: "^5.9.0",
      vitest: "^4.1.0",
    },
  };
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: ["@cove/plugin-sdk/env"],
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ["src"],
  };

  return {
    "cove-plugin.json": json(manifest),
    "package.json": json(packageJson),
    "tsconfig.json": json(tsconfig),
    ".gitignore": "node_modules/\ndist/\n",
    "src/index.ts": `import { definePlugin, type SettingsOf } from "@cove/plugin-sdk";
import { commands, storage } from "cove";

/** The settings of cove-plugin.json, each typed by its default. */
type Settings = SettingsOf<typeof import("../cove-plugin.json", { with: { type: "json" } })>;

/**
 * The host calls \`activate\` on the plugin's first activation event ("activation" in
 * cove-plugin.json: here, the first time ${command} runs) and \`deactivate\` when it unloads
 * the plugin. It calls them by name, so export them by name.
 */
export const { activate, deactivate } = definePlugin<Settings>({
  activate(context) {
    const greeting = context.settings[${JSON.stringify(setting)}];
    commands.register(${JSON.stringify(command)}, (name?: string) => {
      const count = (storage.get<number>("greetings") ?? 0) + 1;
      storage.set("greetings", count);
      const text = \`\${greeting}, \${name ?? "world"}!\`;
      console.log(\`\${text} (greeting number \${count})\`);
      return text;
    });
  },
  deactivate() {
    console.log("goodbye");
  },
});
`,
    "test/plugin.test.ts": `import { fileURLToPath } from "node:url";
import { createTestHost } from "@cove/host";
import { afterEach, describe, expect, it } from "vitest";

// The plugin's directory; \`npm test\` builds dist/main.js first ("pretest" in package.json).
const pluginDir = fileURLToPath(new URL("..", import.meta.url));
const hosts: { dispose(): Promise<void> }[] = [];

/** A local host for one test, with the application's setting values when given. */
function testHost(settings?: Record<string, unknown>) {
  const host = createTestHost(settings === undefined ? {} : { settings: () => settings });
  hosts.push(host);
  return host;
}

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

describe(${JSON.stringify(names.id)}, () => {
  it("greets by name and counts its greetings", async () => {
    const t = testHost();
    await t.load(pluginDir);
    expect(await t.executeCommand(${JSON.stringify(command)}, "Ada")).toBe("Hello, Ada!");
    expect(await t.executeCommand(${JSON.stringify(command)})).toBe("Hello, world!");
    expect(await t.storage()).toEqual({ greetings: 2 });
    expect(t.log().map((line) => line.text)).toContain("Hello, Ada! (greeting number 1)");
  });

  it("greets with the word the application chose", async () => {
    const t = testHost({ ${JSON.stringify(setting)}: "Hi" });
    await t.load(pluginDir);
    expect(await t.executeCommand(${JSON.stringify(command)}, "Ada")).toBe("Hi, Ada!");
  });

  it("stays cheap", async () => {
    const t = testHost();
    await t.load(pluginDir);
    await t.executeCommand(${JSON.stringify(command)}); // the first run activates the plugin
    const cost = await t.measure(() => t.executeCommand(${JSON.stringify(command)}, "Ada"));
    expect(cost.fuel).toBeLessThan(1_000);
    expect(cost.hostCallsByMethod).toEqual({ "storage.get": 1, "storage.set": 1 });
  });
});
`,
    "README.md": `# ${names.name}

A [Cove](https://www.npmjs.com/package/@cove/plugin-sdk) plugin (\`${names.id}\`).

\`\`\`sh
npm install
npm test              # builds dist/main.js, then runs the tests in test/
npm run typecheck     # checks the TypeScript (the build does not)
npm run validate      # checks cove-plugin.json
npm run smoke         # runs the plugin in a local host and shows what it costs
\`\`\`

\`src/index.ts\` is the plugin, \`cove-plugin.json\` its manifest. \`cove-plugin build\` bundles the
plugin into \`dist/main.js\`, one ES module, the file the manifest's \`main\` names.
`,
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
