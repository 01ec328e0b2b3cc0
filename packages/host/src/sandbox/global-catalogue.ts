/**
 * The host's catalogue of globals a plugin may ask for in its manifest (`globals`). Each entry
 * makes the globals it installs from services the host gives it for that one plugin, so what a
 * plugin's `console` or `setTimeout` does is routed to that plugin's record and queue. An
 * application may add entries of its own (`createHost({ catalogue })`).
 */

export interface GlobalServices {
  readonly pluginId: string;
  /** Writes a line to the plugin's log record (and the host's logger). */
  log(level: "log" | "info" | "warn" | "error" | "debug", text: string): void;
  /**
   * Schedules `callback(...args)` on the plugin's queue after `ms` (repeatedly when `repeat`),
   * under the per-event budget; returns an id for `clearTimer`. Timers end when the plugin unloads.
   */
  setTimer(
    callback: (...args: unknown[]) => unknown,
    ms: number,
    repeat: boolean,
    args: unknown[],
  ): number;
  clearTimer(id: number): void;
}

/** Makes the globals of one catalogue entry for one plugin. */
export type GlobalFactory = (services: GlobalServices) => Record<string, unknown>;

export type GlobalCatalogue = Readonly<Record<string, GlobalFactory>>;

const MAX_LINE = 4000;

export const DEFAULT_CATALOGUE: GlobalCatalogue = {
  console: (services) => {
    const writer =
      (level: "log" | "info" | "warn" | "error" | "debug") =>
      (...args: unknown[]) => {
        services.log(level, formatArgs(args));
      };
    return {
      console: {
        log: writer("log"),
        info: writer("info"),
        warn: writer("warn"),
        error: writer("error"),
        debug: writer("debug"),
      },
    };
  },
  timers: (services) => {
    const schedule =
      (repeat: boolean) =>
      (callback: unknown, ms?: unknown, ...args: unknown[]) => {
        if (typeof callback !== "function") {
          throw new TypeError(
            `${repeat ? "setInterval" : "setTimeout"}: the callback must be a function`,
          );
        }
        const delay = typeof ms === "number" && Number.isFinite(ms) ? Math.max(0, ms) : 0;
        return services.setTimer(callback as (...a: unknown[]) => unknown, delay, repeat, args);
      };
    const clear = (id: unknown) => {
      if (typeof id === "number") services.clearTimer(id);
    };
    return {
      setTimeout: schedule(false),
      setInterval: schedule(true),
      clearTimeout: clear,
      clearInterval: clear,
    };
  },
};

/** Console arguments as one line: strings as they are, other values as JSON where possible. */
export function formatArgs(args: readonly unknown[]): string {
  const text = args
    .map((arg) => {
      if (typeof arg === "string") return arg;
      if (typeof arg === "function") return "[Function]";
      if (typeof arg === "bigint") return `${arg}n`;
      if (typeof arg !== "object" || arg === null) return String(arg);
      try {
        return JSON.stringify(arg) ?? String(arg);
      } catch {
        return String(arg);
      }
    })
    .join(" ");
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text;
}
