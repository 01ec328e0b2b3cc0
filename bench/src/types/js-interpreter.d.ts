// The part of JS-Interpreter's API the benchmark uses (the package ships no types).
declare module "js-interpreter" {
  class Interpreter {
    constructor(code: string, init?: (interpreter: Interpreter, globalObject: object) => void);
    /** Completion value of the code run last. */
    value: unknown;
    /** Parses `code` (ES5) and appends it to the program, to be run by the next `run()`. */
    appendCode(code: string): void;
    /** Runs until the program is done; true if blocked on an asynchronous function. */
    run(): boolean;
    setProperty(object: object, name: string, value: unknown): void;
    nativeToPseudo(value: unknown): unknown;
    pseudoToNative(value: unknown): unknown;
  }
  export default Interpreter;
}
