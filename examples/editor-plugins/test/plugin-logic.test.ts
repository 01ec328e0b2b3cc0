/** The plugins' pure functions, tested directly from their TypeScript sources. */

import { describe, expect, it } from "vitest";
import { changedLines, diff, formatMarkdown } from "../plugins/markdown-format/src/format.js";
import { expand, isoDate, triggerAtEnd } from "../plugins/snippets/src/expand.js";
import { findMisspellings, matchCase } from "../plugins/spell-check/src/check.js";
import { CORRECTIONS } from "../plugins/spell-check/src/dictionary.js";
import { findNotes } from "../plugins/todo-finder/src/find.js";
import { countWords, measure, plural } from "../plugins/word-count/src/count.js";
import { progressBar } from "../plugins/writing-goal/src/progress.js";

describe("word count", () => {
  it("counts words, not Markdown markup, and skips code blocks unless asked", () => {
    const text = "# Title\n\n- one *two* three's\n\n```\ncode here\n```\n| a | b |";
    expect(countWords(text, false)).toBe(6);
    expect(countWords(text, true)).toBe(8);
    expect(countWords("", false)).toBe(0);
    expect(countWords("well-known e-mail", false)).toBe(2);
  });

  it("reads at least a minute for any text", () => {
    expect(measure("a b c", 230, false)).toEqual({ words: 3, characters: 5, minutes: 1 });
    expect(measure("", 230, false).minutes).toBe(0);
    expect(measure("w ".repeat(690), 230, false).minutes).toBe(3);
    expect(plural(1234, "word")).toBe("1,234 words");
    expect(plural(1, "word")).toBe("1 word");
  });
});

describe("writing goal", () => {
  it("draws progress", () => {
    expect(progressBar(0.5, 4)).toBe("▰▰▱▱");
    expect(progressBar(2, 4)).toBe("▰▰▰▰");
  });
});

describe("markdown formatter", () => {
  const options = { bullet: "-" } as const;

  it("fixes headings, bullets, blank lines and trailing spaces", () => {
    const before = "#Title  \nText\n##Sub ##\n* a\n+ b\n\n\n\nend   ";
    expect(formatMarkdown(before, options)).toBe("# Title\n\nText\n\n## Sub\n\n- a\n- b\n\nend\n");
  });

  it("leaves fenced code alone and separates it from the text around it", () => {
    const before = "Intro\n```sh\n#not a heading   \n* not a list\n```\nAfter";
    expect(formatMarkdown(before, options)).toBe(
      "Intro\n\n```sh\n#not a heading   \n* not a list\n```\n\nAfter\n",
    );
  });

  it("keeps list continuation lines in their item and is idempotent", () => {
    const before = "Para\n* item\n  continued\n1. first\n2. second\n";
    const once = formatMarkdown(before, options);
    expect(once).toBe("Para\n\n- item\n  continued\n1. first\n2. second\n");
    expect(formatMarkdown(once, options)).toBe(once);
  });

  it("computes the smallest change and counts changed lines", () => {
    expect(diff("abcXdef", "abcYYdef")).toEqual({ from: 3, to: 4, insert: "YY" });
    expect(diff("same", "same")).toEqual({ from: 4, to: 4, insert: "" });
    expect(changedLines("a\nb\nc", "a\nB\nc")).toBe(1);
  });
});

describe("TODO finder", () => {
  it("finds keywords as whole words, with owner and text", () => {
    const text = "intro\nTODO(maria): numbers\nTODOS are not notes\n  FIXME fix it\nXXX";
    expect(findNotes(text, ["TODO", "FIXME", "XXX"])).toEqual([
      { line: 2, column: 1, keyword: "TODO", owner: "maria", text: "numbers" },
      { line: 4, column: 3, keyword: "FIXME", owner: null, text: "fix it" },
      { line: 5, column: 1, keyword: "XXX", owner: null, text: "" },
    ]);
  });
});

describe("snippets", () => {
  it("finds a trigger at the end of the typed text", () => {
    expect(triggerAtEnd("text ;todo")).toBe("todo");
    expect(triggerAtEnd(";note")).toBe("note");
    expect(triggerAtEnd("a;todo")).toBeUndefined();
    expect(triggerAtEnd(";todo ")).toBeUndefined();
  });

  it("expands variables and places the cursor at $0", () => {
    expect(expand("TODO($USER): $0", { user: "dana", date: "2025-01-01" })).toEqual({
      text: "TODO(dana): ",
      cursor: 12,
    });
    expect(expand("$DATE", { user: "x", date: "2025-01-01" })).toEqual({
      text: "2025-01-01",
      cursor: 10,
    });
    expect(isoDate(new Date(2025, 2, 7))).toBe("2025-03-07");
  });
});

describe("spell check", () => {
  it("flags misspellings outside code, keeps case, honours ignored words", () => {
    const text = "Teh cat `teh` \n```\nteh\n```\nrecieve wich";
    const found = findMisspellings(text, CORRECTIONS, new Set(["wich"]));
    expect(found.map((m) => [m.word, m.correction, text.slice(m.from, m.to)])).toEqual([
      ["Teh", "The", "Teh"],
      ["recieve", "receive", "recieve"],
    ]);
    expect(matchCase("TEH", "the")).toBe("THE");
  });

  it("has a dictionary of misspellings that are not words themselves", () => {
    for (const [wrong, right] of Object.entries(CORRECTIONS)) {
      expect(wrong).not.toBe(right);
      expect(wrong).toBe(wrong.toLowerCase());
    }
  });
});
