const LIMIT = 80;

/** A field's value on one line of a Markdown table: text as it is, anything else as JSON, long values cut. */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > LIMIT ? `${oneLine.slice(0, LIMIT - 1)}…` : oneLine;
}
