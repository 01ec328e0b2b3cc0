// (r) Regular expressions, Markdown-ish to HTML over four ~100 KB documents of generated text
// (a 10 KB generated block, ten times, so that generating it is a small part of the run), as
// whole-text global replaces: headings with /^#{1,6} (.*)$/gm, bold with lazy /\*\*(.+?)\*\*/g, italics,
// inline code, links with [^\]]+ and [^)]+ classes, and list items.
// Stresses: String.prototype.replace with global regexes, callbacks and $n substitutions,
// multiline anchors, lazy quantifiers, captures.
(() => {
  const words = [
    "plugin",
    "host",
    "sandbox",
    "interpreter",
    "value",
    "scope",
    "frame",
    "closure",
    "token",
    "parser",
    "editor",
    "buffer",
    "cursor",
    "line",
    "node",
    "tree",
    "budget",
    "limit",
    "event",
    "handler",
    "state",
    "render",
    "widget",
    "panel",
  ];
  let seed = 99991;
  const rand = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const lines = [];
  let size = 0;
  let n = 0;
  while (size < 10000) {
    const parts = [];
    const count = 5 + rand(12);
    for (let i = 0; i < count; i++) {
      let w = words[rand(words.length)];
      const deco = rand(14);
      if (deco === 0) w = `**${w} ${words[rand(words.length)]}**`;
      else if (deco === 1) w = `_${w}_`;
      else if (deco === 2) w = `[${w}](https://example.test/${w}/${n})`;
      else if (deco === 3) w = `\`${w}()\``;
      parts.push(w);
    }
    const kind = rand(12);
    let line;
    if (kind === 0) line = `${"#".repeat(1 + rand(6))} ${parts.join(" ")}`;
    else if (kind === 1) line = `- ${parts.join(" ")}`;
    else if (kind === 2) line = "";
    else line = `${parts.join(" ")}.`;
    lines.push(line);
    size += line.length + 1;
    n++;
  }

  const convert = (text) => {
    let html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    html = html.replace(
      /^(#{1,6}) (.*)$/gm,
      (_m, hashes, title) => `<h${hashes.length}>${title}</h${hashes.length}>`,
    );
    html = html.replace(/^- (.*)$/gm, "<li>$1</li>");
    html = html.replace(/\*\*(.+?)\*\*/g, "<b>$1</b>");
    html = html.replace(/_([a-z]+)_/g, "<i>$1</i>");
    html = html.replace(/`([a-z]+)\(\)`/g, (_m, name) => `<code>${name}</code>`);
    html = html.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
    html = html.replace(/^(?!<h|<li|$)(.+)$/gm, "<p>$1</p>");

    const headings = (html.match(/<h[1-6]>/g) || []).length;
    const links = (html.match(/<a href=/g) || []).length;
    let h = 2166136261;
    for (let i = 0; i < html.length; i += 11) h = Math.imul(h ^ html.charCodeAt(i), 16777619) >>> 0;
    return (h + html.length + headings * 7 + links * 13) >>> 0;
  };

  // four ~100 KB documents: the block's lines rotated by a quarter each time, ten times over
  let result = 0;
  for (let k = 0; k < 4; k++) {
    const at = (k * lines.length) >> 2;
    const block = `${lines.slice(at).concat(lines.slice(0, at)).join("\n")}\n`;
    result = (Math.imul(result, 31) + convert(block.repeat(10))) >>> 0;
  }
  return result;
})();
