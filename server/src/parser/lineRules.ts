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

/** A dash separator: an en dash, em dash or hyphen with white space on both sides. */
const SEPARATOR = /[ \u00a0\t]+[–—-][ \u00a0\t]+/g;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;

/**
 * The shape `Event – Day – Session` (three or more parts). Whether it is a header
 * also depends on the event: see `isHeaderEvent`.
 */
export function headerShape(line: string): HeaderShape | null {
  const cuts: Array<{ start: number; end: number }> = [];
  for (const m of line.matchAll(SEPARATOR)) {
    cuts.push({ start: m.index, end: m.index + m[0].length });
    if (cuts.length === 2) break;
  }
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
const BY = / by /g;
const DASH = /[ \u00a0]+[–—-][ \u00a0]+/g;

/** A speaker looks like one or more names: two to six words, first and last capitalised. */
export function isSpeaker(text: string): boolean {
  return text.length <= 200 && SPEAKERS.test(text);
}

/**
 * Split `Title by Speaker` or `Title – Speaker`; ` by ` wins over a dash. The line
 * must be trimmed. A line with no recognisable speaker is all title.
 */
export function titleShape(line: string): TitleShape {
  for (const separator of [BY, DASH]) {
    let last: RegExpMatchArray | null = null;
    for (const m of line.matchAll(separator)) last = m;
    if (!last || last.index === undefined || last.index === 0) continue;
    const speakerStart = last.index + last[0].length;
    const speaker = line.slice(speakerStart);
    if (isSpeaker(speaker)) {
      return {
        title: { text: line.slice(0, last.index), start: 0, end: last.index },
        speaker: { text: speaker, start: speakerStart, end: line.length },
      };
    }
  }
  return { title: { text: line, start: 0, end: line.length }, speaker: null };
}
