/**
 * How one line reads as a talk title (docs/FORMAT.md, "Where the speaker is"): every reading
 * of its title and speakers (`titleShape`, from the line alone), and which one holds given what
 * the file says (`readTalkLine`). Offsets are relative to the line.
 */
import { headsTalks } from './lineLooks';
import { bulletShape, dashSeparators, isSpace, slotEnd, type Part } from './lineRules';
import { TextMemo } from './memo';
import { BARE_HANDLE, readSpeakers, soundsLikeATitle } from './names';

/** The separator a reading splits the line at. */
export type Separator = 'by' | 'dash' | 'colon' | 'paren' | 'handle' | 'quote' | 'comma';

/** One way of reading a talk line: the title, the speakers, their organisation. */
export interface SpeakerSplit {
  /** The title without enclosing quotes and a trailing `:`. */
  readonly title: Part;
  readonly speaker: Part;
  readonly organisation: Part | null;
  /** The (first) speaker starts with a known given name. */
  readonly given: boolean;
  /**
   * The shape needs a known given name (a colon, brackets, a comma) and has none: a reading only
   * where the file's other lines say so (`readTalkLine`).
   */
  readonly weak: boolean;
  /** Its names are written in lower case (`keynote (ana lima)`): a reading only in a file written so. */
  readonly lowerCase: boolean;
  readonly separator: Separator;
}

/** What an unindented line could say as a talk title (docs/FORMAT.md, "Talk titles"). The line is trimmed. */
export interface TitleShape {
  /** The whole line without enclosing quotes and a trailing `:`, as the title of a talk that names no speaker. */
  readonly whole: Part;
  /** `Title by Speaker`: wins over every other reading. */
  readonly by: SpeakerSplit | null;
  /** The speaker last: `"Title" Speaker`, `Title – Speaker`, `Title @handle`, `Title: Speaker`, `Title (Speaker)`. */
  readonly last: SpeakerSplit | null;
  /** The speaker first: `Speaker: "Title"`, `Speaker – Title`, `Speaker: Title`. */
  readonly first: SpeakerSplit | null;
  /** `Speaker, Title`: a reading only in a file whose talk lines are written so. */
  readonly comma: SpeakerSplit | null;
  /** It starts with a time slot (`Wed 14:00 Kernel Q&A`, `Tuesday 10am Opening Remarks`). */
  readonly slot: boolean;
  /** It calls itself a talk (`keynote`, `lightning talks`, `closing`…): never a section. */
  readonly callsItselfATalk: boolean;
  /** It heads talks of its own (`Lightning talks`, `Open spaces`): the headings below it are talks, not its sections. */
  readonly headsTalks: boolean;
  /** The whole line is a title in quotes (`“Teaching Python to Nurses”`). */
  readonly quoted: boolean;
}

/**
 * Words by which a line calls itself a talk: `keynote`, `lightning talks`… anywhere; `panel`,
 * `welcome`, `opening`, `closing` only where they name the kind of talk (`Closing`, `Panel: …`,
 * `Closing remarks`), not a word of a title (`A tiny dashboard with Panel`, `Closing the gap`).
 */
const CALLS_ITSELF_A_TALK =
  /(?:^|[^\p{L}])(?:keynotes?|lightn?ing (?:talks?|rounds?|sessions?)|plenary|sponsor(?:ed)? talk|open spaces?|unconference|workshop|fireside chat|ignites?|ignite talks?)(?![\p{L}])|^(?:panel|welcome)(?![\p{L}])|(?:^|[^\p{L}])(?:opening|closing|welcome|panel)\s+(?:remarks|words|session|panel|plenary|address|talk|discussion|keynote)(?![\p{L}])|(?:^|[^\p{L}])(?:closing|opening|expert|final)\s+panel(?![\p{L}])|^(?:opening|closing)\s*$/iu;
/** The words CALLS_ITSELF_A_TALK looks for, tested as plain strings first. */
const TALK_WORDS = /keynote|light|plenary|sponsor|open space|unconference|workshop|fireside|ignite|panel|welcome|opening|closing/;

const mayCallItselfATalk = (lower: string) => TALK_WORDS.test(lower);

/** A title that is only the kind of talk (`Keynote`, `Opening keynote`): what stands beside it is its speaker. */
const TALK_LABEL = /^(?:(?:opening|closing|morning|afternoon|evening|final|guest|special|invited|day \d+)\s+)?(?:keynote|plenary|welcome|fireside chat|keynote address)$/i;
const QUOTES: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“' };
/** Each closing quote's opening one. */
const OPENING_QUOTES: Record<string, string> = { '”': '“', '"': '"', '’': '‘', "'": "'", '»': '«' };

const part = (line: string, start: number, end: number): Part => ({ text: line.slice(start, end), start, end });

/** `[start, end)` without white space, enclosing quotes and a trailing `:` (typography, not the title). */
function titlePart(line: string, start: number, end: number): Part {
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  if (end - start > 1 && line[end - 1] === ':') end--;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  const close = QUOTES[line[start]];
  if (close !== undefined && end - start > 2 && line[end - 1] === close && line.indexOf(close, start + 1) === end - 1) {
    start++;
    end--;
  }
  return part(line, start, end);
}

/**
 * The speaker read from `line.slice(from, to)`, with the title `line.slice(title)`. `needGiven`:
 * the shape is easily misread, so a speaker without a known given name makes a weak reading.
 */
function split(line: string, title: [number, number], from: number, to: number, separator: Separator, needGiven: boolean): SpeakerSplit | null {
  while (from < to && isSpace(line.charCodeAt(from))) from++;
  while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
  const text = line.slice(from, to);
  const lowerCase = text === text.toLowerCase();
  const read = readSpeakers(text, lowerCase);
  const heading = titlePart(line, title[0], title[1]);
  if (!read || heading.end <= heading.start) return null;
  return {
    title: heading,
    speaker: part(line, from, from + read.length),
    organisation: read.organisation ? part(line, from + read.organisation.start, from + read.organisation.end) : null,
    given: read.given,
    weak: needGiven && !read.given && !read.handles,
    lowerCase: lowerCase && !read.handles && /\p{L}/u.test(text),
    separator,
  };
}

/** The first reading that is not weak, else the first weak one; a reading is made only if those before it are weak or none. */
function best(...readings: Array<() => SpeakerSplit | null>): SpeakerSplit | null {
  let weak: SpeakerSplit | null = null;
  for (const read of readings) {
    const r = read();
    if (r && !r.weak) return r;
    weak ??= r;
  }
  return weak;
}

/** `: ` separators (a colon then a space; `14:00` has none) from `from`. */
function colonSeparators(line: string, from: number): { first: number; last: number } | null {
  const first = line.indexOf(': ', from);
  return first <= from ? null : { first, last: line.lastIndexOf(': ') };
}

/** A title in quotes at the start (`“Title” by Speaker`, `"Title" – Speaker`) or at the end (`Speaker: "Title"`). */
function quoted(line: string, from: number): { last: SpeakerSplit | null; first: SpeakerSplit | null } {
  const close = QUOTES[line[from]];
  let last: SpeakerSplit | null = null;
  if (close !== undefined) {
    const at = line.indexOf(close, from + 1);
    if (at > from + 1 && at < line.length - 1) {
      let speaker = at + 1;
      while (speaker < line.length && /[\s,:–—-]/.test(line[speaker])) speaker++;
      if (line.startsWith('by ', speaker)) speaker += 3;
      if (speaker > at + 1) last = split(line, [from, at + 1], speaker, line.length, 'quote', false);
    }
  }
  let first: SpeakerSplit | null = null;
  const end = line[line.length - 1];
  const open = OPENING_QUOTES[end];
  if (open !== undefined) {
    const at = line.lastIndexOf(open, line.length - 2);
    let speakerEnd = at;
    while (speakerEnd > from && /[\s,:–—-]/.test(line[speakerEnd - 1])) speakerEnd--;
    if (at > from && speakerEnd < at && speakerEnd > from) first = split(line, [at, line.length], from, speakerEnd, 'quote', false);
  }
  return { last, first };
}

/** `Title @handle`, `Title (@handle)`: a handle as social sites write them, at the end. */
function handleAtEnd(line: string, from: number): SpeakerSplit | null {
  let start: number;
  let end = line.length;
  let titleEnd: number;
  if (line.endsWith(')')) {
    titleEnd = line.lastIndexOf(' (@');
    start = titleEnd + 2;
    end = line.length - 1;
  } else {
    titleEnd = line.lastIndexOf(' @');
    start = titleEnd + 1;
  }
  if (titleEnd <= from || !BARE_HANDLE.test(line.slice(start, end))) return null;
  return split(line, [from, titleEnd], start, end, 'handle', false);
}

/**
 * Every reading of a line as a talk title, from `from` on (after a `#` heading's marks). Which one
 * holds is decided with the rest of the file (`readTalkLine`); each looks at a prefix or a suffix once.
 */
export function titleShape(line: string, from = 0): TitleShape {
  const whole = titlePart(line, from, line.length);
  const afterSlot = from + slotEnd(line.slice(from));
  const byAt = line.lastIndexOf(' by ');
  const by = byAt > afterSlot ? split(line, [from, byAt], byAt + 4, line.length, 'by', false) : null;
  // A dash right after a slot (`Day 2, 9:30 – Title`) separates the slot, not a speaker.
  const dashes = dashSeparators(line).filter((d) => d.start > afterSlot);
  const colon = colonSeparators(line, Math.max(from, afterSlot));
  const trailingParen = line.endsWith(')') ? line.lastIndexOf(' (') : -1;
  const quotes = quoted(line, afterSlot);
  const lastDash = dashes[dashes.length - 1];
  const atDash = (d: { start: number; end: number }) => split(line, [from, d.start], d.end, line.length, 'dash', false);
  const byDash = () => {
    const read = lastDash ? atDash(lastDash) : null;
    // `Title – Dana Whitfield – @dana`: the handle belongs to the name before it.
    return read?.speaker.text.startsWith('@') && dashes.length > 1 ? (atDash(dashes[dashes.length - 2]) ?? read) : read;
  };
  const titleSide = (end: number) => TALK_LABEL.test(line.slice(from, end).trim());
  // `keynote (ana lima)`: beside the kind of talk stands its speaker, in whatever case.
  const labelled = (s: SpeakerSplit | null) => (s && s.lowerCase ? { ...s, lowerCase: false } : s);
  const last = best(
    () => quotes.last,
    byDash,
    () => handleAtEnd(line, from),
    () => (trailingParen > from ? (titleSide(trailingParen) ? labelled(parenthesised(line, from, trailingParen, false)) : parenthesised(line, from, trailingParen, true)) : null),
    () => (colon ? (titleSide(colon.last) ? labelled(split(line, [from, colon.last], colon.last + 2, line.length, 'colon', false)) : split(line, [from, colon.last], colon.last + 2, line.length, 'colon', true)) : null),
  );
  const firstDash = dashes[0];
  const first = best(
    () => quotes.first,
    () => (firstDash ? split(line, [firstDash.end, line.length], afterSlot, firstDash.start, 'dash', false) : null),
    () => (colon ? split(line, [colon.first + 2, line.length], afterSlot, colon.first, 'colon', true) : null),
  );
  // `Speaker, Title`: a name is short, so only a comma near the start can end one.
  const comma = line.indexOf(', ', afterSlot);
  const text = line.slice(from);
  const lower = text.toLowerCase();
  return {
    whole,
    by,
    last,
    first,
    comma: comma > afterSlot && comma - afterSlot <= 60 ? commaSplit(line, afterSlot, comma) : null,
    slot: afterSlot > from,
    callsItselfATalk: mayCallItselfATalk(lower) && CALLS_ITSELF_A_TALK.test(text),
    headsTalks: headsTalks(text, lower),
    quoted: whole.end - whole.start < line.length - from - 1 && QUOTES[line[whole.start - 1]] === line[whole.end],
  };
}

/** `Title (Speaker)`: the brackets hold a speaker (and maybe an organisation, `(Wen Li, Fastly)`; `(by @juliana)`). */
function parenthesised(line: string, from: number, open: number, needGiven: boolean): SpeakerSplit | null {
  const inside = line.startsWith('by ', open + 2) ? open + 5 : open + 2;
  return split(line, [from, open], inside, line.length - 1, 'paren', needGiven);
}

/** `Speaker, Title`: one speaker, no organisation, before the first comma. */
function commaSplit(line: string, from: number, comma: number): SpeakerSplit | null {
  const read = split(line, [comma + 2, line.length], from, comma, 'comma', true);
  return read && read.organisation === null && !read.speaker.text.includes(' and ') ? read : null;
}

/** Which side a writer puts the speaker on: `last` (`Title – Speaker`) or `first` (`Speaker – Title`). */
export type SpeakerOrder = 'first' | 'last';
/** `confnotes.reading.speakerPosition`: `end` and `start` force the order, `auto` learns it. */
export type SpeakerPosition = 'auto' | 'end' | 'start';

/** The order a line settles by itself (a vote for its session's and file's order), or null. */
export function orderOf(shape: TitleShape): SpeakerOrder | null {
  const last = strong(shape.last);
  const first = strong(shape.first);
  if (shape.by || (last && !first)) return 'last';
  if (first && !last && first.given) return 'first';
  return null;
}

const strong = (s: SpeakerSplit | null) => (s && !s.weak && !s.lowerCase ? s : null);

/** The line names its speakers by a reading that needs nothing from the rest of the file. */
export function namesItsSpeaker(shape: TitleShape): boolean {
  return shape.by !== null || strong(shape.last) !== null || strong(shape.first) !== null;
}

/**
 * The line reads as a talk line by its shape alone (a line right below another then opens a
 * block): ` by `, a speaker last, a speaker first who sounds like a person, or a time slot.
 */
export function namesATalk(shape: TitleShape): boolean {
  const first = strong(shape.first);
  return shape.by !== null || shape.slot || strong(shape.last) !== null || (first !== null && (first.given || !soundsLikeATitle(first.speaker.text)));
}

/** What the file says about its talk lines, for reading one of them (docs/FORMAT.md, "Which side is the speaker"). */
export interface TalkLineContext {
  readonly position: SpeakerPosition;
  /** The order of the writer's lines that can be read one way (the session's, else the file's); null: none known. */
  readonly order: SpeakerOrder | null;
  /** The line is a talk by its place (a heading of the file's talks): a weak reading of brackets may be taken. */
  readonly placed: boolean;
  /** The file writes its talk lines `Speaker, Title`. */
  readonly commaFirst: boolean;
  /** The file writes its names in lower case. */
  readonly lowerCase: boolean;
}

export const NO_CONTEXT: TalkLineContext = { position: 'auto', order: null, placed: false, commaFirst: false, lowerCase: false };

/** A reading that can be taken as the file is written: not in lower case, unless the file writes so. */
function usable(s: SpeakerSplit | null, context: TalkLineContext): SpeakerSplit | null {
  return s && (!s.lowerCase || context.lowerCase) ? s : null;
}

/** The reading of a talk line: its speaker, or null when it names none. */
export function readTalkLine(shape: TitleShape, context: TalkLineContext = NO_CONTEXT): SpeakerSplit | null {
  const by = usable(shape.by, context);
  if (by) return by;
  const last = shape.last && !shape.last.weak ? usable(shape.last, context) : null;
  const first = shape.first && !shape.first.weak ? usable(shape.first, context) : null;
  const { position, order } = context;
  if (position === 'end') return last ?? weakReading(shape, context, 'last');
  if (position === 'start') return first ?? weakReading(shape, context, 'first');
  if (context.commaFirst && !last && !first) return usable(shape.comma, context) ?? weakReading(shape, context, null);
  // A speaker first with no known given name, before a title that is no name, needs the writer's word
  // (a title in quotes, the file's order, or a heading of the file whose speaker sounds like no title).
  const firstTaken = first && (first.given || first.separator === 'quote' || order === 'first' || (context.placed && !soundsLikeATitle(first.speaker.text)));
  if (!first || (!firstTaken && !last)) return last ?? weakReading(shape, context, null);
  if (!last) return first;
  if (first.given !== last.given) return first.given ? first : last;
  return order === 'first' ? first : last;
}

/**
 * A reading without the known given name its shape needs: `Cranelift Internals (Tomás Herrera)`
 * in a file whose headings are talks, or `Siddharth Rao: Scaling Kafka` where the file puts its
 * speakers first.
 */
function weakReading(shape: TitleShape, context: TalkLineContext, side: SpeakerOrder | null): SpeakerSplit | null {
  const last = shape.last && shape.last.weak ? usable(shape.last, context) : null;
  const first = shape.first && shape.first.weak ? usable(shape.first, context) : null;
  if (side !== 'first' && last && ((context.placed && last.separator === 'paren') || context.order === 'last' || side === 'last')) return last;
  if (side !== 'last' && first && (context.order === 'first' || side === 'first')) return first;
  return null;
}

/** A bullet under `Lightning talks` read as a talk line with its speaker (a bracketed name needs no known given name there). */
function readListed(line: string, lowerCase: boolean): SpeakerSplit | null {
  const text = line.trimEnd();
  // Only a separator a speaker could follow makes it worth reading.
  if (!(text.endsWith(')') || text.includes(' by ') || text.includes(' @') || text.includes(' – ') || text.includes(' — ') || text.includes(' - ') || text.includes(': '))) return null;
  return readTalkLine(titleShape(text, bulletShape(line)?.textStart ?? 0), { position: 'auto', order: null, placed: true, commaFirst: false, lowerCase });
}

/** Bullets read as listed talks, by their text, for the next parses (one memo for each case of a file). */
const listed = [new TextMemo((line) => readListed(line, false)), new TextMemo((line) => readListed(line, true))];

export function listedTalk(line: string, lowerCase: boolean): SpeakerSplit | null {
  return listed[lowerCase ? 1 : 0].get(line);
}
