import type { SourceFile } from "../parse/source.js";

/** What a stack trace needs to know about compiled code: its name and where it came from. */
export interface CodeInfo {
  name: string;
  source: SourceFile;
  start: number;
}
