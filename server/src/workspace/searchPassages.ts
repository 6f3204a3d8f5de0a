/**
 * What full-text search indexes of a notes file: passages, each a talk (its title line down to
 * the next talk or header), a session's lines before its first talk, or the lines before the
 * first header. Each word is read with the field it is in: a talk's title, its speaker and
 * organisation, the text below, or the event, day and session it belongs to (the context).
 */
import type { NotesDocument, Span } from '../parser/model';
import { forEachWordSpan } from './searchWords';

export type PassageKind = 'file' | 'session' | 'talk';

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
  word(field: Field, text: string, start: number, end: number, ascii: boolean): void;
}

/** Passages of a file in document order, with their words. */
export function readPassages(doc: NotesDocument, reader: PassageReader): void {
  const starts: Array<{ kind: PassageKind; ordinal: number; line: number }> = [];
  doc.sessions.forEach((s, ordinal) => starts.push({ kind: 'session', ordinal, line: doc.lines.lineAt(s.headerSpan.start) }));
  doc.talks.forEach((t, ordinal) => starts.push({ kind: 'talk', ordinal, line: doc.lines.lineAt(t.lineSpan.start) }));
  starts.sort((a, b) => a.line - b.line);
  const lastLine = doc.lines.lineCount - 1;
  if (starts.length === 0 || starts[0].line > 0) starts.unshift({ kind: 'file', ordinal: 0, line: 0 });
  // One callback per field for the whole file: millions of words, no closure each.
  let line = '';
  const title = (start: number, end: number, ascii: boolean) => reader.word(Field.Title, line, start, end, ascii);
  const text = (start: number, end: number, ascii: boolean) => reader.word(Field.Text, line, start, end, ascii);
  starts.forEach((start, i) => {
    const endLine = i + 1 < starts.length ? starts[i + 1].line - 1 : lastLine;
    reader.begin({ ...start, endLine });
    let body = start.line + 1;
    if (start.kind === 'file') body = start.line;
    else if (start.kind === 'session') forEachWordSpan((line = doc.lineText(start.line)), title);
    else {
      const talk = doc.talks[start.ordinal];
      const lineStart = doc.lines.lineStart(start.line);
      const inSpan = (span: Span | null, at: number) => span !== null && lineStart + at >= span.start && lineStart + at < span.end;
      const heading = doc.lineText(start.line);
      forEachWordSpan(heading, (from, to, ascii) => reader.word(inSpan(talk.speakerSpan, from) || inSpan(talk.organisationSpan, from) ? Field.Speaker : Field.Title, heading, from, to, ascii));
      if (talk.session) {
        for (const part of [talk.session.event, talk.session.day, talk.session.name]) forEachWordSpan(part, (from, to, ascii) => reader.word(Field.Context, part, from, to, ascii));
      }
    }
    for (let at = body; at <= endLine; at++) forEachWordSpan((line = doc.lineText(at)), text);
  });
}
