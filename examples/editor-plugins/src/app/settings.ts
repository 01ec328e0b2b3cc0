/**
 * The editor's settings: one flat map of dotted keys, as a `settings.json` holds them. The
 * editor reads its own keys (`editor.*`, `plugins.*`); the host passes each plugin the values of
 * the keys its manifest contributes (`contributes.settings`), checked against their schemas.
 */

export type SettingValue =
  | string
  | number
  | boolean
  | null
  | readonly SettingValue[]
  | { readonly [key: string]: SettingValue };

export type SettingsData = Readonly<Record<string, SettingValue>>;

/** The editor's own settings and their defaults. */
export const EDITOR_DEFAULTS = {
  /** Plugin ids (or `publisher.*` patterns) trusted with the powerful capabilities. */
  "plugins.trusted": ["acme.*"],
  /** Plugins not to load. */
  "plugins.disabled": [],
} as const satisfies SettingsData;

export class Settings {
  readonly #values = new Map<string, SettingValue>();

  constructor(values: SettingsData = {}) {
    for (const [key, value] of Object.entries(values)) this.#values.set(key, value);
  }

  get<T extends SettingValue = SettingValue>(key: string): T | undefined;
  get<T extends SettingValue>(key: string, fallback: T): T;
  get(key: string, fallback?: SettingValue): SettingValue | undefined {
    return this.#values.has(key) ? this.#values.get(key) : fallback;
  }

  set(key: string, value: SettingValue): void {
    this.#values.set(key, value);
  }

  has(key: string): boolean {
    return this.#values.has(key);
  }

  /** The values whose keys are in `keys` (a plugin's contributed settings). */
  pick(keys: Iterable<string>): Record<string, SettingValue> {
    const out: Record<string, SettingValue> = {};
    for (const key of keys) {
      if (this.#values.has(key)) out[key] = this.#values.get(key) as SettingValue;
    }
    return out;
  }

  /** A string list setting, with the editor's default when unset. */
  list(key: keyof typeof EDITOR_DEFAULTS): readonly string[] {
    const value = this.get(key);
    return Array.isArray(value) && value.every((v) => typeof v === "string")
      ? (value as string[])
      : EDITOR_DEFAULTS[key];
  }

  toJSON(): Record<string, SettingValue> {
    return Object.fromEntries(this.#values);
  }
}

/** `acme.*` matches `acme.word-count`; anything else matches itself. */
export function matchesPattern(id: string, pattern: string): boolean {
  return pattern.endsWith(".*") ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}
