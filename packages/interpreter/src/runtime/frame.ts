import type { JSObject } from "../values/object.js";
import type { Slot, Value } from "../values/value.js";
import type { CodeInfo } from "./code-info.js";
import type { Run } from "./run.js";

/**
 * A declarative environment: the slots of one scope, resolved statically by the compiler
 * (`hops` up `p`, then `v[index]`). `f` is the activation the scope belongs to.
 */
export class Env {
  /** Variables a sloppy direct eval declared in this (var) scope at run time. */
  x: Map<string, { v: Value }> | undefined = undefined;
  constructor(
    public v: Slot[],
    public p: Env | null,
    public f: Frame,
  ) {}
}

/**
 * A function activation (execution context) and its top-level environment. `run` is the run
 * executing it; `caller` and `pos` give guest stack traces.
 */
export class Frame extends Env {
  run: Run;
  thisValue: Value | typeof import("../values/value.js").UNINIT;
  ret: Value = undefined;
  /** Label of the break/continue in flight, when a statement completes abruptly. */
  label: string | undefined = undefined;
  /** Source offset of the innermost call or throw site, for stack traces. */
  pos = 0;
  caller: Frame | null;
  /** Completion value of script and eval code. */
  cv: Value = undefined;
  /** Per-run global overlay visible to this code (run-level `globals`), inherited lexically. */
  overlay: Map<string, { v: Value }> | null;

  constructor(
    v: Slot[],
    p: Env | null,
    run: Run,
    readonly code: CodeInfo,
    readonly fn: JSObject | undefined,
    thisValue: Value | typeof import("../values/value.js").UNINIT,
    readonly newTarget: JSObject | undefined,
    readonly args: Value[],
    overlay: Map<string, { v: Value }> | null,
  ) {
    super(v, p, undefined as unknown as Frame);
    this.f = this;
    this.run = run;
    this.thisValue = thisValue;
    this.caller = run.frame;
    this.pos = code.start;
    this.overlay = overlay;
  }
}
