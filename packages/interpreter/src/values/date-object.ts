import { JSObject } from "./object.js";
import type { Shape } from "./shape.js";

/** A Date instance (https://tc39.es/ecma262/#sec-properties-of-date-instances): [[DateValue]]. */
export class DateObject extends JSObject {
  constructor(
    shape: Shape,
    proto: JSObject | null,
    /** The time value: ms since the epoch (UTC), already TimeClipped, or NaN. */
    public time: number,
  ) {
    super(shape, proto);
  }

  override get kind(): string {
    return "Date";
  }
}
