/**
 * Progress output: one line redrawn in place on a terminal
 * (`[1234/40000] 3.1% pass 95.2% — test/language/...`), plain lines every `every` runs when
 * the output is a file or CI log.
 */

export interface ProgressOptions {
  total: number;
  /** Redraw in place; otherwise print a line every `every` runs. */
  tty: boolean;
  every: number;
  columns: number;
  write: (s: string) => void;
}

export class Progress {
  private done = 0;
  private passed = 0;
  private lastDraw = 0;

  constructor(private readonly o: ProgressOptions) {}

  record(pass: boolean, path: string): void {
    this.done++;
    if (pass) this.passed++;
    if (this.o.tty) {
      const now = Date.now();
      if (now - this.lastDraw >= 100 || this.done === this.o.total) {
        this.lastDraw = now;
        this.o.write(`\r${fit(this.line(path), this.o.columns - 1)}\x1b[K`);
      }
    } else if (this.done % this.o.every === 0 || this.done === this.o.total) {
      this.o.write(`${this.line(path)}\n`);
    }
  }

  /** Ends the in-place line so that what follows starts on a fresh one. */
  end(): void {
    if (this.o.tty && this.done > 0) this.o.write("\n");
  }

  line(path: string): string {
    const { total } = this.o;
    const pct = total === 0 ? 100 : (100 * this.done) / total;
    const rate = this.done === 0 ? 0 : (100 * this.passed) / this.done;
    return `[${this.done}/${total}] ${pct.toFixed(1)}% pass ${rate.toFixed(1)}% — ${path}`;
  }
}

function fit(s: string, width: number): string {
  return width > 10 && s.length > width ? `${s.slice(0, width - 1)}…` : s;
}
