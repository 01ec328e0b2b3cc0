/**
 * sval, in its sandbox mode, parsing the latest ECMAScript version. Host globals are imported
 * as they are (sval shares host objects). sval's `run` returns nothing, so the checksum is
 * stored on its `exports` object (completion.ts).
 */
import Sval from "sval";
import { rewriteCompletion } from "../completion.js";
import type { Engine, HostGlobals, WorkloadSandbox } from "./engine.js";

const KEY = "__benchCompletion";

function createSandbox(globals: HostGlobals): WorkloadSandbox {
  const interpreter = new Sval({ ecmaVer: "latest", sandBox: true });
  interpreter.import(globals);
  return {
    run(source) {
      interpreter.run(source);
      const value: unknown = interpreter.exports[KEY];
      delete interpreter.exports[KEY];
      return value;
    },
  };
}

export const sval: Engine = {
  prepareSource: (source) => rewriteCompletion(source, (e) => `exports.${KEY} = (${e});`),
  createSandbox,
  createIdle: () => ({ held: new Sval({ ecmaVer: "latest", sandBox: true }) }),
};
