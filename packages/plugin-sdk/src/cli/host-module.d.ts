// The build's stand-in for `@cove/host` (tsconfig.build.json maps the name here): the host is an
// optional peer of the SDK, loaded at run time by load-host.ts, so the SDK builds without it.
// load-host.ts states the part of the host's API the CLI uses.
declare const host: unknown;
export default host;
