/**
 * The shapes of lines in docs/FORMAT.md — blank, bullet, rule, `#` heading, session header —
 * each a small function over one line's text. Offsets returned are relative to the line. How a
 * line reads as a talk title is in talkLines.ts.
 */

/** White space as `\s` matches it, by code unit (no one-letter string made and matched). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** Blank: empty or only white space, U+00A0 and the BOM included (JS `\s` covers both). */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

const BULLET_MARKERS = '•-*◦‣▪';

export interface BulletShape {
  /**
   * Width of the indentation, a tab counting as one level (two columns); `**` counts one
   * column more than `*`, as org-mode writers nest with the number of stars.
   */
  readonly indent: number;
  readonly markerStart: number;
  /** Where the bullet's text starts (after the marker and its white space). */
  readonly textStart: number;
}

/** A bullet: optional indentation, a marker (or a run of up to three `*`), then white space or the end of the line. */
export function bulletShape(line: string): BulletShape | null {
  let indent = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) indent += 1;
    else if (c === 9) indent += 2;
    else break;
  }
  if (i >= line.length || !BULLET_MARKERS.includes(line[i])) return null;
  let markerEnd = i + 1;
  if (line[i] === '*') while (markerEnd < i + 3 && line[markerEnd] === '*') markerEnd++;
  const after = line.charCodeAt(markerEnd);
  if (markerEnd < line.length && after !== 32 && after !== 9 && after !== 0xa0) return null;
  if ((line[i] === '-' || line[i] === '*') && ruleShape(line)) return null;
  let textStart = markerEnd;
  while (textStart < line.length && isSpace(line.charCodeAt(textStart))) textStart++;
  return { indent: indent + (markerEnd - i - 1), markerStart: i, textStart };
}

/** A rule: only `-`, `=`, `*`, `_` or `~` (one of them, three or more), spaces between allowed, indented at most three. */
export interface RuleShape {
  readonly char: string;
  /** Its length without trailing white space. */
  readonly length: number;
}

export function ruleShape(line: string): RuleShape | null {
  let i = 0;
  while (i < 4 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (i > 3 || i >= line.length) return null;
  const char = line[i];
  if (!'-=*_~'.includes(char)) return null;
  let count = 0;
  let end = i;
  for (let j = i; j < line.length; j++) {
    const c = line[j];
    if (c === char) {
      count++;
      end = j + 1;
    } else if (c !== ' ' && c !== '\t') return null;
  }
  return count >= 3 ? { char, length: end } : null;
}

/** A Markdown-style heading `## Title`: its level (the number of `#`) and where its text starts and ends. */
export interface HashHeading {
  readonly level: number;
  readonly textStart: number;
  readonly textEnd: number;
}

export function hashHeading(line: string): HashHeading | null {
  let level = 0;
  while (level < line.length && line[level] === '#') level++;
  if (level === 0 || level > 6 || (line[level] !== ' ' && line[level] !== '\t')) return null;
  let textStart = level;
  while (textStart < line.length && isSpace(line.charCodeAt(textStart))) textStart++;
  let textEnd = line.trimEnd().length;
  // A closing run of `#` (`## Title ##`) is not part of the title.
  let hashes = textEnd;
  while (hashes > textStart && line[hashes - 1] === '#') hashes--;
  if (hashes < textEnd && (hashes === textStart || line[hashes - 1] === ' ')) textEnd = line.slice(0, hashes).trimEnd().length;
  return textEnd > textStart ? { level, textStart, textEnd } : null;
}

export interface Part {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface HeaderShape {
  readonly event: Part;
  readonly day: Part;
  /** Everything after the day, separators included, e.g. `Session 3`. */
  readonly session: Part;
  /** The event holds a year: the line is a header wherever it is. */
  readonly dated: boolean;
  /** The names under which its event is remembered (`eventKeys`). */
  readonly eventKeys: readonly string[];
  /** Its event and day as days are told apart: headers with the same key are one day. */
  readonly dayKey: string;
}

const isSeparatorSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\t';

/**
 * Dash separators — an en dash, em dash, hyphen or double hyphen (`--`) with spaces, tabs or
 * U+00A0 on both sides — as [start, end) pairs including the white space. A scan, not a regular
 * expression: a regex with a leading `\s+` backtracks quadratically on long runs of spaces.
 */
export function dashSeparators(line: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i];
    if ((c !== '–' && c !== '—' && c !== '-') || !isSeparatorSpace(line[i - 1])) continue;
    const dashEnd = c === '-' && line[i + 1] === '-' ? i + 2 : i + 1;
    if (!isSeparatorSpace(line[dashEnd])) continue;
    let start = i - 1;
    while (start > from && isSeparatorSpace(line[start - 1])) start--;
    let end = dashEnd + 1;
    while (end < line.length && isSeparatorSpace(line[end])) end++;
    found.push({ start, end });
    from = end;
    i = end - 1;
  }
  return found;
}

/** A year, not inside a longer number: `2016`, `LCA2016`. */
export const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;

const TIME = String.raw`(?:\d{1,2}[:.h]\d\d\s?(?:[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)`;
const DAY_BEFORE_TIME = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s|day\s\d{1,2}\s?[,:–—-]?\s?)`;
const SLOT = new RegExp(String.raw`^${DAY_BEFORE_TIME}?${TIME}(?:\s?[-–—]\s?${TIME})?(?=[\s:,–—-])[\s:,–—-]*`, 'i');

/**
 * Where a time slot at the start of a line ends (`14:00 `, `Wed 14:00 `, `Tuesday 10am `, `Day 2,
 * 9:30 – `, `14:00-14:30 `), separators after it included; 0 when the line starts with none or is
 * only one. Only the first 40 characters are looked at.
 */
export function slotEnd(line: string): number {
  const match = SLOT.exec(line.slice(0, 40));
  return match && match[0].length < line.length ? match[0].length : 0;
}

/**
 * The shape `Event – Day – Session` (three or more parts). Whether it is a header
 * also depends on the event: see `isHeaderEvent`.
 */
export function headerShape(line: string): HeaderShape | null {
  const cuts = dashSeparators(line);
  if (cuts.length < 2) return null;
  const part = (start: number, end: number): Part => ({ text: line.slice(start, end), start, end });
  const event = part(0, cuts[0].start);
  const day = part(cuts[0].end, cuts[1].start);
  const session = part(cuts[1].end, line.length);
  if (!event.text || !day.text.trim() || !session.text.trim()) return null;
  // Read once with the line's facts, not at each parse: a keystroke re-parses every header. No
  // line holds a line break, so `\n` cannot be part of a name.
  const keys = eventKeys(event.text);
  return { event, day, session, dated: YEAR.test(event.text), eventKeys: keys, dayKey: `${keys[0]}\n${normalizeName(day.text)}` };
}

/**
 * The first part names an event: it holds a year, or it is an event already seen
 * in a header above (`eventKeys` of those headers), with or without its year.
 */
export function isHeaderEvent(header: HeaderShape, seenEvents: ReadonlySet<string>): boolean {
  return header.dated || seenEvents.has(header.eventKeys[0]);
}

/** The names under which a header's event is remembered: as written, and without its year. */
export function eventKeys(event: string): string[] {
  const withoutYear = normalizeName(event.replace(new RegExp(YEAR.source, 'g'), ''));
  return withoutYear ? [normalizeName(event), withoutYear] : [normalizeName(event)];
}

/** Compare event and day names regardless of case and runs of white space. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

