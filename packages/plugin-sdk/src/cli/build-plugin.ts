/**
 * Bundles a plugin's TypeScript (or JavaScript) into the one ES module its manifest's `main`
 * names, with esbuild: every import bundled in, except the modules the host provides (`"cove"`);
 * ES2022, since the interpreter runs ES2023; no Node built-ins, since a plugin's sandbox has none
 * (an import of one is an error at the importing line, not a failure when the plugin loads).
 */

import { mkdir, stat, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import type { Manifest } from "../manifest/types.js";
import { CliError, messages } from "./cli-error.js";
import { displayPath } from "./read-manifest.js";

/** Modules the host resolves for every plugin: the API object. */
export const HOST_MODULES: readonly string[] = ["cove"];

/** Entry files tried in order when `--entry` is not given. */
export const ENTRY_CANDIDATES = [
  "src/index.ts",
  "src/index.js",
  "src/main.ts",
  "src/main.js",
  "index.ts",
];

export interface BuildOptions {
  /** The entry file, relative to the plugin directory. */
  readonly entry?: string;
  /** More modules to leave to the host, beyond `"cove"`. */
  readonly externals?: readonly string[];
  readonly minify?: boolean;
  /** Shown paths are relative to this directory. */
  readonly cwd: string;
}

export interface BuildResult {
  /** The output file, as shown. */
  readonly output: string;
  readonly entry: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The inputs that take the most room in the output, largest first. */
  readonly inputs: readonly { readonly path: string; readonly bytes: number }[];
  /** esbuild's warnings, formatted `file:line:column: warning: text`. */
  readonly warnings: readonly string[];
  readonly ms: number;
}

export async function buildPlugin(
  dir: string,
  manifest: Manifest,
  options: BuildOptions,
): Promise<BuildResult> {
  const started = performance.now();
  const entry = await findEntry(dir, options);
  const outfile = path.join(dir, manifest.main);
  if (path.resolve(entry) === path.resolve(outfile)) {
    throw new CliError(
      `the entry ${displayPath(options.cwd, entry)} is the manifest's "main"; bundle from a source file (--entry src/index.ts)`,
    );
  }
  const external = [...HOST_MODULES, ...(options.externals ?? [])];

  let result: esbuild.BuildResult<{ metafile: true; write: false }>;
  try {
    result = await esbuild.build({
      absWorkingDir: dir,
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: "esm",
      target: "es2022",
      platform: "neutral",
      mainFields: ["module", "main"],
      external,
      plugins: [noNodeBuiltins()],
      minify: options.minify === true,
      metafile: true,
      // Written next to the bundle (and not linked from it): `cove-plugin test` maps the host's
      // bundle positions back to the sources with it.
      sourcemap: "external",
      sourcesContent: false,
      write: false,
      logLevel: "silent",
      charset: "utf8",
    });
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    throw new CliError(messages.buildFailed(failure.errors.length), {
      details: failure.errors.map((message) => formatMessage(message, "error", options.cwd, dir)),
    });
  }

  const output = result.outputFiles.find((file) => file.path === outfile);
  if (output === undefined) throw new Error(`esbuild wrote no ${manifest.main}`);
  await mkdir(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) await writeFile(file.path, file.contents);

  const meta = Object.entries(result.metafile.outputs).find(
    ([file]) => path.resolve(dir, file) === outfile,
  )?.[1];
  const inputs = Object.entries(meta?.inputs ?? {})
    .map(([input, info]) => ({
      path: inputName(options.cwd, dir, input),
      bytes: info.bytesInOutput,
    }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    output: displayPath(options.cwd, outfile),
    entry: displayPath(options.cwd, entry),
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents).byteLength,
    inputs,
    warnings: result.warnings.map((message) => formatMessage(message, "warning", options.cwd, dir)),
    ms: performance.now() - started,
  };
}

/** An input as people recognize it: `node_modules/pkg/…` for a package, else a path. */
function inputName(cwd: string, dir: string, input: string): string {
  const at = input.lastIndexOf("node_modules/");
  if (at !== -1) return input.slice(at);
  return displayPath(cwd, path.resolve(dir, input));
}

async function findEntry(dir: string, options: BuildOptions): Promise<string> {
  const isFile = (file: string) =>
    stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
  if (options.entry !== undefined) {
    const entry = path.resolve(dir, options.entry);
    if (!(await isFile(entry))) {
      throw new CliError(messages.entryMissing(displayPath(options.cwd, entry)));
    }
    return entry;
  }
  for (const candidate of ENTRY_CANDIDATES) {
    const entry = path.join(dir, candidate);
    if (await isFile(entry)) return entry;
  }
  throw new CliError(messages.noEntry(displayPath(options.cwd, dir), ENTRY_CANDIDATES));
}

const BUILTINS = new Set(builtinModules);
const RESOLVING = Symbol("resolving");

/**
 * Refuses `node:*` imports, and imports of Node's built-in modules by bare name (`fs`,
 * `path`) unless an npm package of that name is installed (`events`, `buffer` have browser
 * versions on npm), at the import that names them.
 */
function noNodeBuiltins(): esbuild.Plugin {
  return {
    name: "cove-no-node-builtins",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING) return undefined;
        const prefixed = args.path.startsWith("node:");
        if (!prefixed && !BUILTINS.has(args.path.split("/")[0] as string)) return undefined;
        if (!prefixed) {
          const found = await build.resolve(args.path, {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: RESOLVING,
          });
          if (found.errors.length === 0 && !found.external) return undefined;
        }
        return {
          errors: [
            {
              text: `"${args.path}" is a Node.js built-in module, and a plugin runs in a sandbox without Node: use the host's API ("cove") or a library that does not need Node`,
            },
          ],
        };
      });
    },
  };
}

/** `src/index.ts:3:7: error: text`, the source line and a caret, as compilers print them. */
function formatMessage(
  message: esbuild.Message,
  kind: "error" | "warning",
  cwd: string,
  dir: string,
): string {
  const where = message.location;
  if (where === null) return `${kind}: ${message.text}`;
  const file = displayPath(cwd, path.resolve(dir, where.file));
  const head = `${file}:${where.line}:${where.column + 1}: ${kind}: ${message.text}`;
  const gutter = `${where.line} | `;
  return [
    head,
    `  ${gutter}${where.lineText}`,
    `  ${" ".repeat(gutter.length + where.column)}${"^".repeat(Math.max(1, where.length))}`,
    ...message.notes.map((note) => `  note: ${note.text}`),
  ].join("\n");
}
