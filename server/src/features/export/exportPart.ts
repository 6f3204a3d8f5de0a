/**
 * Export Notes and Copy as Markdown / HTML in the editor: the whole file, the lines of a
 * selection, or the talk (or session) at the cursor, written out as the CLI writes a file.
 */
import type { Range } from 'vscode-languageserver-types';
import type { NotesDocument } from '../../parser/model';
import type { ExportOptions } from './exportHeadings';
import { exportHtml } from './exportHtml';
import { exportMarkdown } from './exportMarkdown';
import { exportNotes } from './exportNotes';
import type { ExportPart } from '../../protocol/types';


export type ExportScope = { readonly kind: 'file' } | { readonly kind: 'selection'; readonly range: Range } | { readonly kind: 'cursor'; readonly line: number };

export function exportPart(doc: NotesDocument, scope: ExportScope, to: 'markdown' | 'html', options: ExportOptions & { fragment?: boolean } = {}): ExportPart {
  const { first, last, what, title } = linesOf(doc, scope);
  const exported = exportNotes(doc, first, last);
  const text = to === 'markdown' ? exportMarkdown(doc, options, exported) : exportHtml(doc, options, exported);
  return { text, what, title, unlinked: exported.unlinked };
}

function linesOf(doc: NotesDocument, scope: ExportScope): { first: number; last: number; what: ExportPart['what']; title: string | null } {
  const lastLine = doc.lines.lineCount - 1;
  if (scope.kind === 'file') return { first: 0, last: lastLine, what: 'file', title: null };
  if (scope.kind === 'selection') {
    // A selection ending at the start of a line does not take that line.
    const end = scope.range.end.character === 0 && scope.range.end.line > scope.range.start.line ? scope.range.end.line - 1 : scope.range.end.line;
    return { first: Math.max(0, scope.range.start.line), last: Math.min(lastLine, end), what: 'selection', title: null };
  }
  const line = Math.max(0, Math.min(lastLine, scope.line));
  const lineOf = (offset: number) => doc.lines.lineAt(offset);
  const onHeader = doc.sessions.find((s) => lineOf(s.headerSpan.start) === line);
  const talk = onHeader ? undefined : doc.talks.find((t) => lineOf(t.span.start) <= line && lineOf(t.span.end) >= line);
  if (talk) return { first: lineOf(talk.span.start), last: lineOf(talk.span.end), what: 'talk', title: talk.title };
  const session = onHeader ?? doc.sessions.find((s) => lineOf(s.span.start) <= line && lineOf(s.span.end) >= line);
  if (session) return { first: lineOf(session.span.start), last: lineOf(session.span.end), what: 'session', title: `${session.event} – ${session.day} – ${session.name}` };
  return { first: 0, last: lastLine, what: 'file', title: null };
}
