/**
 * Text → NotesDocument: one pass over the lines' facts (counting which side writers put the
 * speaker on), then one that builds the model (with a look-ahead over blank lines after an
 * unindented one), then the speakers of the talks, read with their session's order. Pure and
 * total: any string yields a model, nothing throws. What each line says alone comes from
 * `lineFacts`, cached across parses when a cache is given.
 */
import { BulletTable } from './bullets';
import { lineFacts, LONGEST_LINE_SEARCHED_FOR_LINKS, type LineFacts, type LineFactsCache } from './lineFacts';
import { isHeaderEvent, normalizeName, orderOf, readTalkLine, type SpeakerOrder, type SpeakerPosition, type TitleShape } from './lineRules';
import { LineTable } from './lineTable';
import type { Day, Link, NotesDocument, Reference, Section, Session, Span, Talk } from './model';
import { runToEnd } from './steps';
import { breakAfter, joinLines, splitLines, type TextLines } from './textLines';

// Mutable twins of the model's readonly types, used only while parsing.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BuildingSession = Mutable<Omit<Session, 'talks' | 'span'>> & { span: Mutable<Span>; talks: Talk[] };
type BuildingTalk = Mutable<Omit<Talk, 'span' | 'sections'>> & { span: Mutable<Span>; sections: Section[] };
type BuildingSection = Mutable<Omit<Section, 'span'>> & { span: Mutable<Span> };

/** How the writer's talk lines are read (docs/FORMAT.md, "Where the speaker is" and "Saying what a line is"). */
export interface FormatOptions {
  readonly speakerPosition: SpeakerPosition;
  /** Lines that are always talks, as `normalizeName` gives them. */
  readonly talks: ReadonlySet<string>;
  /** Lines that are always sections of the talk above, as `normalizeName` gives them. */
  readonly sections: ReadonlySet<string>;
}

export const DEFAULT_FORMAT: FormatOptions = { speakerPosition: 'auto', talks: new Set(), sections: new Set() };

export interface ParseOptions {
  /** Facts of the previous version's lines, reused for the lines an edit did not touch. */
  readonly cache?: LineFactsCache;
  /** False: find no links (the workspace index needs only titles and references). */
  readonly links?: boolean;
  /** False: no bullet table (the workspace index and search need none); `bullets` is empty. */
  readonly bullets?: boolean;
  readonly format?: FormatOptions;
  /** The text's line table when the caller already has one (an open document's), so it is not built twice. */
  readonly lineTable?: LineTable;
  /** Lines between two pauses of parseSteps (LINES_PER_STEP): the tests pause every few lines. */
  readonly linesPerStep?: number;
}

/** Votes for the writer's order: lines that can be read only one way. */
class OrderVotes {
  first = 0;
  last = 0;
  add(order: SpeakerOrder | null): void {
    if (order === 'first') this.first++;
    else if (order === 'last') this.last++;
  }
  /** The majority, or null when there is none. */
  get order(): SpeakerOrder | null {
    return this.first > this.last ? 'first' : this.last > this.first ? 'last' : null;
  }
}

/** Lines parsed between two pauses of `parseSteps`. */
export const LINES_PER_STEP = 4096;

export function parseNotes(input: string | TextLines, options: ParseOptions = {}): NotesDocument {
  return runToEnd(parseSteps(input, options));
}

/**
 * The parse as steps of LINES_PER_STEP lines, so that a caller can answer other requests
 * between them (a 100 MB file takes seconds). The same code as parseNotes, which runs it through.
 */
export function* parseSteps(input: string | TextLines, options: ParseOptions = {}): Generator<void, NotesDocument, void> {
  const source = typeof input === 'string' ? splitLines(input) : input;
  const lines = options.lineTable ?? LineTable.of(source);
  const step = options.linesPerStep ?? LINES_PER_STEP;
  /** Lines read, or talks whose speaker is read, between two pauses: each costs microseconds. */
  const slowStep = Math.max(1, step >> 3);
  yield;
  const format = options.format ?? DEFAULT_FORMAT;
  const marked = format.talks.size > 0 || format.sections.size > 0;
  const sessions: BuildingSession[] = [];
  const talks: BuildingTalk[] = [];
  const sections: BuildingSection[] = [];
  const links: Link[] = [];
  const references: Reference[] = [];
  const withLinks = options.links !== false;
  const withBullets = options.bullets !== false;
  const linesNotSearchedForLinks: number[] = [];
  const seenEvents = new Set<string>();
  /** Each session's `HeaderShape.dayKey` (parallel to `sessions`). */
  const dayKeys: string[] = [];

  // The BOM is not part of the first line's content.
  const bom = source.lines[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  const content = (line: number) => (line === 0 && bom ? source.lines[0].slice(1) : source.lines[line]);
  // Every line's facts, once: the writer's order is counted over the whole file before any line is read.
  // The cache holds facts with links: the index's parse (no links) reads every line.
  const cached = withLinks ? options.cache : undefined;
  const facts = (cached ? cached.startParse(source.lines) : new Array<LineFacts | undefined>(lines.lineCount)) as LineFacts[];
  const fileVotes = new OrderVotes();
  let bulletLines = 0;
  // Taking a line's facts over costs nanoseconds, reading them microseconds: a pause every `step` lines, and every `slowStep` read.
  let linesRead = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    if (line % step === step - 1) yield;
    let f = facts[line];
    if (f === undefined) {
      f = facts[line] = cached ? cached.read(content(line)) : lineFacts(content(line), withLinks);
      if (++linesRead % slowStep === 0) yield;
    }
    if (f.title && !f.header) fileVotes.add(orderOf(f.title));
    if (f.bullet) bulletLines++;
  }
  const fileOrder = fileVotes.order;
  const bullets = new BulletTable(withBullets ? bulletLines : 0);

  let session: BuildingSession | null = null;
  let talk: BuildingTalk | null = null;
  let section: BuildingSection | null = null;
  /** The talk can have sections: its title names a speaker or a slot, or calls itself a talk. */
  let talkHasSections = false;
  // Each talk's line shape and start (parallel to `talks`), and each session's votes (parallel to
  // `sessions`, loose talks last), for reading the speakers once every session is known.
  const talkShapes: TitleShape[] = [];
  const talkStarts: number[] = [];
  const talkVotes: OrderVotes[] = [];
  const looseVotes = new OrderVotes();
  let votes = looseVotes;
  // Open bullets, outermost first, as [index, indent] pairs flattened.
  const bulletStack: number[] = [];
  const closeBullets = (indent: number) => {
    while (bulletStack.length > 0 && bulletStack[bulletStack.length - 1] >= indent) {
      bulletStack.pop();
      bullets.close(bulletStack.pop()!);
    }
  };
  const openBullet = () => (bulletStack.length > 0 ? bulletStack[bulletStack.length - 2] : -1);

  // A bullet on the next non-blank line makes an unindented line a talk title (or a section).
  const bulletFollows = (line: number): boolean => {
    for (let l = line + 1; l < lines.lineCount; l++) {
      const next = facts[l];
      if (!next.blank) return next.bullet !== null;
    }
    return false;
  };

  /** Stretch everything open to the end of this non-blank line. */
  const extendOpen = (end: number) => {
    if (session) session.span.end = end;
    if (talk) talk.span.end = end;
    if (section) section.span.end = end;
  };

  for (let line = 0; line < lines.lineCount; line++) {
    if (line % step === step - 1) yield;
    const here = facts[line];
    if (here.blank) continue;
    const start = lines.lineStart(line) + (line === 0 ? bom : 0);
    const trimmedEnd = start + here.trimmedLength;
    if (here.trimmedLength > LONGEST_LINE_SEARCHED_FOR_LINKS) linesNotSearchedForLinks.push(line);

    const header = here.header;
    if (header && isHeaderEvent(header, seenEvents)) {
      for (let k = 0; k < header.eventKeys.length; k++) seenEvents.add(header.eventKeys[k]);
      talk = null;
      section = null;
      closeBullets(0);
      session = {
        kind: 'session',
        event: header.event.text.trim(),
        day: header.day.text.trim(),
        name: header.session.text.trim(),
        headerSpan: { start, end: trimmedEnd },
        daySpan: { start: start + header.day.start, end: start + header.day.end },
        span: { start, end: trimmedEnd },
        talks: [],
      };
      sessions.push(session);
      dayKeys.push(header.dayKey);
      votes = new OrderVotes();
      // A header's words are no links.
      continue;
    }

    const shape = here.title;
    const mark = shape && marked ? markOf(format, content(line)) : null;
    const named = shape ? readTalkLine(shape, format.speakerPosition, fileOrder) : null;
    // A line the user calls a section is one wherever a talk is above it, whatever it names.
    const byItself = shape !== null && mark !== 'section' && (named !== null || shape.slot || mark === 'talk');
    const followed = shape !== null && !byItself && (mark === 'section' || bulletFollows(line));
    const isSection = followed && talk !== null && (mark === 'section' || (talkHasSections && !shape!.callsItselfATalk));
    if (shape && (byItself || (followed && !isSection))) {
      closeBullets(0);
      section = null;
      talk = {
        kind: 'talk',
        title: shape.whole.text,
        speaker: null,
        organisation: null,
        lineSpan: { start, end: trimmedEnd },
        titleSpan: { start, end: trimmedEnd },
        speakerSpan: null,
        organisationSpan: null,
        span: { start, end: trimmedEnd },
        session,
        sections: [],
      };
      talkHasSections = named !== null || shape.slot || shape.callsItselfATalk;
      talks.push(talk);
      talkShapes.push(shape);
      talkStarts.push(start);
      talkVotes.push(votes);
      votes.add(orderOf(shape));
      if (session) session.talks.push(talk);
      extendOpen(trimmedEnd);
    } else if (shape && isSection) {
      closeBullets(0);
      section = { kind: 'section', title: shape.whole.text, headingSpan: { start, end: trimmedEnd }, span: { start, end: trimmedEnd }, talk: talk! };
      sections.push(section);
      talk!.sections.push(section);
      extendOpen(trimmedEnd);
    } else if (here.bullet) {
      const bullet = here.bullet;
      closeBullets(bullet.indent);
      if (withBullets) bulletStack.push(bullets.add(start + bullet.markerStart, start + bullet.textStart, trimmedEnd, openBullet()), bullet.indent);
      extendOpen(Math.max(trimmedEnd, start + bullet.markerStart + 1));
    } else {
      // Paragraphs end a bullet list; indented text continues the bullet above.
      if (!here.indented) closeBullets(0);
      if (bulletStack.length > 0) bullets.extend(openBullet(), trimmedEnd);
      extendOpen(trimmedEnd);
    }
    // Indexed loops: in a generator, `for…of` over every line's arrays allocated an iterator each (2 MB a keystroke on 10 MB).
    for (let i = 0; i < here.references.length; i++) references.push(shiftReference(here.references[i], start));
    for (let i = 0; i < here.links.length; i++) links.push(shiftLink(here.links[i], start));
  }
  closeBullets(0);
  yield;
  cached?.endParse();
  yield;
  // The speaker of each talk, now that its session's order is known.
  for (let i = 0; i < talks.length; i++) {
    if (i % slowStep === slowStep - 1) yield;
    const t = talks[i];
    const start = talkStarts[i];
    const read = readTalkLine(talkShapes[i], format.speakerPosition, talkVotes[i].order ?? fileOrder);
    if (!read) continue;
    t.title = read.title.text.trim();
    t.titleSpan = shift(read.title, start);
    t.speaker = read.speaker.text;
    t.speakerSpan = shift(read.speaker, start);
    t.organisation = read.organisation ? read.organisation.text.trim() : null;
    t.organisationSpan = read.organisation ? shift(read.organisation, start) : null;
  }

  yield;
  return notesDocument(input, source, lines, { days: groupDays(sessions, dayKeys), sessions, talks, looseTalks: talks.filter((t) => t.session === null), sections, bullets, links, references, linesNotSearchedForLinks });
}

type Parts = Omit<NotesDocument, 'text' | 'lineText' | 'lineBreak' | 'lines'>;

/**
 * The model around what the parse found. Its own function so that its closures keep the
 * lines alone: closures made in parseNotes would keep every line's facts alive with the model.
 */
function notesDocument(input: string | TextLines, source: TextLines, lines: LineTable, parts: Parts): NotesDocument {
  let text: string | undefined = typeof input === 'string' ? input : undefined;
  return {
    get text() {
      return (text ??= joinLines(source));
    },
    lineText: (line) => source.lines[line] ?? '',
    lineBreak: (line) => breakAfter(source, line),
    lines,
    ...parts,
  };
}

/** Whether the user said the line is a talk or a section (`confnotes.format.talks` / `.sections`). */
function markOf(format: FormatOptions, line: string): 'talk' | 'section' | null {
  const key = normalizeName(line);
  return format.talks.has(key) ? 'talk' : format.sections.has(key) ? 'section' : null;
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function shiftLink(link: Link, by: number): Link {
  return by === 0 ? link : { ...link, span: shift(link.span, by) };
}

function shiftReference(r: Reference, by: number): Reference {
  return by === 0 ? r : { ...r, span: shift(r.span, by), targetSpan: shift(r.targetSpan, by), partSpan: shift(r.partSpan, by) };
}

/** A day: consecutive sessions with the same event and day (`dayKeys`, parallel to `sessions`). */
function groupDays(sessions: readonly Session[], dayKeys: readonly string[]): Day[] {
  const days: Day[] = [];
  let run: Session[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0];
    days.push({
      kind: 'day',
      event: first.event,
      day: first.day,
      daySpan: first.daySpan,
      span: { start: first.span.start, end: run[run.length - 1].span.end },
      sessions: run,
    });
    run = [];
  };
  for (let i = 0; i < sessions.length; i++) {
    if (i > 0 && dayKeys[i] !== dayKeys[i - 1]) flush();
    run.push(sessions[i]);
  }
  flush();
  return days;
}
