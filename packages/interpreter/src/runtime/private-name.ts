/**
 * Private names (https://tc39.es/ecma262/#sec-private-names). Each evaluation of a class creates
 * fresh PrivateName objects; fields are stored per object in the name itself, methods and
 * accessors are checked against the brand of the class that declared them.
 */
import { JSObject } from "../values/object.js";
import type { Value } from "../values/value.js";
import type { Run } from "./run.js";
import { throwTypeError } from "./throw.js";

export type PrivateKind = "field" | "method" | "accessor";

export class PrivateName {
  readonly fields = new WeakMap<JSObject, Value>();
  method: JSObject | undefined;
  getter: JSObject | undefined;
  setter: JSObject | undefined;
  /** Objects carrying the declaring class's brand (for methods and accessors). */
  brand: WeakSet<JSObject> | undefined;

  constructor(
    readonly description: string,
    public kind: PrivateKind,
  ) {}

  private check(run: Run, o: Value, verb: string): JSObject {
    if (!(o instanceof JSObject))
      return throwTypeError(
        run,
        `Cannot ${verb} private member ${this.description} on a non-object`,
      );
    const present = this.kind === "field" ? this.fields.has(o) : this.brand?.has(o) === true;
    if (!present) {
      throwTypeError(
        run,
        `Cannot ${verb} private member ${this.description} from an object whose class did not declare it`,
      );
    }
    return o;
  }

  get(run: Run, o: Value): Value {
    const obj = this.check(run, o, "read");
    if (this.kind === "field") return this.fields.get(obj);
    if (this.kind === "method") return this.method;
    if (this.getter === undefined)
      return throwTypeError(run, `'${this.description}' was defined without a getter`);
    return this.getter.call(run, obj, []);
  }

  set(run: Run, o: Value, v: Value): void {
    const obj = this.check(run, o, "write");
    if (this.kind === "field") {
      this.fields.set(obj, v);
      return;
    }
    if (this.kind === "method")
      throwTypeError(run, `Private method ${this.description} is not writable`);
    if (this.setter === undefined)
      throwTypeError(run, `'${this.description}' was defined without a setter`);
    this.setter.call(run, obj, [v]);
  }

  /** PrivateFieldAdd. */
  add(run: Run, o: JSObject, v: Value): void {
    if (this.fields.has(o))
      throwTypeError(run, `Cannot initialize ${this.description} twice on the same object`);
    this.fields.set(o, v);
  }

  has(run: Run, o: Value): boolean {
    if (!(o instanceof JSObject))
      return throwTypeError(
        run,
        "Cannot use 'in' operator to search for a private field in a non-object",
      );
    return this.kind === "field" ? this.fields.has(o) : this.brand?.has(o) === true;
  }
}
