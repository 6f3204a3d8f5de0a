/** The one place where model spans become protocol ranges. */
import type { Range } from 'vscode-languageserver-types';
import type { NotesDocument, Span } from '../parser/model';

export function toRange(doc: NotesDocument, span: Span): Range {
  return { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) };
}

/** Does the span contain the offset (its end counted in, so a cursor just after a link is on it)? */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
