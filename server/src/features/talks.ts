/** Talks as Go to Talk lists them, and the talk at or next to a position. */
import type { Range } from 'vscode-languageserver-types';
import type { NotesDocument, Talk } from '../parser/model';
import { toRange } from './ranges';

export interface TalkItem {
  readonly title: string;
  readonly speaker: string | null;
  readonly event: string | null;
  readonly day: string | null;
  readonly session: string | null;
  /** The whole talk. */
  readonly range: Range;
  /** The title line. */
  readonly selectionRange: Range;
}

export function talkItems(doc: NotesDocument): TalkItem[] {
  return doc.talks.map((t) => ({
    title: t.title,
    speaker: t.speaker,
    event: t.session?.event ?? null,
    day: t.session?.day ?? null,
    session: t.session?.name ?? null,
    range: toRange(doc, t.span),
    selectionRange: toRange(doc, t.lineSpan),
  }));
}

/** The talk whose span holds the offset, or the last talk that starts before it. */
export function talkAt(doc: NotesDocument, offset: number): Talk | null {
  let found: Talk | null = null;
  for (const t of doc.talks) {
    if (t.span.start > offset) break;
    found = t;
  }
  return found;
}

/** The title line of the talk after (or before) the line of `offset`. */
export function adjacentTalk(doc: NotesDocument, offset: number, direction: 'next' | 'previous'): Talk | null {
  const line = doc.lines.lineAt(offset);
  const lineOf = (t: Talk) => doc.lines.lineAt(t.lineSpan.start);
  if (direction === 'next') return doc.talks.find((t) => lineOf(t) > line) ?? null;
  for (let i = doc.talks.length - 1; i >= 0; i--) if (lineOf(doc.talks[i]) < line) return doc.talks[i];
  return null;
}
