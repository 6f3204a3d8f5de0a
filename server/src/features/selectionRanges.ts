/** Smart selection (Expand Selection): word → bullet text → bullet with its children → its parents → section → talk → session → day. */
import type { SelectionRange } from 'vscode-languageserver-types';
import type { NotesDocument, Span } from '../parser/model';
import { spanContains, toRange } from './ranges';

export function selectionRanges(doc: NotesDocument, offsets: readonly number[]): SelectionRange[] {
  return offsets.map((offset) => {
    // Outermost first; each must contain the next.
    const spans: Span[] = [];
    const add = (span: Span | null | undefined) => {
      if (span && spanContains(span, offset)) spans.push(span);
    };
    add(doc.days.find((d) => spanContains(d.span, offset))?.span);
    add(doc.sessions.find((s) => spanContains(s.span, offset))?.span);
    const talk = doc.talks.find((t) => spanContains(t.span, offset));
    add(talk?.span);
    add(talk?.sections.find((s) => spanContains(s.span, offset))?.span);
    const bullets = doc.bullets;
    let level = bullets.roots();
    let deepest = -1;
    for (;;) {
      const inside = level.find((b) => spanContains(bullets.span(b), offset));
      if (inside === undefined) break;
      add(bullets.span(inside));
      deepest = inside;
      if (!bullets.hasChildren(inside)) break;
      level = bullets.children(inside);
    }
    if (deepest >= 0) add(bullets.textSpan(deepest));
    add(wordAt(doc, offset));
    let parent: SelectionRange | undefined;
    let last: Span | null = null;
    for (const span of spans) {
      if (last && (span.start < last.start || span.end > last.end || (span.start === last.start && span.end === last.end))) continue;
      parent = { range: toRange(doc, span), parent };
      last = span;
    }
    return parent ?? { range: toRange(doc, { start: offset, end: offset }) };
  });
}

/** The run of non-white-space around the offset (a word, a link). */
function wordAt(doc: NotesDocument, offset: number): Span | null {
  const line = doc.lines.lineAt(offset);
  const lineStart = doc.lines.lineStart(line);
  const text = doc.lineText(line);
  let start = offset - lineStart;
  let end = start;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return end > start ? { start: lineStart + start, end: lineStart + end } : null;
}
