/**
 * Module namespace exotic objects (https://tc39.es/ecma262/#sec-module-namespace-exotic-objects):
 * a frozen-shaped view whose properties read the exporting modules' bindings live.
 */
import type { Run } from "../runtime/run.js";
import { throwReferenceError } from "../runtime/throw.js";
import { JSObject } from "./object.js";
import type { Descriptor } from "./property.js";
import { type Key, type Slot, UNINIT, type Value } from "./value.js";

/** Where an export's value lives: a slot of a module environment. */
export interface ExportCell {
  read(): Slot;
}

export class ModuleNamespace extends JSObject {
  readonly names: string[];

  constructor(
    proto: JSObject | null,
    shape: import("./shape.js").Shape,
    readonly exports: Map<string, ExportCell>,
  ) {
    super(shape, proto);
    this.names = [...exports.keys()].sort();
    this.extensible = false;
    this.defineData(Symbol.toStringTag, "Module", 0);
  }

  override get kind(): string {
    return "Module";
  }

  override icSafe(): boolean {
    return false;
  }

  private value(run: Run, name: string): Value {
    const v = (this.exports.get(name) as ExportCell).read();
    if (v === UNINIT)
      return throwReferenceError(run, `Cannot access '${name}' before initialization`);
    return v as Value;
  }

  override setPrototypeOf(_run: Run, v: JSObject | null): boolean {
    return v === null;
  }

  override isExtensible(): boolean {
    return false;
  }

  override preventExtensions(): boolean {
    return true;
  }

  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    if (typeof key === "symbol") return super.getOwnProperty(run, key);
    if (!this.exports.has(key)) return undefined;
    return { value: this.value(run, key), writable: true, enumerable: true, configurable: false };
  }

  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    if (typeof key === "symbol") return super.defineOwnProperty(run, key, desc);
    const current = this.getOwnProperty(run, key);
    if (current === undefined) return false;
    if (desc.configurable === true || desc.enumerable === false || desc.writable === false)
      return false;
    if ("get" in desc || "set" in desc) return false;
    return !("value" in desc) || Object.is(desc.value, current.value);
  }

  override hasProperty(run: Run, key: Key): boolean {
    if (typeof key === "symbol") return super.hasProperty(run, key);
    return this.exports.has(key);
  }

  override get(run: Run, key: Key, receiver: Value): Value {
    if (typeof key === "symbol") return super.get(run, key, receiver);
    if (!this.exports.has(key)) return undefined;
    return this.value(run, key);
  }

  override set(): boolean {
    return false;
  }

  override delete(run: Run, key: Key): boolean {
    if (typeof key === "symbol") return super.delete(run, key);
    return !this.exports.has(key);
  }

  override ownKeys(run: Run): Key[] {
    return [...this.names, ...super.ownKeys(run)];
  }
}
