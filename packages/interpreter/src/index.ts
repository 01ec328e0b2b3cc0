export type { ModuleResolver } from "./compile/module.js";
export {
  CoveError,
  FeatureDisallowedError,
  GuestError,
  MembraneError,
  ResourceExhaustedError,
  type ResourceName,
  RunAbortedError,
  SandboxError,
  SandboxStateError,
  SandboxSyntaxError,
} from "./errors.js";
export type { FeaturePolicy, SourceValidator } from "./parse/feature-policy.js";
export type { TotalLimits } from "./runtime/account.js";
export type { ErrorPolicy, RunLimits } from "./runtime/run.js";
export {
  createSandbox,
  DEFAULT_LIMITS,
  type ResourceCounters,
  type ResourceOptions,
  type ResourceReport,
  type RunOptions,
  Sandbox,
  type SandboxOptions,
} from "./sandbox.js";
