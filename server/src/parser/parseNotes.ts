/**
 * Text → NotesDocument, in one pass over the lines (plus one look-ahead per
 * unindented line). Pure and total: any string yields a model, nothing throws.
 */
import { LineTable } from './lineTable';
import {
  bulletShape,
  eventKeys,
  headerShape,
  isBlank,
  isHeaderEvent,
  normalizeName,
  titleShape,
  type BulletShape,
  type HeaderShape,
  type TitleShape,
} from './lineRules';
import { findLinks } from './links';
import type { Bullet, Day, Link, NotesDocument, Session, Span, Talk } from './model';

type LineClass =
  | { kind: 'blank' | 'paragraph' | 'continuation' }
  | { kind: 'bullet'; shape: BulletShape }
  | { kind: 'header'; shape: HeaderShape }
  | { kind: 'title'; shape: TitleShape };

// Mutable twins of the model's readonly types, used only while parsing.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BuildingBullet = Mutable<Omit<Bullet, 'children' | 'span'>> & { span: Mutable<Span>; children: BuildingBullet[]; indent: number };
type BuildingSession = Mutable<Omit<Session, 'talks' | 'span'>> & { span: Mutable<Span>; talks: Talk[] };
type BuildingTalk = Mutable<Omit<Talk, 'span'>> & { span: Mutable<Span> };

export function parseNotes(text: string): NotesDocument {
  const lines = new LineTable(text);
  const sessions: BuildingSession[] = [];
  const talks: BuildingTalk[] = [];
  const bullets: BuildingBullet[] = [];
  const links: Link[] = [];
  const seenEvents = new Set<string>();

  let session: BuildingSession | null = null;
  let talk: BuildingTalk | null = null;
  let bulletStack: BuildingBullet[] = [];

  // A bullet on the next non-blank line makes an unindented line a talk title.
  const bulletFollows = (line: number): boolean => {
    for (let l = line + 1; l < lines.lineCount; l++) {
      const t = lineText(l);
      if (isBlank(t)) continue;
      return bulletShape(t) !== null;
    }
    return false;
  };
  const lineText = (line: number): string => {
    const start = lines.lineStart(line);
    // The BOM is not part of the first line's content.
    const from = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return text.slice(start + from, lines.lineEnd(line));
  };
  const contentStart = (line: number): number => lines.lineStart(line) + (line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);

  /** Stretch everything open to the end of this non-blank line. */
  const extendOpen = (end: number) => {
    if (session) session.span.end = end;
    if (talk) talk.span.end = end;
  };

  for (let line = 0; line < lines.lineCount; line++) {
    const raw = lineText(line);
    const start = contentStart(line);
    const trimmedEnd = start + raw.trimEnd().length;
    const lineClass = classify(raw, line);

    if (lineClass.kind === 'blank') continue;

    if (lineClass.kind === 'header') {
      const shape = lineClass.shape;
      for (const key of eventKeys(shape.event.text)) seenEvents.add(key);
      talk = null;
      bulletStack = [];
      session = {
        kind: 'session',
        event: shape.event.text.trim(),
        day: shape.day.text.trim(),
        name: shape.session.text.trim(),
        headerSpan: { start, end: trimmedEnd },
        daySpan: { start: start + shape.day.start, end: start + shape.day.end },
        span: { start, end: trimmedEnd },
        talks: [],
      };
      sessions.push(session);
      continue;
    }

    if (lineClass.kind === 'title') {
      const shape = lineClass.shape;
      bulletStack = [];
      talk = {
        kind: 'talk',
        title: shape.title.text.trim(),
        speaker: shape.speaker ? shape.speaker.text : null,
        lineSpan: { start, end: trimmedEnd },
        titleSpan: { start: start + shape.title.start, end: start + shape.title.end },
        speakerSpan: shape.speaker ? { start: start + shape.speaker.start, end: start + shape.speaker.end } : null,
        span: { start, end: trimmedEnd },
        session,
      };
      talks.push(talk);
      if (session) session.talks.push(talk);
      extendOpen(trimmedEnd);
    } else if (lineClass.kind === 'bullet') {
      const shape = lineClass.shape;
      while (bulletStack.length > 0 && bulletStack[bulletStack.length - 1].indent >= shape.indent) bulletStack.pop();
      const parent = bulletStack[bulletStack.length - 1];
      const bullet: BuildingBullet = {
        kind: 'bullet',
        level: bulletStack.length + 1,
        indent: shape.indent,
        markerSpan: { start: start + shape.markerStart, end: start + shape.markerStart + 1 },
        textSpan: { start: start + shape.textStart, end: Math.max(trimmedEnd, start + shape.textStart) },
        span: { start: start + shape.markerStart, end: Math.max(trimmedEnd, start + shape.markerStart + 1) },
        children: [],
      };
      (parent ? parent.children : bullets).push(bullet);
      bulletStack.push(bullet);
      extendOpen(bullet.span.end);
      for (const open of bulletStack) open.span.end = bullet.span.end;
    } else {
      // Paragraphs end a bullet list; indented text continues the bullet above.
      if (lineClass.kind === 'paragraph') bulletStack = [];
      for (const open of bulletStack) open.span.end = trimmedEnd;
      extendOpen(trimmedEnd);
    }
    for (const link of findLinks(raw, start)) links.push(link);
  }

  return {
    text,
    lines,
    days: groupDays(sessions),
    sessions,
    talks,
    looseTalks: talks.filter((t) => t.session === null),
    bullets,
    links,
  };

  function classify(raw: string, line: number): LineClass {
    if (isBlank(raw)) return { kind: 'blank' };
    const bullet = bulletShape(raw);
    if (bullet) return { kind: 'bullet', shape: bullet };
    if (/^\s/.test(raw)) return { kind: 'continuation' };
    const trimmed = raw.trimEnd();
    const header = headerShape(trimmed);
    if (header && isHeaderEvent(header.event.text, seenEvents)) return { kind: 'header', shape: header };
    const title = titleShape(trimmed);
    if (title.speaker || bulletFollows(line)) return { kind: 'title', shape: title };
    return { kind: 'paragraph' };
  }
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
