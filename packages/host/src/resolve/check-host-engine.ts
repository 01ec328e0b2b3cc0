import semver from "semver";

export type EngineCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a manifest's `engines.host` range against the running host's version. The range is
 * required and may not be `*`: a plugin must say which host versions it was written for.
 */
export function checkHostEngine(range: string, hostVersion: string): EngineCheck {
  const normalized = semver.validRange(range);
  if (normalized === null) {
    return { ok: false, reason: `engines.host "${range}" is not a valid semver range` };
  }
  if (normalized === "*") {
    return { ok: false, reason: `engines.host "${range}" must name the host versions it supports` };
  }
  if (!semver.satisfies(hostVersion, normalized)) {
    return { ok: false, reason: `host ${hostVersion} does not satisfy engines.host "${range}"` };
  }
  return { ok: true };
}
