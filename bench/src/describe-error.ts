/** One line for the report: `Name: message`, without stack, at most 300 characters. */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = `${error.name}: ${error.message}`;
  else if (error && typeof error === "object" && "message" in error) {
    text = String((error as { message: unknown }).message);
  } else text = String(error);
  text = text.replace(/\s+/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
