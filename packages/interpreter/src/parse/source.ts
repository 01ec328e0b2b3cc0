/** A source text with its file name and a lazily built line table for offset → line:column. */
export class SourceFile {
  private lines: number[] | undefined;

  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  /** 1-based line and column of a source offset. */
  position(offset: number): { line: number; column: number } {
    let lines = this.lines;
    if (lines === undefined) {
      lines = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (
          c === 10 ||
          ((c === 0x2028 || c === 0x2029 || c === 13) && t.charCodeAt(i + 1) !== 10)
        ) {
          lines.push(i + 1);
        }
      }
      this.lines = lines;
    }
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lines[lo] as number) + 1 };
  }

  /** A short code frame pointing at `offset`, for syntax errors. */
  codeFrame(offset: number): string {
    const { line, column } = this.position(offset);
    const all = this.text.split(/\r\n|[\n\r\u2028\u2029]/);
    const out: string[] = [];
    for (let l = Math.max(1, line - 2); l <= Math.min(all.length, line + 1); l++) {
      const mark = l === line ? ">" : " ";
      out.push(`${mark} ${String(l).padStart(4)} | ${(all[l - 1] ?? "").slice(0, 200)}`);
      if (l === line) out.push(`  ${" ".repeat(4)} | ${" ".repeat(Math.max(0, column - 1))}^`);
    }
    return out.join("\n");
  }
}
