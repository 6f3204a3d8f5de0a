/**
 * Text → NotesDocument, in one pass over the lines (plus a look-ahead over blank lines
 * after an unindented one). Pure and total: any string yields a model, nothing throws.
 * What each line says alone comes from `lineFacts`, cached across parses when a cache is given.
 */
import { BulletTable } from './bullets';
import { lineFacts, LONGEST_LINE_SEARCHED_FOR_LINKS, type LineFacts, type LineFactsCache } from './lineFacts';
import { eventKeys, isHeaderEvent, normalizeName } from './lineRules';
import { LineTable } from './lineTable';
import type { Day, Link, NotesDocument, Reference, Session, Span, Talk } from './model';
import { joinLines, splitLines, type TextLines } from './textLines';

// Mutable twins of the model's readonly types, used only while parsing.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BuildingSession = Mutable<Omit<Session, 'talks' | 'span'>> & { span: Mutable<Span>; talks: Talk[] };
type BuildingTalk = Mutable<Omit<Talk, 'span'>> & { span: Mutable<Span> };

export interface ParseOptions {
  /** Facts of the previous version's lines, reused for the lines an edit did not touch. */
  readonly cache?: LineFactsCache;
  /** False: find no links (the workspace index needs only titles and references). */
  readonly links?: boolean;
}

export function parseNotes(input: string | TextLines, options: ParseOptions = {}): NotesDocument {
  const source = typeof input === 'string' ? splitLines(input) : input;
  const lines = new LineTable(source);
  const cache = options.cache;
  const sessions: BuildingSession[] = [];
  const talks: BuildingTalk[] = [];
  const bullets = new BulletTable(lines.lineCount);
  const links: Link[] = [];
  const references: Reference[] = [];
  const withLinks = options.links !== false;
  const linesNotSearchedForLinks: number[] = [];
  const seenEvents = new Set<string>();

  // The BOM is not part of the first line's content.
  const bom = source.lines[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  const content = (line: number) => (line === 0 && bom ? source.lines[0].slice(1) : source.lines[line]);
  const factsAt = (line: number): LineFacts => (cache && withLinks ? cache.factsOf(content(line)) : lineFacts(content(line), withLinks));

  let session: BuildingSession | null = null;
  let talk: BuildingTalk | null = null;
  // Open bullets, outermost first, as [index, indent] pairs flattened.
  const bulletStack: number[] = [];
  const closeBullets = (indent: number) => {
    while (bulletStack.length > 0 && bulletStack[bulletStack.length - 1] >= indent) {
      bulletStack.pop();
      bullets.close(bulletStack.pop()!);
    }
  };
  const openBullet = () => (bulletStack.length > 0 ? bulletStack[bulletStack.length - 2] : -1);

  // A bullet on the next non-blank line makes an unindented line a talk title.
  const bulletFollows = (line: number): boolean => {
    for (let l = line + 1; l < lines.lineCount; l++) {
      const next = factsAt(l);
      if (!next.blank) return next.bullet !== null;
    }
    return false;
  };

  /** Stretch everything open to the end of this non-blank line. */
  const extendOpen = (end: number) => {
    if (session) session.span.end = end;
    if (talk) talk.span.end = end;
  };

  for (let line = 0; line < lines.lineCount; line++) {
    const facts = factsAt(line);
    if (facts.blank) continue;
    const start = lines.lineStart(line) + (line === 0 ? bom : 0);
    const trimmedEnd = start + facts.trimmedLength;
    if (facts.trimmedLength > LONGEST_LINE_SEARCHED_FOR_LINKS) linesNotSearchedForLinks.push(line);

    const header = facts.header;
    if (header && isHeaderEvent(header.event.text, seenEvents)) {
      for (const key of eventKeys(header.event.text)) seenEvents.add(key);
      talk = null;
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
      // A header's words are no links.
      continue;
    }

    const title = facts.title;
    if (title && (title.speaker || bulletFollows(line))) {
      closeBullets(0);
      talk = {
        kind: 'talk',
        title: title.title.text.trim(),
        speaker: title.speaker ? title.speaker.text : null,
        lineSpan: { start, end: trimmedEnd },
        titleSpan: { start: start + title.title.start, end: start + title.title.end },
        speakerSpan: title.speaker ? { start: start + title.speaker.start, end: start + title.speaker.end } : null,
        span: { start, end: trimmedEnd },
        session,
      };
      talks.push(talk);
      if (session) session.talks.push(talk);
      extendOpen(trimmedEnd);
    } else if (facts.bullet) {
      const shape = facts.bullet;
      closeBullets(shape.indent);
      const index = bullets.add(start + shape.markerStart, start + shape.textStart, trimmedEnd, openBullet());
      bulletStack.push(index, shape.indent);
      extendOpen(Math.max(trimmedEnd, start + shape.markerStart + 1));
    } else {
      // Paragraphs end a bullet list; indented text continues the bullet above.
      if (!facts.indented) closeBullets(0);
      if (bulletStack.length > 0) bullets.extend(openBullet(), trimmedEnd);
      extendOpen(trimmedEnd);
    }
    for (const r of facts.references) references.push(start === 0 ? r : { ...r, span: shift(r.span, start), targetSpan: shift(r.targetSpan, start), partSpan: shift(r.partSpan, start) });
    for (const link of facts.links) links.push(start === 0 ? link : { ...link, span: { start: start + link.span.start, end: start + link.span.end } });
  }
  closeBullets(0);
  cache?.endParse();

  let text: string | undefined = typeof input === 'string' ? input : undefined;
  return {
    get text() {
      return (text ??= joinLines(source));
    },
    lineText: (line) => source.lines[line] ?? '',
    lines,
    days: groupDays(sessions),
    sessions,
    talks,
    looseTalks: talks.filter((t) => t.session === null),
    bullets,
    links,
    references,
    linesNotSearchedForLinks,
  };
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** A day: consecutive sessions with the same event and day. */
function groupDays(sessions: readonly Session[]): Day[] {
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
  for (const s of sessions) {
    const prev = run[run.length - 1];
    if (prev && (normalizeName(prev.event) !== normalizeName(s.event) || normalizeName(prev.day) !== normalizeName(s.day))) flush();
    run.push(s);
  }
  flush();
  return days;
}
