#!/usr/bin/env node
// Enforces the one-way layering of DESIGN.md §1: host → interpreter, host → plugin-sdk; the
// interpreter and the SDK import nothing from the repo; nothing deep-imports a package
// (`@cove/x/...`) or reaches into another package by a relative path. Examples may use any
// package through its public entry.
//
// One exception, named in ALLOWED_RUNTIME_IMPORTS: a package may load a package it must not depend
// on by a dynamic `import()` in one named file, when its package.json declares that package an
// optional peer dependency — the user's own installation, found at run time (the SDK's
// `cove-plugin test` runs plugins in the author's @cove/host). Anything else naming that package
// (a static or type import, `require`, another file) is still a violation.
//
// Usage: node scripts/check-layering.mjs [repo-root]
// Scans packages/*/src and examples/*/src; prints `file:line: message` per violation, exit 1.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Which @cove packages each library package may import. A package not listed here fails. */
const ALLOWED_IMPORTS = {
  "@cove/interpreter": [],
  "@cove/plugin-sdk": [],
  "@cove/host": ["@cove/interpreter", "@cove/plugin-sdk"],
};
/**
 * Dynamic `import()`s allowed against ALLOWED_IMPORTS: package → imported package → the files
 * (relative to the package) where it may appear. Each must be an optional peer dependency.
 */
const ALLOWED_RUNTIME_IMPORTS = {
  "@cove/plugin-sdk": { "@cove/host": ["src/cli/load-host.ts"] },
};
const SCOPE = "@cove/";
const SOURCE_FILE = /\.(?:[cm]?ts|tsx)$/;

const root = path.resolve(process.argv[2] ?? path.join(fileURLToPath(import.meta.url), "../.."));

function main() {
  const violations = [];
  let fileCount = 0;
  for (const group of ["packages", "examples"]) {
    for (const dir of listDirs(path.join(root, group))) {
      const srcDir = path.join(dir, "src");
      if (!isDir(srcDir)) continue;
      const manifest = readPackage(dir);
      const pkg = { group, dir, name: manifest?.name ?? path.relative(root, dir), manifest };
      for (const file of listFiles(srcDir)) {
        fileCount++;
        violations.push(...checkFile(file, pkg));
      }
    }
  }
  if (violations.length > 0) {
    for (const v of violations) console.error(`${v.where}: ${v.message}`);
    console.error(
      `check-layering: ${violations.length} violation(s). Packages may import only what ` +
        "scripts/check-layering.mjs allows, through each package's public entry (see ARCHITECTURE.md).",
    );
    process.exit(1);
  }
  console.log(`check-layering: ${fileCount} source files, layering respected`);
}

function checkFile(file, pkg) {
  const violations = [];
  for (const { specifier, line, dynamic } of findImportSpecifiers(readFileSync(file, "utf8"))) {
    const message = checkSpecifier(specifier, file, pkg, dynamic);
    if (message) violations.push({ where: `${path.relative(root, file)}:${line}`, message });
  }
  return violations;
}

function checkSpecifier(specifier, file, pkg, dynamic) {
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
    const target = path.resolve(path.dirname(file), specifier);
    const fromPackage = path.relative(pkg.dir, target);
    if (fromPackage.startsWith("..") || path.isAbsolute(fromPackage)) {
      return `"${specifier}" reaches outside ${pkg.name} by path; import the other package by name`;
    }
    return undefined;
  }
  if (!specifier.startsWith(SCOPE)) return undefined;
  const [scope, name, ...rest] = specifier.split("/");
  const target = `${scope}/${name}`;
  if (rest.length > 0) {
    return `"${specifier}" is a deep import; import "${target}" (its public entry) instead`;
  }
  if (pkg.group === "examples") return undefined;
  const allowed = ALLOWED_IMPORTS[pkg.name];
  if (allowed === undefined) {
    return `${pkg.name} has no layering rule; add it to ALLOWED_IMPORTS in scripts/check-layering.mjs`;
  }
  if (!allowed.includes(target)) {
    const runtimeFiles = ALLOWED_RUNTIME_IMPORTS[pkg.name]?.[target];
    const relative = path.relative(pkg.dir, file).split(path.sep).join("/");
    if (dynamic && runtimeFiles?.includes(relative)) {
      const peer = pkg.manifest?.peerDependencies?.[target];
      const optional = pkg.manifest?.peerDependenciesMeta?.[target]?.optional === true;
      if (peer !== undefined && optional) return undefined;
      return `${pkg.name} may load "${target}" at run time only as an optional peer dependency; declare it in peerDependencies and peerDependenciesMeta (optional: true)`;
    }
    if (runtimeFiles !== undefined) {
      const where = runtimeFiles.join(", ");
      return `${pkg.name} may not import "${target}" (only a dynamic import() in ${where} may load it, at run time)`;
    }
    const may = allowed.length > 0 ? `only ${allowed.join(" and ")}` : "no @cove package";
    return `${pkg.name} may not import "${target}" (it may import ${may})`;
  }
  return undefined;
}

/**
 * Module specifiers of `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`
 * and `require("x")`, with their lines. A small tokenizer skips comments, strings, template
 * literals and regular expressions, so text inside them is never mistaken for an import.
 */
function findImportSpecifiers(source) {
  const tokens = tokenize(source);
  const found = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const afterNext = tokens[i + 2];
    if (t.type !== "word" || tokens[i - 1]?.value === ".") continue;
    if ((t.value === "from" || t.value === "import") && next?.type === "string") {
      found.push({ specifier: next.value, line: next.line, dynamic: false });
    } else if (
      (t.value === "import" || t.value === "require") &&
      next?.value === "(" &&
      afterNext?.type === "string"
    ) {
      found.push({
        specifier: afterNext.value,
        line: afterNext.line,
        dynamic: t.value === "import" && tokens[i - 1]?.value !== "typeof",
      });
    }
  }
  return found;
}

function tokenize(source) {
  const tokens = [];
  // Each entry is the brace depth inside a template literal's `${ … }`.
  const templateDepths = [];
  let line = 1;
  let i = 0;
  const push = (type, value, at) => tokens.push({ type, value, line: at });
  const last = () => tokens[tokens.length - 1];

  while (i < source.length) {
    const c = source[i];
    if (c === "\n") {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      line += countNewlines(source, i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = line;
      let value = "";
      i++;
      while (i < source.length && source[i] !== c && source[i] !== "\n") {
        if (source[i] === "\\") {
          if (source[i + 1] === "\n") line++;
          value += source[i + 1] ?? "";
          i += 2;
        } else {
          value += source[i++];
        }
      }
      i++;
      push("string", value, start);
    } else if (c === "`" || (c === "}" && templateDepths.at(-1) === 0)) {
      if (c === "}") templateDepths.pop();
      i = skipTemplate(i + 1);
    } else if (c === "/" && regexCanStart(last())) {
      i = skipRegex(i + 1);
      push("regex", "", line);
    } else if (/[\w$]/.test(c)) {
      const start = i;
      while (i < source.length && /[\w$]/.test(source[i])) i++;
      push("word", source.slice(start, i), line);
    } else {
      if (templateDepths.length > 0) {
        if (c === "{") templateDepths[templateDepths.length - 1]++;
        if (c === "}") templateDepths[templateDepths.length - 1]--;
      }
      push("punct", c, line);
      i++;
    }
  }
  return tokens;

  // Skips template text up to the closing backtick, or up to `${`, where code resumes.
  function skipTemplate(from) {
    let j = from;
    while (j < source.length) {
      if (source[j] === "\\") {
        if (source[j + 1] === "\n") line++;
        j += 2;
      } else if (source[j] === "`") {
        push("template", "", line);
        return j + 1;
      } else if (source[j] === "$" && source[j + 1] === "{") {
        templateDepths.push(0);
        return j + 2;
      } else {
        if (source[j] === "\n") line++;
        j++;
      }
    }
    return j;
  }

  function skipRegex(from) {
    let j = from;
    let inClass = false;
    while (j < source.length && source[j] !== "\n") {
      const ch = source[j];
      if (ch === "\\") j++;
      else if (ch === "[") inClass = true;
      else if (ch === "]") inClass = false;
      else if (ch === "/" && !inClass) break;
      j++;
    }
    j++;
    while (j < source.length && /[a-z]/i.test(source[j])) j++;
    return j;
  }
}

// A `/` starts a regular expression where an expression may begin: after an operator, an
// opening bracket, a comma or semicolon, or a keyword such as `return`; not after a value.
const KEYWORDS_BEFORE_EXPRESSION = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);
function regexCanStart(previous) {
  if (previous === undefined) return true;
  if (previous.type === "punct") return !")]}".includes(previous.value);
  if (previous.type === "word") return KEYWORDS_BEFORE_EXPRESSION.has(previous.value);
  return false;
}

function countNewlines(text, from, to) {
  let n = 0;
  for (let j = from; j < to; j++) if (text[j] === "\n") n++;
  return n;
}

function readPackage(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
}

function listDirs(dir) {
  if (!isDir(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((entry) => path.join(dir, entry))
    .filter(isDir);
}

function listFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(full);
  }
  return files.sort();
}

function isDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

main();
