/**
 * @cove/host: embed Cove in an application — load plugins from manifests, run each in its own
 * sandbox, bridge capability-checked API calls and events, meter budgets, unload what exhausts
 * them, report usage.
 */

export {
  type AnyMethod,
  type ApiDeclaration,
  type CallContext,
  defineApi,
  defineEvents,
  type EventDeclaration,
  type EventPayloadOf,
  type EventsDeclaration,
  event,
  type JsonSchema,
  type MethodDeclaration,
  method,
  type NamespaceDeclaration,
  type PluginApiOf,
  type PluginMethod,
} from "./api/api-types.js";
export type { AuditEntry } from "./bridge/audit-log.js";
export type { Grant } from "./bridge/grants.js";
export {
  createHost,
  type Host,
  type HostOptions,
  type LoadReport,
  type PluginInfo,
  type RefusedPlugin,
} from "./create-host.js";
export type { PluginSource } from "./discovery/plugin-source.js";
export { discoverPlugins, readPluginDirectory } from "./discovery/read-plugin-directory.js";
export {
  CapabilityDeniedError,
  HOST_ERROR_CODES,
  HostError,
  type HostErrorCode,
  ManifestInvalidError,
  ResourceExhaustedError,
} from "./errors.js";
export type { CallOptions, RequestSender } from "./events/call-plugin.js";
export type { EmitReport } from "./events/deliver-event.js";
export type { HostEvents } from "./events/host-events.js";
export type { ActivationContext } from "./lifecycle/activate-plugin.js";
export type { HostLogger } from "./lifecycle/host-core.js";
export { API_GLOBAL } from "./lifecycle/load-plugin.js";
export type { LogLine, PluginState } from "./lifecycle/plugin-record.js";
export {
  type BudgetPolicy,
  DEFAULT_CUMULATIVE,
  DEFAULT_PER_EVENT,
  type FullBudget,
  type HostPolicy,
  type OverflowPolicy,
  type RestartPolicy,
} from "./policy/host-policy.js";
export { checkHostEngine, type EngineCheck } from "./resolve/check-host-engine.js";
export {
  DEFAULT_CATALOGUE,
  type GlobalCatalogue,
  type GlobalFactory,
  type GlobalServices,
} from "./sandbox/global-catalogue.js";
export {
  createFileStorage,
  type FileStorageOptions,
  type FileStorageSteps,
} from "./storage/file-storage.js";
export {
  createMemoryStorage,
  type StorageAdapter,
  type StoredData,
} from "./storage/storage-adapter.js";
export {
  createTestHost,
  type EmittedEvent,
  type HostCall,
  type PluginCost,
  type TestHost,
  type TestHostOptions,
} from "./testing/create-test-host.js";
export { parseUsageReport, renderUsageJson } from "./usage/parse-usage-report.js";
export { renderUsageHtml } from "./usage/render-usage-html.js";
export { renderUsageTable } from "./usage/render-usage-table.js";
export type { Metered, UsageOptions, UsageRecord, UsageReport } from "./usage/usage-types.js";
