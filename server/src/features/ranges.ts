/** The one place where model spans and the index's places become protocol ranges. */
import type { Range } from 'vscode-languageserver-types';
import type { NotesDocument, Span } from '../parser/model';
import type { ReferenceEntry, SessionEntry, TalkEntry } from '../workspace/fileSummary';

export function toRange(doc: NotesDocument, span: Span): Range {
  return { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) };
}

/** Does the span contain the offset (its end counted in, so a cursor just after a link is on it)? */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The title line of a talk, or the header of a session. */
export function headingRange(t: TalkEntry | SessionEntry): Range {
  return { start: { line: t.line, character: t.character }, end: { line: t.line, character: t.headingEnd } };
}

/** The whole talk or session. */
export function wholeRange(t: TalkEntry | SessionEntry): Range {
  return { start: { line: t.line, character: t.character }, end: { line: t.endLine, character: t.endCharacter } };
}

/** Just a talk's title. */
export function titleRange(t: TalkEntry): Range {
  return { start: { line: t.line, character: t.titleStart }, end: { line: t.line, character: t.titleEnd } };
}

/** A reference from `[[` to `]]`. */
export function referenceRange(r: ReferenceEntry): Range {
  return { start: { line: r.line, character: r.character }, end: { line: r.line, character: r.endCharacter } };
}

/** Just the title part of a reference. */
export function referenceTitleRange(r: ReferenceEntry): Range {
  return { start: { line: r.line, character: r.targetStart }, end: { line: r.line, character: r.targetEnd } };
}
