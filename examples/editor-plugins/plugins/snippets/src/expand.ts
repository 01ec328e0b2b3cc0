/** Snippet triggers and their expansion: pure functions. */

export const BUILTIN_SNIPPETS: Readonly<Record<string, string>> = {
  todo: "TODO($USER): $0",
  fixme: "FIXME($USER): $0",
  note: "> **Note**\n> $0",
  warning: "> **Warning**\n> $0",
  link: "[$0](https://)",
  code: "```\n$0\n```",
  table: "| $0 | Column |\n| ------ | ------ |\n|        |        |",
  date: "$DATE",
};

export interface Expansion {
  /** The text replacing the trigger. */
  readonly text: string;
  /** Where the cursor goes, from the start of `text`. */
  readonly cursor: number;
}

/** `;todo` at the end of `before` → `todo`; otherwise undefined. */
export function triggerAtEnd(before: string): string | undefined {
  const match = /(?:^|[^\w;]);([a-z][a-z0-9-]{0,30})$/.exec(before);
  return match?.[1];
}

export function expand(
  body: string,
  variables: { readonly user: string; readonly date: string },
): Expansion {
  const text = body.replace(/\$USER/g, variables.user).replace(/\$DATE/g, variables.date);
  const cursor = text.indexOf("$0");
  return cursor === -1
    ? { text, cursor: text.length }
    : { text: text.slice(0, cursor) + text.slice(cursor + 2), cursor };
}

/** `2025-03-07`. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
