export * from "./app/index.js";
export {
  DOCUMENT,
  EXAMPLE_ROOT,
  type ProbeReport,
  runSession,
  type SessionOptions,
  type SessionResult,
} from "./demo/session.js";
export { createStyle, type Style, stripAnsi, styleFor } from "./demo/style.js";
