import { createSandbox } from "@cove/interpreter";

/** The word-count plugin's logic, run as guest code: it sees only the `text` global it is given. */
const WORD_COUNT_SOURCE = `const words = text.split(" ").filter((word) => word !== "");
words.length`;

export function countWords(text: string): number {
  const sandbox = createSandbox({ globals: { text } });
  try {
    const result = sandbox.runSync(WORD_COUNT_SOURCE, { filename: "word-count.js" });
    if (typeof result !== "number") {
      throw new TypeError(`word-count.js returned ${typeof result}, expected a number`);
    }
    return result;
  } finally {
    sandbox.dispose();
  }
}
