/**
 * The string formats of the manifest schema, checked with the `semver` package and `URL`. Each
 * format is a predicate for ajv and a message for `validateManifest`, kept side by side.
 */

import semver from "semver";
import { messages } from "./messages.js";

export interface ManifestFormat {
  validate(value: string): boolean;
  message(value: string): string;
}

/** A semver version written plainly: no leading `v` or `=`, no surrounding spaces. */
function isSemverVersion(value: string): boolean {
  return /^\d/.test(value) && value === value.trim() && semver.valid(value) !== null;
}

/** A range that every release satisfies says nothing about compatibility. */
function acceptsEveryVersion(normalized: string): boolean {
  return normalized === "*" || normalized === ">=0.0.0" || normalized === ">=0.0.0-0";
}

function isOrigin(value: string): boolean {
  const url = parseUrl(value);
  return url !== undefined && /^https?:$/.test(url.protocol) && url.origin === value;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export const manifestFormats: Record<string, ManifestFormat> = {
  semver: {
    validate: isSemverVersion,
    message: (value) => messages.notSemverVersion(value),
  },
  "semver-range": {
    validate: (value) => semver.validRange(value) !== null,
    message: (value) => messages.notSemverRange(value),
  },
  "host-range": {
    validate(value) {
      const normalized = semver.validRange(value);
      return normalized !== null && value.trim() !== "" && !acceptsEveryVersion(normalized);
    },
    message: (value) =>
      semver.validRange(value) === null
        ? messages.notSemverRange(value)
        : messages.hostRangeAcceptsEverything(),
  },
  origin: {
    validate: isOrigin,
    message(value) {
      const url = parseUrl(value);
      const suggestion = url && /^https?:$/.test(url.protocol) ? url.origin : undefined;
      return messages.notOrigin(value, suggestion);
    },
  },
};
