/**
 * The line-level rules of docs/FORMAT.md, each a small function over one line's
 * text. Offsets returned are relative to the line.
 */
import { readSpeakers } from './names';

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
  /** The event holds a year: the line is a header wherever it is. */
  readonly dated: boolean;
  /** The names under which its event is remembered (`eventKeys`). */
  readonly eventKeys: readonly string[];
  /** Its event and day as days are told apart: headers with the same key are one day. */
  readonly dayKey: string;
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

/** One way of reading a talk line: the title, the speakers, their organisation. Offsets relative to the line. */
export interface SpeakerSplit {
  readonly title: Part;
  readonly speaker: Part;
  readonly organisation: Part | null;
  /** The (first) speaker starts with a known given name. */
  readonly given: boolean;
}

/** What an unindented line could say as a talk title (docs/FORMAT.md, "Talk titles"). The line is trimmed. */
export interface TitleShape {
  /** The whole line, as the title of a talk that names no speaker. */
  readonly whole: Part;
  /** `Title by Speaker`: wins over every other reading. */
  readonly by: SpeakerSplit | null;
  /** The speaker last: `Title – Speaker`, `Title: Speaker`, `Title (Speaker)`. */
  readonly last: SpeakerSplit | null;
  /** The speaker first: `Speaker – Title`, `Speaker: Title`. */
  readonly first: SpeakerSplit | null;
  /** It starts with a time slot (`Wed 14:00 Kernel Q&A`). */
  readonly slot: boolean;
  /** It calls itself a talk (`keynote`, `lightning talks`, `closing`…): never a section. */
  readonly callsItselfATalk: boolean;
}

const SLOT = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?\d{1,2}[:.h]\d\d ?(?:[ap]\.?m\.?)?(?: ?[-–—] ?\d{1,2}[:.h]\d\d ?(?:[ap]\.?m\.?)?)? \S/i;
const CALLS_ITSELF_A_TALK = /(?:^|[^\p{L}])(?:keynote|lightn?ing talks?|closing|opening|welcome|panel|plenary|sponsor|open spaces?|unconference)(?![\p{L}])/iu;

/** The speaker read from `line.slice(from, to)`, with the title `line.slice(titleStart, titleEnd)`. */
function split(line: string, title: [number, number], from: number, to: number, needGiven: boolean): SpeakerSplit | null {
  const text = line.slice(from, to);
  const read = readSpeakers(text);
  if (!read || (needGiven && !read.given) || title[1] <= title[0]) return null;
  const part = (start: number, end: number): Part => ({ text: line.slice(start, end), start, end });
  return {
    title: part(title[0], title[1]),
    speaker: part(from, from + read.length),
    organisation: read.organisation ? part(from + read.organisation.start, from + read.organisation.end) : null,
    given: read.given,
  };
}

/** `: ` separators (a colon then a space; `14:00` has none), as [start, end) pairs. */
function colonSeparators(line: string): { first: number; last: number } | null {
  const first = line.indexOf(': ');
  return first <= 0 ? null : { first, last: line.lastIndexOf(': ') };
}

/**
 * Every reading of a line as a talk title. Which one holds is decided with the rest of the file
 * (`readTalkLine`); each reading here looks at a prefix or a suffix of the line once.
 */
export function titleShape(line: string): TitleShape {
  const whole: Part = { text: line, start: 0, end: line.length };
  const byAt = line.lastIndexOf(' by ');
  const by = byAt > 0 ? split(line, [0, byAt], byAt + 4, line.length, false) : null;
  const dashes = dashSeparators(line);
  const firstDash = dashes[0];
  const lastDash = dashes[dashes.length - 1];
  const colon = colonSeparators(line);
  const trailingParen = line.endsWith(')') ? line.lastIndexOf(' (') : -1;
  const last =
    (lastDash && lastDash.start > 0 ? split(line, [0, lastDash.start], lastDash.end, line.length, false) : null) ??
    (colon ? split(line, [0, colon.last], colon.last + 2, line.length, true) : null) ??
    (trailingParen > 0 ? parenthesised(line, trailingParen) : null);
  const first =
    (firstDash && firstDash.start > 0 ? split(line, [firstDash.end, line.length], 0, firstDash.start, false) : null) ??
    (colon ? split(line, [colon.first + 2, line.length], 0, colon.first, true) : null);
  return { whole, by, last, first, slot: SLOT.test(line), callsItselfATalk: CALLS_ITSELF_A_TALK.test(line) };
}

/** `Title (Speaker)`: the brackets hold a known given name's speaker (and no organisation). */
function parenthesised(line: string, open: number): SpeakerSplit | null {
  const inside = split(line, [0, open], open + 2, line.length - 1, true);
  return inside && inside.organisation === null ? inside : null;
}

/** Which side a writer puts the speaker on: `last` (`Title – Speaker`) or `first` (`Speaker – Title`). */
export type SpeakerOrder = 'first' | 'last';
/** `confnotes.format.speakerPosition`: `end` and `start` force the order, `auto` learns it. */
export type SpeakerPosition = 'auto' | 'end' | 'start';

/** The order a line settles by itself (a vote for its session's and file's order), or null. */
export function orderOf(shape: TitleShape): SpeakerOrder | null {
  if (shape.by || (shape.last && !shape.first)) return 'last';
  if (shape.first && !shape.last && shape.first.given) return 'first';
  return null;
}

/**
 * The reading of a talk line: its speaker, or null when it names none. `order` is what the
 * writer's other lines say (null: nothing known).
 */
export function readTalkLine(shape: TitleShape, position: SpeakerPosition, order: SpeakerOrder | null): SpeakerSplit | null {
  if (shape.by) return shape.by;
  const { last, first } = shape;
  if (position === 'end') return last;
  if (position === 'start') return first;
  // A speaker first with no known given name, before a title that is no name, needs the writer's word.
  if (!first || (!first.given && !last && order !== 'first')) return last;
  if (!last) return first;
  if (first.given !== last.given) return first.given ? first : last;
  return order === 'first' ? first : last;
}
