import { countWords } from "./index.js";

const document = "Cove runs every plugin in a sandbox of its own";
console.log(`document: "${document}"`);
console.log(`word-count plugin, run in a Cove sandbox: ${countWords(document)} words`);
