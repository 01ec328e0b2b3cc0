// (r) Regular expressions, word level, over two ~100 KB texts of generated prose (a 10 KB
// generated block, ten times, so that generating it is a small part of the run): splitting on
// whitespace runs, counting words with \b\w+\b, and a frequency table of the words.
// Stresses: RegExp split (sticky matching at each position), global exec loops, \b and \w,
// character-class loops; the interpreter's metered regex engine against V8's irregexp.
(() => {
  const words = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "plugin",
    "sandbox",
    "budget",
    "fuel",
    "regex",
    "engine",
    "match",
    "token",
    "stream",
    "value",
    "node",
    "tree",
    "cursor",
    "line",
    "state",
    "render",
    "widget",
    "panel",
    "event",
    "x",
    "id",
    "of",
    "to",
    "in",
  ];
  const punct = [" ", " ", " ", " ", ", ", ". ", "  ", "\t", "\n", " - ", "; ", " (", ") "];
  let seed = 20240517;
  const rand = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const parts = [];
  let size = 0;
  while (size < 10000) {
    let w = words[rand(words.length)];
    if (rand(9) === 0) w = w.toUpperCase();
    if (rand(13) === 0) w += rand(1000);
    const p = punct[rand(punct.length)];
    parts.push(w, p);
    size += w.length + p.length;
  }
  const block = parts.join("");

  const analyze = (text) => {
    // split on whitespace runs
    const pieces = text.split(/\s+/);
    let pieceChars = 0;
    for (let i = 0; i < pieces.length; i++) pieceChars += pieces[i].length;

    // count words with \b\w+\b and build a frequency table
    const re = /\b\w+\b/g;
    const freq = {};
    let count = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const w = m[0].toLowerCase();
      freq[w] = (freq[w] || 0) + 1;
      count++;
    }
    const top = Object.keys(freq)
      .sort((a, b) => freq[b] - freq[a] || (a < b ? -1 : 1))
      .slice(0, 8);

    // numbers in the text, and sentence ends
    const numbers = text.match(/\d+/g) || [];
    const sentences = text.split(/[.;]\s*/).length;

    let h = 2166136261;
    for (let i = 0; i < top.length; i++)
      h = Math.imul(h ^ freq[top[i]] ^ top[i].length, 16777619) >>> 0;
    for (let i = 0; i < numbers.length; i += 7)
      h = Math.imul(h ^ numbers[i].length, 16777619) >>> 0;
    return (h + pieces.length * 3 + pieceChars + count * 5 + sentences) >>> 0;
  };

  // two ~100 KB texts: the block ten times, and the same with its halves swapped
  const half = block.length >> 1;
  const a = analyze(block.repeat(10));
  const b = analyze((block.slice(half) + block.slice(0, half)).repeat(10));
  return (a ^ Math.imul(b, 31)) >>> 0;
})();
