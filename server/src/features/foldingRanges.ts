/**
 * Folding: each session, each talk, each section, each bullet with children. Editors
 * show a limited number of ranges (VS Code: `editor.foldingMaximumRegions`, 5,000), so
 * when there are more, sessions, talks and sections are kept before bullet groups.
 */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { NotesDocument, Span } from '../parser/model';

export interface FoldingOptions {
  readonly rangeLimit?: number;
}

export function foldingRanges(doc: NotesDocument, options: FoldingOptions = {}): FoldingRange[] {
  const limit = options.rangeLimit ?? Number.MAX_SAFE_INTEGER;
  const ranges: FoldingRange[] = [];
  const usedStarts = new Set<number>();
  const add = (span: Span) => {
    if (ranges.length >= limit) return;
    const startLine = doc.lines.lineAt(span.start);
    const endLine = doc.lines.lineAt(span.end);
    if (endLine > startLine && !usedStarts.has(startLine)) {
      usedStarts.add(startLine);
      ranges.push({ startLine, endLine });
    }
  };
  for (const s of doc.sessions) add(s.span);
  for (const t of doc.talks) add(t.span);
  for (const s of doc.sections) add(s.span);
  const bullets = doc.bullets;
  for (let i = 0; i < bullets.count && ranges.length < limit; i++) if (bullets.hasChildren(i)) add(bullets.span(i));
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
