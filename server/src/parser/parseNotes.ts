/**
 * Text → NotesDocument: what each line says alone (`lineFacts`, cached across parses when a
 * cache is given), a scan of the file's structure (`LineScanner`), the decisions of what its
 * openers are once its conventions are learnt (`decideLines`), then one pass that builds the
 * model. Pure and total: any string yields a model, nothing throws.
 */
import { BulletTable } from './bullets';
import { lineFacts, LONGEST_LINE_SEARCHED_FOR_LINKS, type LineFacts, type LineFactsCache } from './lineFacts';
import { LineScanner, Role } from './lineScan';
import { LineTable } from './lineTable';
import type { Day, Link, NotesDocument, Reference, Section, Session, Span, Talk } from './model';
import { decideLines, type Decision } from './readings';
import { runToEnd } from './steps';
import type { SpeakerPosition } from './talkLines';
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
  const sessions: BuildingSession[] = [];
  const talks: BuildingTalk[] = [];
  const sections: BuildingSection[] = [];
  const links: Link[] = [];
  const references: Reference[] = [];
  const withLinks = options.links !== false;
  const withBullets = options.bullets !== false;
  const linesNotSearchedForLinks: number[] = [];
  /** Each session's `HeaderShape.dayKey` (parallel to `sessions`). */
  const dayKeys: string[] = [];

  // The BOM is not part of the first line's content.
  const bom = source.lines[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  const content = (line: number) => (line === 0 && bom ? source.lines[0].slice(1) : source.lines[line]);
  // Every line's facts, once: the file's conventions are learnt over the whole file before any line is read.
  // The cache holds facts with links: the index's parse (no links) reads every line.
  const cached = withLinks ? options.cache : undefined;
  const facts = (cached ? cached.startParse(source.lines) : new Array<LineFacts | undefined>(lines.lineCount)) as LineFacts[];
  // Typing inside a bullet leaves the last reading standing (readingCache.ts): its one changed line is read first to know.
  const before = cached?.reading.begin(source.lines);
  const changed = cached?.changedLine ?? null;
  if (cached && changed && changed.line >= 0 && facts[changed.line] === undefined) facts[changed.line] = cached.read(content(changed.line));
  const taken = cached?.reading.take(before, changed, facts, format);
  let bulletLines = 0;
  const scanner = new LineScanner(facts, content);
  // Taking a line's facts over costs nanoseconds, reading them microseconds: a pause every `step` lines, and every `slowStep` read.
  let linesRead = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    if (line % step === step - 1) yield;
    let f = facts[line];
    if (f === undefined) {
      f = facts[line] = cached ? cached.read(content(line)) : lineFacts(content(line), withLinks);
      if (++linesRead % slowStep === 0) yield;
    }
    if (f.blank) continue;
    if (f.bullet) bulletLines++;
    if (taken) continue;
    if (f.bullet || f.indented) scanner.lastBulletish = line;
    else scanner.add(line, f);
  }
  const scan = taken ? taken.scan : scanner.finish();
  yield;
  const { decisions, readBullets } = taken ?? (yield* decideLines(scan, facts, content, format, slowStep));
  const bullets = new BulletTable(withBullets ? bulletLines : 0);

  let session: BuildingSession | null = null;
  let talk: BuildingTalk | null = null;
  let section: BuildingSection | null = null;
  // Open bullets, outermost first, as [index, indent] pairs flattened.
  const bulletStack: number[] = [];
  const closeBullets = (indent: number) => {
    while (bulletStack.length > 0 && bulletStack[bulletStack.length - 1] >= indent) {
      bulletStack.pop();
      bullets.close(bulletStack.pop()!);
    }
  };
  const openBullet = () => (bulletStack.length > 0 ? bulletStack[bulletStack.length - 2] : -1);
  /** Stretch everything open to the end of this non-blank line. */
  const extendOpen = (end: number) => {
    if (session) session.span.end = end;
    if (talk) talk.span.end = end;
    if (section) section.span.end = end;
  };
  const lineStart = (line: number) => lines.lineStart(line) + (line === 0 ? bom : 0);

  let nextHeader = 0;
  let nextDecision = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    if (line % step === step - 1) yield;
    const here = facts[line];
    if (here.blank) continue;
    const start = lineStart(line);
    const trimmedEnd = start + here.trimmedLength;
    if (here.trimmedLength > LONGEST_LINE_SEARCHED_FOR_LINKS) linesNotSearchedForLinks.push(line);
    const decision: Decision | undefined = decisions[nextDecision]?.line === line ? decisions[nextDecision++] : undefined;

    if (scan.headers[nextHeader]?.line === line) {
      const header = scan.headers[nextHeader++].shape;
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
      // A header's words are no links.
      continue;
    }

    if (decision?.kind === 'talk') {
      // A talk listed as a bullet (under `Lightning talks`) stays a bullet too.
      if (here.bullet) {
        closeBullets(here.bullet.indent);
        if (withBullets) bulletStack.push(bullets.add(start + here.bullet.markerStart, start + here.bullet.textStart, trimmedEnd, openBullet()), here.bullet.indent);
      } else closeBullets(0);
      section = null;
      const split = decision.split;
      const speakers = decision.speakers;
      const speakerStart = decision.speakerLine >= 0 ? lineStart(decision.speakerLine) : start;
      talk = {
        kind: 'talk',
        title: decision.title.text,
        speaker: split ? split.speaker.text : speakers ? content(decision.speakerLine).slice(speakers.speaker.start, speakers.speaker.end) : null,
        organisation: split?.organisation ? split.organisation.text.trim() : speakers?.organisation ? content(decision.speakerLine).slice(speakers.organisation.start, speakers.organisation.end).trim() : null,
        reading: decision.reading,
        lineSpan: { start, end: trimmedEnd },
        titleSpan: shift(decision.title, start),
        speakerSpan: split ? shift(split.speaker, start) : speakers ? shift(speakers.speaker, speakerStart) : null,
        organisationSpan: split?.organisation ? shift(split.organisation, start) : speakers?.organisation ? shift(speakers.organisation, speakerStart) : null,
        span: { start, end: trimmedEnd },
        session,
        sections: [],
      };
      talks.push(talk);
      if (session) session.talks.push(talk);
      extendOpen(trimmedEnd);
    } else if (decision?.kind === 'section' && talk) {
      closeBullets(0);
      section = { kind: 'section', title: decision.title.text, headingSpan: { start, end: trimmedEnd }, span: { start, end: trimmedEnd }, talk: talk! };
      sections.push(section);
      talk!.sections.push(section);
      extendOpen(trimmedEnd);
    } else if (here.bullet) {
      const bullet = here.bullet;
      closeBullets(bullet.indent);
      if (withBullets) bulletStack.push(bullets.add(start + bullet.markerStart, start + bullet.textStart, trimmedEnd, openBullet()), bullet.indent);
      extendOpen(Math.max(trimmedEnd, start + bullet.markerStart + 1));
    } else if (here.rule) {
      // A rule between talks or under a heading is no text of the notes: it ends a list, and nothing spans it.
      closeBullets(0);
    } else {
      // Paragraphs end a bullet list; indented text, and text wrapped onto column 0, continues the bullet above.
      if (!here.indented && scan.roles[line] !== Role.Wrap) closeBullets(0);
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
  cached?.reading.keep(source.lines, format, { scan, decisions, readBullets });
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
