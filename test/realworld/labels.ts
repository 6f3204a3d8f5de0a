/**
 * How a talk found is compared with a talk a person labelled: title, speaker and line, the
 * title without enclosing quotes and a trailing colon (typography, not a misreading).
 */
export interface Counts {
  found: number;
  expected: number;
  right: number;
}

const ENCLOSING_QUOTES = /^[“"‘'«„](.*)[”"’'»“]$/u;

/** A title as compared: trimmed, without a trailing `:` and without quotes around all of it. */
export function comparableTitle(title: string): string {
  let t = title.trim().replace(/:$/, '').trim();
  const quoted = ENCLOSING_QUOTES.exec(t);
  if (quoted) t = quoted[1].trim();
  return t;
}

export function labelledTalkKey(t: { readonly title: string; readonly speaker: string | null; readonly line: number }): string {
  return `${t.line}\u0000${comparableTitle(t.title)}\u0000${t.speaker ?? ''}`;
}

export const precision = (c: Counts) => (c.found === 0 ? 1 : c.right / c.found);
export const recall = (c: Counts) => (c.expected === 0 ? 1 : c.right / c.expected);

export function describeCounts(what: string, c: Counts): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${what}: talks precision ${pct(precision(c))} (${c.right}/${c.found}), recall ${pct(recall(c))} (${c.right}/${c.expected})`;
}
