/** A file's talks as its Go to Talk lists them, and the talk or session next to a position. */
import type { Range } from 'vscode-languageserver-types';
import type { NotesDocument, Session, Talk } from '../parser/model';
import { toRange } from './ranges';
import type { TalkItem } from '../protocol/types';
import { fileName } from '../workspace/workspaceIndex';

/** A file's talks (`uri`), in order, as Go to Talk lists them. */
export function talkItems(doc: NotesDocument, uri: string): TalkItem[] {
  return doc.talks.map((t, ordinal) => {
    const selectionRange = toRange(doc, t.lineSpan);
    return {
      title: t.title,
      speaker: t.speaker,
      event: t.session?.event ?? null,
      day: t.session?.day ?? null,
      session: t.session?.name ?? null,
      uri,
      ordinal,
      line: selectionRange.start.line,
      file: fileName(uri),
      range: toRange(doc, t.span),
      selectionRange,
    };
  });
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

/** The title line of the talk (or the header of the session) after or before the line of `offset`. */
export function adjacentHeading(doc: NotesDocument, offset: number, direction: 'next' | 'previous', unit: 'talk' | 'session'): Range | null {
  if (unit === 'session') {
    const session = adjacentSession(doc, offset, direction);
    return session ? toRange(doc, session.headerSpan) : null;
  }
  const talk = adjacentTalk(doc, offset, direction);
  return talk ? toRange(doc, talk.lineSpan) : null;
}

/** The talk after (or before) the line of `offset`. */
export function adjacentTalk(doc: NotesDocument, offset: number, direction: 'next' | 'previous'): Talk | null {
  return adjacent(doc, doc.talks, (t) => t.lineSpan.start, offset, direction);
}

/** The session after (or before) the line of `offset`. */
export function adjacentSession(doc: NotesDocument, offset: number, direction: 'next' | 'previous'): Session | null {
  return adjacent(doc, doc.sessions, (s) => s.headerSpan.start, offset, direction);
}

function adjacent<T>(doc: NotesDocument, items: readonly T[], startOf: (item: T) => number, offset: number, direction: 'next' | 'previous'): T | null {
  const line = doc.lines.lineAt(offset);
  const lineOf = (item: T) => doc.lines.lineAt(startOf(item));
  if (direction === 'next') return items.find((item) => lineOf(item) > line) ?? null;
  for (let i = items.length - 1; i >= 0; i--) if (lineOf(items[i]) < line) return items[i];
  return null;
}
