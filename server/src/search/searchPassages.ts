/**
 * What full-text search indexes of a notes file: passages, each a talk (its title line down to
 * the next talk or header), a session's lines before its first talk, or the lines before the
 * first header. Each word is read with the field it is in: a talk's title, its speaker and
 * organisation, the text below, or the event, day and session it belongs to (the context).
 */
import type { NotesDocument } from '../parser/model';
import { forEachWordSpan } from './searchWords';
import type { PassageKind } from '../protocol/types';


export interface Passage {
  readonly kind: PassageKind;
  /** The talk's (or session's) place in the file, from 0; 0 for the file's opening lines. */
  readonly ordinal: number;
  /** Its first and last line (0-based, inclusive). */
  readonly line: number;
  readonly endLine: number;
}

export const enum Field {
  Title = 1,
  Speaker = 2,
  Text = 4,
  Context = 8,
}

/**
 * Reads a file's passages: `begin` each in document order, then `word` for each of its words:
 * its field, and where it is in a text (`forEachWordSpan`'s arguments).
 */
export interface PassageReader {
  begin(passage: Passage): void;
  word(field: Field, text: string, start: number, end: number, hash: number): void;
}

/** A passage as the parser sees it: what search needs besides the text. */
export interface PlannedPassage extends Passage {
  /** Where its lines are in the text: its first line's start, that line's end, its last line's end (offsets). */
  readonly from: number;
  readonly firstLineEnd: number;
  readonly to: number;
  /** A talk's speaker and organisation on its title line: [start, end) columns. */
  readonly speakerColumns?: ReadonlyArray<readonly [number, number]>;
  /** A talk's speakers (and organisation) on a line below its title, its first bullet or the next line: [start, end) offsets. */
  readonly speakersBelow?: readonly [number, number];
  /** A talk's event, day and session. */
  readonly context?: readonly string[];
}

/** The passages of a file, from its model: plain data, cheap to send to another thread. */
export function planPassages(doc: NotesDocument): PlannedPassage[] {
  const starts: Array<{ kind: PassageKind; ordinal: number; line: number }> = [];
  doc.sessions.forEach((s, ordinal) => starts.push({ kind: 'session', ordinal, line: doc.lines.lineAt(s.headerSpan.start) }));
  doc.talks.forEach((t, ordinal) => starts.push({ kind: 'talk', ordinal, line: doc.lines.lineAt(t.lineSpan.start) }));
  starts.sort((a, b) => a.line - b.line);
  const lastLine = doc.lines.lineCount - 1;
  if (starts.length === 0 || starts[0].line > 0) starts.unshift({ kind: 'file', ordinal: 0, line: 0 });
  return starts.map((start, i): PlannedPassage => {
    const endLine = i + 1 < starts.length ? starts[i + 1].line - 1 : lastLine;
    // The offsets go with the passage: the thread that reads it need not find the lines again.
    const passage = { ...start, endLine, from: doc.lines.lineStart(start.line), firstLineEnd: doc.lines.lineEnd(start.line), to: doc.lines.lineEnd(endLine) };
    if (start.kind !== 'talk') return passage;
    const talk = doc.talks[start.ordinal];
    const lineStart = doc.lines.lineStart(start.line);
    const context = talk.session ? [talk.session.event, talk.session.day, talk.session.name] : [];
    const speaker = talk.speakerSpan;
    if (speaker && speaker.start >= passage.firstLineEnd) {
      // The speaker stands below the title: their words are the speaker's, where they are.
      return { ...passage, speakerColumns: [], speakersBelow: [speaker.start, Math.max(speaker.end, talk.organisationSpan?.end ?? 0)] as const, context };
    }
    const columns = [talk.speakerSpan, talk.organisationSpan].flatMap((span) => (span ? [[span.start - lineStart, span.end - lineStart] as const] : []));
    return { ...passage, speakerColumns: columns, context };
  });
}

/** What search indexes of a file: its passages and its text. */
export interface SearchSource {
  readonly passages: readonly PlannedPassage[];
  readonly text: string;
}

export function searchSourceOf(doc: NotesDocument): SearchSource {
  return { passages: planPassages(doc), text: doc.text };
}

/**
 * Passages of a file in document order, with their words (read where they are in the text). A
 * passage's lines below its first are read as one range: a line break is no part of a word.
 */
export function readPassages(source: SearchSource, reader: PassageReader): void {
  const text = source.text;
  // One callback per field for the whole file: millions of words, no closure each.
  const title = (start: number, end: number, hash: number) => reader.word(Field.Title, text, start, end, hash);
  const body = (start: number, end: number, hash: number) => reader.word(Field.Text, text, start, end, hash);
  const speaker = (start: number, end: number, hash: number) => reader.word(Field.Speaker, text, start, end, hash);
  for (const p of source.passages) {
    reader.begin({ kind: p.kind, ordinal: p.ordinal, line: p.line, endLine: p.endLine });
    let bodyFrom = p.firstLineEnd;
    if (p.kind === 'file') bodyFrom = p.from;
    else if (p.kind === 'session') forEachWordSpan(text, title, p.from, p.firstLineEnd);
    else {
      const columns = p.speakerColumns ?? [];
      const lineStart = p.from;
      const field = (at: number) => (columns.some(([s, e]) => at - lineStart >= s && at - lineStart < e) ? Field.Speaker : Field.Title);
      forEachWordSpan(text, (from, to, hash) => reader.word(field(from), text, from, to, hash), p.from, p.firstLineEnd);
      for (const part of p.context ?? []) forEachWordSpan(part, (from, to, hash) => reader.word(Field.Context, part, from, to, hash));
    }
    const below = p.speakersBelow;
    if (below && below[0] >= bodyFrom && below[1] <= p.to) {
      forEachWordSpan(text, body, bodyFrom, below[0]);
      forEachWordSpan(text, speaker, below[0], below[1]);
      forEachWordSpan(text, body, below[1], p.to);
    } else forEachWordSpan(text, body, bodyFrom, p.to);
  }
}
