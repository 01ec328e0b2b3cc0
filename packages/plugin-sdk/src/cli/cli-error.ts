/**
 * Errors the `cove-plugin` CLI reports and exits on. `exitCode` is 2 for a mistake in how the
 * command was called (unknown option, missing argument) and 1 for a problem with the plugin
 * (invalid manifest, build error, failed test). Messages come from `messages` below, each saying
 * what is wrong, where, and what to do.
 */

export class CliError extends Error {
  readonly exitCode: 1 | 2;
  /** Lines printed after the message (problems, build errors), each already formatted. */
  readonly details: readonly string[];

  constructor(message: string, options: { exitCode?: 1 | 2; details?: readonly string[] } = {}) {
    super(message);
    this.name = "CliError";
    this.exitCode = options.exitCode ?? 1;
    this.details = options.details ?? [];
  }
}

export const messages = {
  unknownCommand: (name: string, known: readonly string[]) =>
    `unknown command "${name}"; the commands are ${known.join(", ")} (cove-plugin --help)`,
  usage: (command: string, detail: string) =>
    `${detail} (cove-plugin ${command} --help shows the options)`,
  noManifest: (file: string) =>
    `${file} does not exist; run this in a plugin's directory, pass the directory, or create a plugin with cove-plugin init <dir>`,
  manifestInvalid: (file: string, count: number) =>
    `${file} has ${count === 1 ? "1 problem" : `${count} problems`}; fix ${count === 1 ? "it" : "them"} and run the command again`,
  notEmpty: (dir: string) =>
    `${dir} already exists and is not empty; choose a new directory, or pass --force to add the plugin's files to it`,
  badId: (id: string) =>
    `"${id}" is not a plugin id: use publisher.name, lowercase letters, digits, "-" and "_" (--id acme.word-count)`,
  noEntry: (dir: string, tried: readonly string[]) =>
    `no entry file in ${dir} (looked for ${tried.join(", ")}); pass --entry <file>`,
  entryMissing: (file: string) => `the entry file ${file} does not exist`,
  buildFailed: (count: number) =>
    `the build failed with ${count === 1 ? "1 error" : `${count} errors`}; fix the code above and build again`,
  notBuilt: (main: string) =>
    `${main} (the manifest's "main") does not exist; run cove-plugin build first, or cove-plugin test --build`,
  hostMissing: () =>
    "cove-plugin test runs your plugin in @cove/host, which is not installed; add it to your plugin's devDependencies (npm install --save-dev @cove/host)",
  loadFailed: (detail: string) => `the plugin did not load: ${detail}`,
  commandFailed: (command: string, detail: string) => `the command ${command} failed: ${detail}`,
  eventFailed: (name: string) =>
    `the plugin's handler of ${name} failed (see its log above); fix it and run the test again`,
  badJson: (what: string, detail: string) => `${what} is not JSON: ${detail}`,
  configInvalid: (file: string, detail: string) =>
    `${file} must be an ES module whose default export is createTestHost's options: ${detail}`,
};
