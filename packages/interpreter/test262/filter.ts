/**
 * Selecting tests by command-line arguments: a path prefix (`test/language/expressions`, with or
 * without the leading `test/`) or a glob (`test/built-ins/Array/**\/from*.js`; `*` and `?` stay
 * within one path segment, `**` crosses segments).
 */

export type PathFilter = (path: string) => boolean;

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** Normalises a user-supplied path: forward slashes, no `./`, rooted at `test/`. */
export function normalizePattern(pattern: string): string {
  let p = pattern.replace(/\\/g, "/").replace(/^\.\//, "");
  if (!p.startsWith("test/") && p !== "test" && !p.startsWith("*")) p = `test/${p}`;
  return p;
}

export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** True when `path` is `prefix` itself or lies under it (segment-wise). */
export function underPrefix(path: string, prefix: string): boolean {
  const p = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  return path === p || path.startsWith(`${p}/`);
}

/** A filter accepting paths matched by any pattern; no patterns accept everything. */
export function makeFilter(patterns: readonly string[]): PathFilter {
  if (patterns.length === 0) return () => true;
  const tests = patterns.map((raw): PathFilter => {
    const p = normalizePattern(raw);
    if (!isGlob(p)) return (path) => underPrefix(path, p);
    const re = globToRegExp(p);
    return (path) => re.test(path);
  });
  return (path) => tests.some((t) => t(path));
}
