/**
 * A plugin id names a plugin in manifests, dependency lists, capability scopes, storage and
 * usage reports, so it must be safe in all of them: the rules of an unscoped npm package name
 * (lowercase, 1–214 characters, starting with a letter or digit, then letters, digits, `.`,
 * `_` or `-`). https://docs.npmjs.com/cli/configuring-npm/package-json#name
 */
const PLUGIN_ID = /^[a-z0-9][a-z0-9._-]{0,213}$/;

export function isValidPluginId(id: string): boolean {
  return PLUGIN_ID.test(id);
}
