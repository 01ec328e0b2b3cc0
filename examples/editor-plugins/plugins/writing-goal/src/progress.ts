/** `▰▰▰▰▰▱▱▱` for 5/8 of the way. */
export function progressBar(fraction: number, width = 8): string {
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return "▰".repeat(filled) + "▱".repeat(width - filled);
}
