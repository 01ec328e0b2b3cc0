/** How numbers read in the report. Pure functions; tested in test/format.test.ts. */

const DASH = "—";

/** `×0.004`, `×0.42`, `×1.9`, `×11.3`, `×568`: two significant digits below 1, one decimal below 100. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return DASH;
  if (ratio < 0.995) return `×${Number(ratio.toPrecision(2))}`;
  if (ratio < 99.95) return `×${ratio.toFixed(1)}`;
  return `×${Math.round(ratio)}`;
}

/** About three significant digits: `0.24 ms`, `2.49 ms`, `12.7 ms`, `934 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const abs = Math.abs(ms);
  if (abs < 9.995) return `${ms.toFixed(2)} ms`;
  if (abs < 99.95) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** `7.7 µs`, `0.35 µs`; a negative overhead (native noise) is shown as it is. */
export function formatMicros(us: number): string {
  if (!Number.isFinite(us)) return DASH;
  return Math.abs(us) < 0.995 ? `${us.toFixed(2)} µs` : `${us.toFixed(1)} µs`;
}

/** `8.4 KB`, `65 KB`, `1690 KB` (1 KB = 1024 bytes). */
export function formatKB(bytes: number): string {
  if (!Number.isFinite(bytes)) return DASH;
  const kb = bytes / 1024;
  return Math.abs(kb) < 9.95 ? `${kb.toFixed(1)} KB` : `${Math.round(kb)} KB`;
}
