/**
 * Scope matching for capabilities: a granted scope entry matches an item exactly, or as a
 * prefix when it ends in `.*` (`document.*` matches `document.changed` and `document.saved.x`,
 * not `document` itself nor `documents.x`).
 */
export function matchesScope(scope: readonly string[], item: string): boolean {
  for (const entry of scope) {
    if (entry === item) return true;
    if (entry.endsWith(".*") && item.startsWith(entry.slice(0, -1))) return true;
  }
  return false;
}
