/**
 * Map and Set objects (https://tc39.es/ecma262/#sec-map-objects,
 * https://tc39.es/ecma262/#sec-set-objects): ordinary objects with a [[MapData]] or [[SetData]]
 * slot, held in an OrderedTable. Brand checks are `instanceof MapObject` / `SetObject`.
 */
import { JSObject } from "./object.js";
import { OrderedTable } from "./ordered-table.js";
import type { Shape } from "./shape.js";

export class MapObject extends JSObject {
  /** [[MapData]] */
  readonly data = new OrderedTable(true);

  constructor(shape: Shape, proto: JSObject | null) {
    super(shape, proto);
  }

  override get kind(): string {
    return "Map";
  }
}

export class SetObject extends JSObject {
  /** [[SetData]] */
  readonly data = new OrderedTable(false);

  constructor(shape: Shape, proto: JSObject | null) {
    super(shape, proto);
  }

  override get kind(): string {
    return "Set";
  }
}
