import { describe, expect, it } from "vitest";
import { mapOffset, TextDocument } from "../src/app/text-document.js";

describe("TextDocument", () => {
  it("reads lines and converts offsets and positions both ways", () => {
    const doc = new TextDocument("/tmp/a.md", "one\ntwo words\n\nfour");
    expect(doc.lineCount).toBe(4);
    expect(doc.line(2)).toBe("two words");
    expect(doc.line(3)).toBe("");
    expect(doc.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(doc.positionAt(4)).toEqual({ line: 2, column: 1 });
    expect(doc.positionAt(999)).toEqual({ line: 4, column: 5 });
    expect(doc.offsetAt({ line: 2, column: 5 })).toBe(8);
    expect(doc.offsetAt({ line: 1, column: 99 })).toBe(3); // clamped to the line's end
    expect(() => doc.line(5)).toThrow(RangeError);
    expect(doc.name).toBe("a.md");
  });

  it("applies changes as one undoable edit and tracks the version and dirty state", () => {
    const doc = new TextDocument("a.md", "hello world");
    expect(doc.dirty).toBe(false);
    const edit = doc.apply(
      [
        { from: 6, to: 11, insert: "there" },
        { from: 0, to: 5, insert: "Hi" },
      ],
      "user",
    );
    expect(doc.text).toBe("Hi there");
    expect(edit?.version).toBe(2);
    expect(edit?.changes.map((c) => c.from)).toEqual([0, 6]);
    expect(doc.dirty).toBe(true);
    doc.markSaved();
    expect(doc.dirty).toBe(false);
    expect(doc.undo()?.origin).toBe("undo");
    expect(doc.text).toBe("hello world");
    expect(doc.dirty).toBe(true);
    expect(doc.redo()?.origin).toBe("redo");
    expect(doc.text).toBe("Hi there");
    expect(doc.version).toBe(4);
    expect(doc.canRedo).toBe(false);
  });

  it("refuses overlapping or out-of-range changes and ignores empty ones", () => {
    const doc = new TextDocument("a.md", "abcdef");
    expect(() =>
      doc.apply(
        [
          { from: 0, to: 3, insert: "" },
          { from: 2, to: 4, insert: "" },
        ],
        "user",
      ),
    ).toThrow(/overlap/);
    expect(() => doc.apply([{ from: 4, to: 9, insert: "" }], "user")).toThrow(/outside/);
    expect(doc.apply([{ from: 2, to: 2, insert: "" }], "user")).toBeUndefined();
    expect(doc.version).toBe(1);
  });

  it("a new edit clears the redo history", () => {
    const doc = new TextDocument("a.md", "a");
    doc.apply([{ from: 1, to: 1, insert: "b" }], "user");
    doc.undo();
    doc.apply([{ from: 1, to: 1, insert: "c" }], "user");
    expect(doc.canRedo).toBe(false);
    expect(doc.redo()).toBeUndefined();
    expect(doc.text).toBe("ac");
  });

  it("types at every cursor, replacing selections, and restores selections on undo", () => {
    const doc = new TextDocument("a.md", "one two three");
    doc.select([
      { anchor: 4, head: 7 },
      { anchor: 13, head: 13 },
    ]);
    doc.replaceSelections("2", "user");
    expect(doc.text).toBe("one 2 three2");
    expect(doc.selections).toEqual([
      { anchor: 5, head: 5 },
      { anchor: 12, head: 12 },
    ]);
    doc.undo();
    expect(doc.selections).toEqual([
      { anchor: 4, head: 7 },
      { anchor: 13, head: 13 },
    ]);
    doc.redo();
    expect(doc.selections[0]).toEqual({ anchor: 5, head: 5 });
  });

  it("maps selections through edits made elsewhere", () => {
    const doc = new TextDocument("a.md", "abc def");
    doc.select([{ anchor: 5, head: 5 }]);
    doc.apply([{ from: 0, to: 0, insert: "XX" }], "plugin:acme.x");
    expect(doc.selections).toEqual([{ anchor: 7, head: 7 }]);
  });
});

describe("mapOffset", () => {
  const changes = [{ from: 2, to: 4, insert: "xyz" }];
  it("keeps offsets before a change, shifts those after, moves those inside to its end", () => {
    expect(mapOffset(1, changes)).toBe(1);
    expect(mapOffset(2, changes)).toBe(2);
    expect(mapOffset(3, changes)).toBe(5);
    expect(mapOffset(4, changes)).toBe(5);
    expect(mapOffset(6, changes)).toBe(7);
  });

  it("moves a cursor past text inserted exactly at it", () => {
    expect(mapOffset(2, [{ from: 2, to: 2, insert: "ab" }])).toBe(4);
  });
});
