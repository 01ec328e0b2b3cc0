export { type CommandHandler, type CommandInfo, CommandRegistry } from "./commands.js";
export {
  EDITOR_VERSION,
  Editor,
  type EditorEventMap,
  type EditorOptions,
  type Message,
} from "./editor.js";
export {
  type CommandExecuted,
  createEditorApi,
  type DocumentChanged,
  type DocumentInfo,
  type DocumentOpened,
  type DocumentSaved,
  type EditorApi,
  type EditorEvents,
  type EditorServices,
  editorEvents,
  type MessageLevel,
  type Problem,
  type SelectionChanged,
  type StatusOptions,
} from "./editor-api.js";
export {
  createEditorPolicy,
  EDITOR_BUDGETS,
  OPEN_CAPABILITIES,
  TRUSTED_CAPABILITIES,
} from "./policy.js";
export {
  EDITOR_DEFAULTS,
  matchesPattern,
  Settings,
  type SettingsData,
  type SettingValue,
} from "./settings.js";
export { StatusBar, type StatusItem } from "./status-bar.js";
export {
  type AppliedEdit,
  type Change,
  type ChangeOrigin,
  mapOffset,
  type Position,
  type Selection,
  TextDocument,
} from "./text-document.js";
