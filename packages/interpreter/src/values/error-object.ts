import type { CodeInfo } from "../runtime/code-info.js";
import type { Frame } from "../runtime/frame.js";
import type { Run } from "../runtime/run.js";
import { JSObject } from "./object.js";
import { type Descriptor, WC } from "./property.js";
import type { Shape } from "./shape.js";
import type { Key } from "./value.js";

/** One guest stack frame as captured: the code and the source offset it was at. */
export interface CapturedFrame {
  code: CodeInfo;
  pos: number;
}

const MAX_FRAMES = 32;

/** Captures the guest execution-context stack of a run (guest frames only, never host ones). */
export function captureStack(run: Run): CapturedFrame[] {
  const out: CapturedFrame[] = [];
  for (let f: Frame | null = run.frame; f !== null && out.length < MAX_FRAMES; f = f.caller) {
    out.push({ code: f.code, pos: f.pos });
  }
  return out;
}

/** Renders captured frames as `    at name (file:line:col)` lines. */
export function formatFrames(frames: readonly CapturedFrame[]): string {
  return frames
    .map(({ code, pos }) => {
      const { line, column } = code.source.position(pos);
      const where = `${code.source.name}:${line}:${column}`;
      return code.name ? `    at ${code.name} (${where})` : `    at ${where}`;
    })
    .join("\n");
}

/**
 * An object with [[ErrorData]]. Its own `stack` data property is created on first use from the
 * frames captured at construction, so throwing errors in a loop does not format strings.
 */
export class ErrorObject extends JSObject {
  private pending: CapturedFrame[] | null;

  constructor(shape: Shape, proto: JSObject | null, frames: CapturedFrame[]) {
    super(shape, proto);
    this.pending = frames;
  }

  override get kind(): string {
    return "Error";
  }

  get frames(): readonly CapturedFrame[] {
    return this.pending ?? [];
  }

  private materialize(run: Run): void {
    const frames = this.pending;
    if (frames === null) return;
    this.pending = null;
    const head = errorHeadline(run, this);
    const trace = formatFrames(frames);
    this.storageAdd("stack", trace ? `${head}\n${trace}` : head, WC);
  }

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    if (key === "stack") this.materialize(run);
    return super.getOwnProperty(run, key);
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    if (key === "stack") this.materialize(run);
    return super.defineOwnProperty(run, key, desc);
  }

  override get(
    run: Run,
    key: Key,
    receiver: import("./value.js").Value,
  ): import("./value.js").Value {
    if (key === "stack") this.materialize(run);
    return super.get(run, key, receiver);
  }

  override set(
    run: Run,
    key: Key,
    v: import("./value.js").Value,
    receiver: import("./value.js").Value,
  ): boolean {
    if (key === "stack") this.materialize(run);
    return super.set(run, key, v, receiver);
  }

  override hasProperty(run: Run, key: Key): boolean {
    if (key === "stack") this.materialize(run);
    return super.hasProperty(run, key);
  }

  override delete(run: Run, key: Key): boolean {
    if (key === "stack") this.materialize(run);
    return super.delete(run, key);
  }

  override ownKeys(run: Run): Key[] {
    this.materialize(run);
    return super.ownKeys(run);
  }
}

/** `Name: message` read from own data properties only (no guest code runs). */
function errorHeadline(_run: Run, e: JSObject): string {
  let name: unknown = "Error";
  for (let o: JSObject | null = e; o !== null; o = o.proto) {
    const v = o.storageGet("name");
    if (typeof v === "string") {
      name = v;
      break;
    }
  }
  const m = e.storageGet("message");
  const message = typeof m === "string" ? m : "";
  return message ? `${name}: ${message}` : String(name);
}
