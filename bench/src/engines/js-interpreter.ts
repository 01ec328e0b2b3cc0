/**
 * JS-Interpreter (ES5 only). One interpreter per sandbox, created with empty code; each run
 * appends the workload (parsing it) and runs to completion, which leaves the completion value in
 * `interpreter.value`. A workload its ES5 parser rejects is reported as "n/a". Host globals cross
 * through `nativeToPseudo`, which wraps host functions so arguments and results are converted.
 */
import Interpreter from "js-interpreter";
import { type Engine, type HostGlobals, UnsupportedError, type WorkloadSandbox } from "./engine.js";

function create(globals: HostGlobals): Interpreter {
  return new Interpreter("", (interpreter, globalObject) => {
    for (const [name, value] of Object.entries(globals)) {
      interpreter.setProperty(globalObject, name, interpreter.nativeToPseudo(value));
    }
  });
}

function createSandbox(globals: HostGlobals): WorkloadSandbox {
  const interpreter = create(globals);
  return {
    run(source) {
      try {
        interpreter.appendCode(source);
      } catch (e) {
        if (e instanceof SyntaxError) throw new UnsupportedError(`ES5 parser: ${e.message}`);
        throw e;
      }
      interpreter.run();
      return interpreter.pseudoToNative(interpreter.value);
    },
  };
}

export const jsInterpreter: Engine = {
  createSandbox,
  createIdle: () => ({ held: create({}) }),
};
