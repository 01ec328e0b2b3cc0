/** Number formatting shared by the table and HTML reports. */

export function formatCount(n: number): string {
  if (n >= 1e9) return `${trim(n / 1e9)}G`;
  if (n >= 1e6) return `${trim(n / 1e6)}M`;
  if (n >= 1e4) return `${trim(n / 1e3)}k`;
  return String(Math.round(n));
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${trim(n / 1024 ** 3)} GiB`;
  if (n >= 1024 ** 2) return `${trim(n / 1024 ** 2)} MiB`;
  if (n >= 1024) return `${trim(n / 1024)} KiB`;
  return `${Math.round(n)} B`;
}

export function formatMs(n: number): string {
  return n >= 1000 ? `${trim(n / 1000)} s` : `${trim(n)} ms`;
}

export function formatPercent(percent: number | null): string {
  return percent === null ? "—" : `${trim(percent)}%`;
}

function trim(n: number): string {
  return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}
