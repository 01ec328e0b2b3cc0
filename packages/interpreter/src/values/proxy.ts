/**
 * The Proxy exotic object
 * (https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots).
 *
 * Every internal method is overridden: a proxy has no own storage of its own. It is kept in
 * dictionary mode with an empty dictionary so that no shape-keyed inline cache can ever match it,
 * and `indexed` is set so that element fast paths that scan a prototype chain for indexed
 * properties fall back to the internal methods when a proxy is on the chain.
 */

import type { Realm } from "../realm/realm.js";
import { isCallable, toBoolean } from "../runtime/conversions.js";
import {
  completeDescriptor,
  createArray,
  createListFromArrayLike,
  fromPropertyDescriptor,
  getMethod,
  keyToDisplay,
  toPropertyDescriptor,
} from "../runtime/object-ops.js";
import type { Run } from "../runtime/run.js";
import { throwTypeError } from "../runtime/throw.js";
import { JSArray } from "./array.js";
import { BoundFunction } from "./function.js";
import { JSObject, validateDescriptor } from "./object.js";
import {
  ACCESSOR,
  Accessor,
  CONFIGURABLE,
  type Descriptor,
  ENUMERABLE,
  isAccessorDescriptor,
  isDataDescriptor,
  type Stored,
  WRITABLE,
} from "./property.js";
import type { Shape } from "./shape.js";
import type { Key, Value } from "./value.js";

export class ProxyObject extends JSObject {
  /** [[ProxyTarget]]; null once revoked. */
  target: JSObject | null;
  /** [[ProxyHandler]]; null once revoked. */
  handler: JSObject | null;
  /** Whether the proxy has [[Call]] / [[Construct]]: fixed at creation from the target. */
  private readonly callable: boolean;
  private readonly constructible: boolean;

  constructor(shape: Shape, target: JSObject, handler: JSObject) {
    super(shape, null);
    this.toDictionary();
    this.indexed = true;
    this.extensible = false;
    this.target = target;
    this.handler = handler;
    this.callable = target.isCallable();
    this.constructible = target.isConstructor();
  }

  /** Proxies have no builtin tag of their own (Object.prototype.toString checks IsArray). */
  override get kind(): string {
    return "Object";
  }

  /**
   * The realm GetFunctionRealm finds for a proxy: its target's (best effort for code that reads
   * `.realm`; undefined once revoked — getFunctionRealm below throws the spec's TypeError).
   */
  get realm(): Realm | undefined {
    return (this.target as { realm?: Realm } | null)?.realm;
  }

  /** No property-access cache may bypass the traps. */
  override icSafe(_key: Key): boolean {
    return false;
  }

  override isCallable(): boolean {
    return this.callable;
  }

  override isConstructor(): boolean {
    return this.constructible;
  }

  override hasOrdinaryGetPrototypeOf(): boolean {
    return false;
  }

  revoke(): void {
    this.target = null;
    this.handler = null;
  }

  /**
   * https://tc39.es/ecma262/#sec-validatenonrevokedproxy, then GetMethod(handler, name).
   * Returns the live target and handler and the trap (undefined when the handler has none).
   */
  private trap(run: Run, name: string): [JSObject, JSObject, JSObject | undefined] {
    const handler = this.handler;
    const target = this.target;
    if (handler === null || target === null) {
      return throwTypeError(run, `Cannot perform '${name}' on a proxy that has been revoked`);
    }
    return [target, handler, getMethod(run, handler, name)];
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getprototypeof */
  override getPrototypeOf(run: Run): JSObject | null {
    const [target, handler, trap] = this.trap(run, "getPrototypeOf");
    if (trap === undefined) return target.getPrototypeOf(run);
    const handlerProto = trap.call(run, handler, [target]);
    if (handlerProto !== null && !(handlerProto instanceof JSObject)) {
      return throwTypeError(
        run,
        "'getPrototypeOf' on proxy: trap returned neither object nor null",
      );
    }
    if (target.isExtensible(run)) return handlerProto;
    if (handlerProto !== target.getPrototypeOf(run)) {
      return throwTypeError(
        run,
        "'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype",
      );
    }
    return handlerProto;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v */
  override setPrototypeOf(run: Run, v: JSObject | null): boolean {
    const [target, handler, trap] = this.trap(run, "setPrototypeOf");
    if (trap === undefined) return target.setPrototypeOf(run, v);
    if (!toBoolean(trap.call(run, handler, [target, v]))) return false;
    if (target.isExtensible(run)) return true;
    if (v !== target.getPrototypeOf(run)) {
      return throwTypeError(
        run,
        "'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target",
      );
    }
    return true;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-isextensible */
  override isExtensible(run: Run): boolean {
    const [target, handler, trap] = this.trap(run, "isExtensible");
    if (trap === undefined) return target.isExtensible(run);
    const result = toBoolean(trap.call(run, handler, [target]));
    if (result !== target.isExtensible(run)) {
      return throwTypeError(
        run,
        `'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is '${!result}')`,
      );
    }
    return result;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-preventextensions */
  override preventExtensions(run: Run): boolean {
    const [target, handler, trap] = this.trap(run, "preventExtensions");
    if (trap === undefined) return target.preventExtensions(run);
    const result = toBoolean(trap.call(run, handler, [target]));
    if (result && target.isExtensible(run)) {
      return throwTypeError(
        run,
        "'preventExtensions' on proxy: trap returned truish but the proxy target is extensible",
      );
    }
    return result;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p */
  override getOwnProperty(run: Run, key: Key): Descriptor | undefined {
    const [target, handler, trap] = this.trap(run, "getOwnPropertyDescriptor");
    if (trap === undefined) return target.getOwnProperty(run, key);
    const resultObj = trap.call(run, handler, [target, key]);
    if (resultObj !== undefined && !(resultObj instanceof JSObject)) {
      return throwTypeError(
        run,
        `'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '${keyToDisplay(key)}'`,
      );
    }
    const targetDesc = target.getOwnProperty(run, key);
    if (resultObj === undefined) {
      if (targetDesc === undefined) return undefined;
      if (targetDesc.configurable === false) {
        return throwTypeError(
          run,
          `'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '${keyToDisplay(key)}' which is non-configurable in the proxy target`,
        );
      }
      if (!target.isExtensible(run)) {
        return throwTypeError(
          run,
          `'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '${keyToDisplay(key)}' which exists in the non-extensible proxy target`,
        );
      }
      return undefined;
    }
    const extensibleTarget = target.isExtensible(run);
    const resultDesc = completeDescriptor(toPropertyDescriptor(run, resultObj));
    if (!isCompatiblePropertyDescriptor(extensibleTarget, resultDesc, targetDesc)) {
      return throwTypeError(
        run,
        `'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '${keyToDisplay(key)}' that is incompatible with the existing property in the proxy target`,
      );
    }
    if (resultDesc.configurable === false) {
      if (targetDesc === undefined || targetDesc.configurable === true) {
        return throwTypeError(
          run,
          `'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '${keyToDisplay(key)}' which is either non-existent or configurable in the proxy target`,
        );
      }
      if (
        "writable" in resultDesc &&
        resultDesc.writable === false &&
        targetDesc.writable === true
      ) {
        return throwTypeError(
          run,
          `'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property '${keyToDisplay(key)}' which is non-configurable, non-writable in the proxy target`,
        );
      }
    }
    return resultDesc;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc */
  override defineOwnProperty(run: Run, key: Key, desc: Descriptor): boolean {
    const [target, handler, trap] = this.trap(run, "defineProperty");
    if (trap === undefined) return target.defineOwnProperty(run, key, desc);
    const descObj = fromPropertyDescriptor(run, desc);
    if (!toBoolean(trap.call(run, handler, [target, key, descObj]))) return false;
    const targetDesc = target.getOwnProperty(run, key);
    const extensibleTarget = target.isExtensible(run);
    const settingConfigFalse = "configurable" in desc && desc.configurable === false;
    if (targetDesc === undefined) {
      if (!extensibleTarget) {
        return throwTypeError(
          run,
          `'defineProperty' on proxy: trap returned truish for adding property '${keyToDisplay(key)}' to the non-extensible proxy target`,
        );
      }
      if (settingConfigFalse) {
        return throwTypeError(
          run,
          `'defineProperty' on proxy: trap returned truish for defining non-configurable property '${keyToDisplay(key)}' which is non-existent in the proxy target`,
        );
      }
      return true;
    }
    if (!isCompatiblePropertyDescriptor(extensibleTarget, desc, targetDesc)) {
      return throwTypeError(
        run,
        `'defineProperty' on proxy: trap returned truish for adding property '${keyToDisplay(key)}' that is incompatible with the existing property in the proxy target`,
      );
    }
    if (settingConfigFalse && targetDesc.configurable === true) {
      return throwTypeError(
        run,
        `'defineProperty' on proxy: trap returned truish for defining non-configurable property '${keyToDisplay(key)}' which is configurable in the proxy target`,
      );
    }
    if (
      isDataDescriptor(targetDesc) &&
      targetDesc.configurable === false &&
      targetDesc.writable === true &&
      "writable" in desc &&
      desc.writable === false
    ) {
      return throwTypeError(
        run,
        `'defineProperty' on proxy: trap returned truish for defining non-configurable property '${keyToDisplay(key)}' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object`,
      );
    }
    return true;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p */
  override hasProperty(run: Run, key: Key): boolean {
    const [target, handler, trap] = this.trap(run, "has");
    if (trap === undefined) return target.hasProperty(run, key);
    const result = toBoolean(trap.call(run, handler, [target, key]));
    if (!result) {
      const targetDesc = target.getOwnProperty(run, key);
      if (targetDesc !== undefined) {
        if (targetDesc.configurable === false) {
          return throwTypeError(
            run,
            `'has' on proxy: trap returned falsish for property '${keyToDisplay(key)}' which exists in the proxy target as non-configurable`,
          );
        }
        if (!target.isExtensible(run)) {
          return throwTypeError(
            run,
            `'has' on proxy: trap returned falsish for property '${keyToDisplay(key)}' but the proxy target is not extensible`,
          );
        }
      }
    }
    return result;
  }

  override hasOwn(run: Run, key: Key): boolean {
    return this.getOwnProperty(run, key) !== undefined;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver */
  override get(run: Run, key: Key, receiver: Value): Value {
    const [target, handler, trap] = this.trap(run, "get");
    if (trap === undefined) return target.get(run, key, receiver);
    const result = trap.call(run, handler, [target, key, receiver]);
    const targetDesc = target.getOwnProperty(run, key);
    if (targetDesc !== undefined && targetDesc.configurable === false) {
      if (isDataDescriptor(targetDesc) && targetDesc.writable === false) {
        if (!Object.is(result, targetDesc.value)) {
          return throwTypeError(
            run,
            `'get' on proxy: property '${keyToDisplay(key)}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value`,
          );
        }
      }
      if (
        isAccessorDescriptor(targetDesc) &&
        targetDesc.get === undefined &&
        result !== undefined
      ) {
        return throwTypeError(
          run,
          `'get' on proxy: property '${keyToDisplay(key)}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined'`,
        );
      }
    }
    return result;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver */
  override set(run: Run, key: Key, v: Value, receiver: Value): boolean {
    const [target, handler, trap] = this.trap(run, "set");
    if (trap === undefined) return target.set(run, key, v, receiver);
    if (!toBoolean(trap.call(run, handler, [target, key, v, receiver]))) return false;
    const targetDesc = target.getOwnProperty(run, key);
    if (targetDesc !== undefined && targetDesc.configurable === false) {
      if (
        isDataDescriptor(targetDesc) &&
        targetDesc.writable === false &&
        !Object.is(v, targetDesc.value)
      ) {
        return throwTypeError(
          run,
          `'set' on proxy: trap returned truish for property '${keyToDisplay(key)}' which exists in the proxy target as a non-configurable and non-writable data property with a different value`,
        );
      }
      if (isAccessorDescriptor(targetDesc) && targetDesc.set === undefined) {
        return throwTypeError(
          run,
          `'set' on proxy: trap returned truish for property '${keyToDisplay(key)}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter`,
        );
      }
    }
    return true;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-delete-p */
  override delete(run: Run, key: Key): boolean {
    const [target, handler, trap] = this.trap(run, "deleteProperty");
    if (trap === undefined) return target.delete(run, key);
    if (!toBoolean(trap.call(run, handler, [target, key]))) return false;
    const targetDesc = target.getOwnProperty(run, key);
    if (targetDesc === undefined) return true;
    if (targetDesc.configurable === false) {
      return throwTypeError(
        run,
        `'deleteProperty' on proxy: trap returned truish for property '${keyToDisplay(key)}' which is non-configurable in the proxy target`,
      );
    }
    if (!target.isExtensible(run)) {
      return throwTypeError(
        run,
        `'deleteProperty' on proxy: trap returned truish for property '${keyToDisplay(key)}' but the proxy target is non-extensible`,
      );
    }
    return true;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys */
  override ownKeys(run: Run): Key[] {
    const [target, handler, trap] = this.trap(run, "ownKeys");
    if (trap === undefined) return target.ownKeys(run);
    const resultArray = trap.call(run, handler, [target]);
    if (!(resultArray instanceof JSObject)) {
      return throwTypeError(run, "CreateListFromArrayLike called on non-object");
    }
    const result = createListFromArrayLike(run, resultArray, true) as Key[];
    const unchecked = new Set<Key>();
    for (const k of result) {
      if (unchecked.has(k)) {
        return throwTypeError(run, `'ownKeys' on proxy: trap returned duplicate entries`);
      }
      unchecked.add(k);
    }
    const extensibleTarget = target.isExtensible(run);
    const targetKeys = target.ownKeys(run);
    run.charge(targetKeys.length);
    const configurableKeys: Key[] = [];
    const nonconfigurableKeys: Key[] = [];
    for (const k of targetKeys) {
      const d = target.getOwnProperty(run, k);
      if (d !== undefined && d.configurable === false) nonconfigurableKeys.push(k);
      else configurableKeys.push(k);
    }
    if (extensibleTarget && nonconfigurableKeys.length === 0) return result;
    for (const k of nonconfigurableKeys) {
      if (!unchecked.delete(k)) {
        return throwTypeError(
          run,
          `'ownKeys' on proxy: trap result did not include '${keyToDisplay(k)}'`,
        );
      }
    }
    if (extensibleTarget) return result;
    for (const k of configurableKeys) {
      if (!unchecked.delete(k)) {
        return throwTypeError(
          run,
          `'ownKeys' on proxy: trap result did not include '${keyToDisplay(k)}'`,
        );
      }
    }
    if (unchecked.size !== 0) {
      return throwTypeError(
        run,
        "'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible",
      );
    }
    return result;
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist */
  override call(run: Run, thisArg: Value, args: Value[]): Value {
    run.charge(1);
    const [target, handler, trap] = this.trap(run, "apply");
    if (trap === undefined) {
      if (!isCallable(target)) return throwTypeError(run, "proxy target is not a function");
      return target.call(run, thisArg, args);
    }
    const argArray = createArray(run, args.slice());
    return trap.call(run, handler, [target, thisArg, argArray]);
  }

  /** https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget */
  override construct(run: Run, args: Value[], newTarget: JSObject): JSObject {
    run.charge(1);
    const [target, handler, trap] = this.trap(run, "construct");
    if (trap === undefined) return target.construct(run, args, newTarget);
    const argArray = createArray(run, args.slice());
    const newObj = trap.call(run, handler, [target, argArray, newTarget]);
    if (!(newObj instanceof JSObject)) {
      return throwTypeError(run, "'construct' on proxy: trap returned non-object");
    }
    return newObj;
  }
}

/** https://tc39.es/ecma262/#sec-iscompatiblepropertydescriptor */
export function isCompatiblePropertyDescriptor(
  extensible: boolean,
  desc: Descriptor,
  current: Descriptor | undefined,
): boolean {
  if (current === undefined) return extensible;
  let attrs = 0;
  let stored: Stored;
  if (isAccessorDescriptor(current)) {
    attrs |= ACCESSOR;
    stored = new Accessor(current.get, current.set);
  } else {
    if (current.writable) attrs |= WRITABLE;
    stored = current.value;
  }
  if (current.enumerable) attrs |= ENUMERABLE;
  if (current.configurable) attrs |= CONFIGURABLE;
  return validateDescriptor(stored, attrs, desc) !== null;
}

/** https://tc39.es/ecma262/#sec-getfunctionrealm */
export function getFunctionRealm(run: Run, obj: JSObject): Realm {
  let o: JSObject = obj;
  for (;;) {
    if (o instanceof ProxyObject) {
      if (o.target === null) {
        return throwTypeError(
          run,
          "Cannot perform 'GetFunctionRealm' on a proxy that has been revoked",
        );
      }
      o = o.target;
      continue;
    }
    if (o instanceof BoundFunction) {
      o = o.target;
      continue;
    }
    return (o as { realm?: Realm }).realm ?? run.realm;
  }
}

/** https://tc39.es/ecma262/#sec-isarray */
export function isArray(run: Run, v: Value): boolean {
  let o = v;
  for (;;) {
    if (o instanceof JSArray) return true;
    if (!(o instanceof ProxyObject)) return false;
    if (o.handler === null) {
      return throwTypeError(run, "Cannot perform 'IsArray' on a proxy that has been revoked");
    }
    o = o.target;
  }
}
