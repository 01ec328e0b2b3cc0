/**
 * The naming rules of a manifest, as regular-expression sources shared by the JSON schema (which
 * editors evaluate too) and the TypeScript helpers. Every pattern is anchored and linear: no
 * nested quantifiers, so matching cannot backtrack catastrophically.
 */

const ID_SEGMENT = "[a-z0-9][a-z0-9_-]*";
const NAME_SEGMENT = "[A-Za-z0-9][A-Za-z0-9_-]*";

/**
 * A plugin id is `publisher.name`, reverse-DNS style: two or more dot-separated segments of
 * lowercase letters, digits, `-` and `_`, each starting with a letter or digit
 * (`acme.word-count`, `com.acme.todo_finder`). It names the plugin in dependency lists, storage
 * and reports, so it is also safe as a file name: no `/`, no leading `.`, no `..`.
 */
export const PLUGIN_ID_PATTERN = `^${ID_SEGMENT}(?:\\.${ID_SEGMENT})+$`;
export const PLUGIN_ID_MAX_LENGTH = 214;

/** A contributed command id: dot-separated segments, case-sensitive (`wordCount.show`). */
const COMMAND_ID = `${NAME_SEGMENT}(?:\\.${NAME_SEGMENT})*`;
export const COMMAND_ID_PATTERN = `^${COMMAND_ID}$`;

/** An event name: segments separated by `.` or `:` (`document.changed`, `plugin:unloaded`). */
const EVENT_NAME = `${NAME_SEGMENT}(?:[.:]${NAME_SEGMENT})*`;

/** An event scope: an event name, or a prefix of names ending in `.*` (`document.*`). */
export const EVENT_SCOPE_PATTERN = `^${EVENT_NAME}(?:\\.\\*)?$`;

export const ACTIVATION_EVENT_PATTERN = `^(?:onStartup|onCommand:${COMMAND_ID}|onEvent:${EVENT_NAME})$`;

/**
 * A capability name: dot-separated segments, each starting with a lowercase letter
 * (`editor.read`, `net.fetch`, `myApp.projects.write`). The set is open: an application declares
 * its own capabilities next to the ones Cove knows.
 */
export const CAPABILITY_NAME_PATTERN = "^[a-z][A-Za-z0-9-]*(?:\\.[a-z][A-Za-z0-9-]*)*$";

/** A host-global name from the host's catalogue: a JavaScript identifier (`console`, `URL`). */
export const GLOBAL_NAME_PATTERN = "^[A-Za-z_$][A-Za-z0-9_$]*$";

/** A setting key: dot-separated segments starting with a letter (`wordCount.includeCode`). */
export const SETTING_KEY_PATTERN = "^[A-Za-z][A-Za-z0-9_-]*(?:\\.[A-Za-z][A-Za-z0-9_-]*)*$";

/**
 * `main`: a relative path with forward slashes to a `.js` or `.mjs` file inside the plugin, with
 * an optional leading `./`. No segment may start with `.`, which rules out `..` and hidden files;
 * absolute paths, drive letters, URLs, backslashes, `?` and `#` cannot match.
 */
const PATH_SEGMENT = "[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*";
export const MODULE_PATH_PATTERN = `^(?:\\./)?(?:${PATH_SEGMENT}/)*${PATH_SEGMENT}\\.m?js$`;

const pluginId = new RegExp(PLUGIN_ID_PATTERN, "u");

/** Whether `id` follows the plugin id rule (see {@link PLUGIN_ID_PATTERN}). */
export function isValidPluginId(id: string): boolean {
  return id.length <= PLUGIN_ID_MAX_LENGTH && pluginId.test(id);
}
