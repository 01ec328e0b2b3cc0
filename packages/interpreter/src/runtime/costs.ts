/**
 * The cost model. One unit of fuel is one step of guest work: a function call, a loop
 * iteration (back-edge), or one element, character batch or entry a built-in touches. Memory is
 * charged in approximate bytes *before* an allocation happens, so a bomb fails before the host
 * allocates anything large.
 */
export const FUEL_CALL = 1;
export const FUEL_LOOP = 1;
/** Characters a string built-in processes per unit of fuel. */
export const CHARS_PER_FUEL = 16;
/**
 * Regular-expression VM steps per unit of fuel. A step is one instruction of the compiled
 * pattern, one character a single-character loop or the start-position scan examines, or one
 * backtrack entry popped (src/regexp/matcher.ts); it costs a few nanoseconds. Measured (Node 20):
 * a unit of fuel is 35–76 ns of matching (scans and global exec loops at the low end,
 * catastrophic backtracking at the high end), against 28–40 ns for a unit of interpreted loop
 * iterations, calls or property accesses.
 */
export const REGEX_STEPS_PER_FUEL = 16;

export const BYTES_OBJECT = 48;
export const BYTES_PROPERTY = 16;
export const BYTES_ELEMENT = 8;
export const BYTES_FUNCTION = 96;
export const BYTES_ENV = 32;
export const BYTES_SLOT = 8;

/** Approximate bytes of a string of `length` UTF-16 code units. */
export function stringBytes(length: number): number {
  return 16 + length * 2;
}

/** Fuel for processing `chars` characters in a built-in. */
export function charFuel(chars: number): number {
  return 1 + Math.floor(chars / CHARS_PER_FUEL);
}
