/**
 * The line-level rules of docs/FORMAT.md, each a small function over one line's
 * text. Offsets returned are relative to the line.
 */

/** Blank: empty or only white space, U+00A0 and the BOM included (JS `\s` covers both). */
export function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

const BULLET_MARKERS = '•-*◦‣▪';

export interface BulletShape {
  /** Width of the indentation, a tab counting as one level (two columns). */
  readonly indent: number;
  readonly markerStart: number;
  /** Where the bullet's text starts (after the marker and its white space). */
  readonly textStart: number;
}

/** A bullet: optional indentation, a marker, then white space or the end of the line. */
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
  const after = line.charCodeAt(i + 1);
  if (i + 1 < line.length && after !== 32 && after !== 9 && after !== 0xa0) return null;
  let textStart = i + 1;
  while (textStart < line.length && /\s/.test(line[textStart])) textStart++;
  return { indent, markerStart: i, textStart };
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
}

const isSeparatorSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\t';

/**
 * Dash separators — an en dash, em dash or hyphen with spaces, tabs or U+00A0 on both sides —
 * as [start, end) pairs including the white space. A scan, not a regular expression: a regex
 * with a leading `\s+` backtracks quadratically on long runs of spaces.
 */
export function dashSeparators(line: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i];
    if ((c !== '–' && c !== '—' && c !== '-') || !isSeparatorSpace(line[i - 1]) || !isSeparatorSpace(line[i + 1])) continue;
    let start = i - 1;
    while (start > from && isSeparatorSpace(line[start - 1])) start--;
    let end = i + 2;
    while (end < line.length && isSeparatorSpace(line[end])) end++;
    found.push({ start, end });
    from = end;
    i = end - 1;
  }
  return found;
}

const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;

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
  return { event, day, session };
}

/**
 * The first part names an event: it holds a year, or it is an event already seen
 * in a header above (`eventKeys` of those headers), with or without its year.
 */
export function isHeaderEvent(event: string, seenEvents: ReadonlySet<string>): boolean {
  return YEAR.test(event) || seenEvents.has(normalizeName(event));
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

export interface TitleShape {
  readonly title: Part;
  readonly speaker: Part | null;
}

// A name word: capitalised (`McDonnell`, `K.`, `O'Brien`, `Jean-Luc`), or a quoted nickname (`‘@pjf’`).
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.\-]*|[‘'"“][^\s‘’'"“”]{1,30}[’'"”])`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|del|di|du|la|le|bin|al|dos|das|ter)`;
const ONE_NAME = String.raw`${NAME_WORD}(?: (?:${NAME_WORD}|${PARTICLE})){0,4} ${NAME_WORD}`;
const SPEAKERS = new RegExp(String.raw`^${ONE_NAME}(?:(?:, | and | & )${ONE_NAME})*$`, 'u');

/** A speaker looks like one or more names: two to six words, first and last capitalised. */
export function isSpeaker(text: string): boolean {
  return text.length <= 200 && SPEAKERS.test(text);
}

/**
 * Split `Title by Speaker` or `Title – Speaker`; ` by ` wins over a dash. The line
 * must be trimmed. A line with no recognisable speaker is all title.
 */
export function titleShape(line: string): TitleShape {
  const by = line.lastIndexOf(' by ');
  const dash = dashSeparators(line).pop();
  for (const cut of [by > 0 ? { start: by, end: by + 4 } : null, dash && dash.start > 0 ? dash : null]) {
    if (!cut) continue;
    const speaker = line.slice(cut.end);
    if (isSpeaker(speaker)) {
      return {
        title: { text: line.slice(0, cut.start), start: 0, end: cut.start },
        speaker: { text: speaker, start: cut.end, end: line.length },
      };
    }
  }
  return { title: { text: line, start: 0, end: line.length }, speaker: null };
}
