/**
 * What the workspace index keeps of one notes file: its talks, sessions and references with
 * protocol ranges, and nothing of its text, so that a thousand files cost little memory.
 */
import type { Range } from 'vscode-languageserver-types';
import { toRange } from '../features/ranges';
import type { NotesDocument, Talk } from '../parser/model';
import { referenceKey } from '../parser/references';

export interface TalkEntry {
  readonly kind: 'talk';
  readonly uri: string;
  readonly title: string;
  /** The title as references are compared with it (`referenceKey`). */
  readonly key: string;
  readonly speaker: string | null;
  readonly event: string | null;
  readonly day: string | null;
  readonly session: string | null;
  /** Its session's place in the file's `sessions`; null before the first header. */
  readonly sessionOrdinal: number | null;
  /** The title line as written, speaker included. */
  readonly line: string;
  /** The whole talk. */
  readonly range: Range;
  /** The title line. */
  readonly selectionRange: Range;
  /** Just the title (what a rename changes). */
  readonly titleRange: Range;
  /** The text of its first top-level bullets, for hovers. */
  readonly firstBullets: readonly string[];
}

export interface SessionEntry {
  readonly kind: 'session';
  readonly uri: string;
  readonly event: string;
  readonly day: string;
  readonly session: string;
  /** `Event – Day – Session` as references are compared with it (`referenceKey`). */
  readonly key: string;
  /** The header line as written. */
  readonly line: string;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly talkCount: number;
}

export interface ReferenceEntry {
  readonly uri: string;
  readonly target: string;
  /** The target as it is compared with titles (`referenceKey`). */
  readonly key: string;
  readonly file: string | null;
  /** `[[` to `]]`. */
  readonly range: Range;
  readonly targetRange: Range;
}

export interface FileSummary {
  readonly uri: string;
  readonly talks: readonly TalkEntry[];
  readonly sessions: readonly SessionEntry[];
  readonly references: readonly ReferenceEntry[];
}

const BULLETS_IN_HOVER = 3;
const LONGEST_BULLET_IN_HOVER = 200;

export function summarize(uri: string, doc: NotesDocument): FileSummary {
  const sessionOrdinals = new Map(doc.sessions.map((s, i) => [s, i]));
  const roots = doc.bullets.roots();
  let root = 0;
  // Talks and top-level bullets are both in document order: one walk over each.
  const talks = doc.talks.map((t) => {
    while (root < roots.length && doc.bullets.markerSpan(roots[root]).start < t.span.start) root++;
    const firstBullets: string[] = [];
    for (let r = root; r < roots.length && firstBullets.length < BULLETS_IN_HOVER; r++) {
      const span = doc.bullets.textSpan(roots[r]);
      if (span.start > t.span.end) break;
      firstBullets.push(own(doc.text.slice(span.start, Math.min(span.end, span.start + LONGEST_BULLET_IN_HOVER))));
    }
    return talkEntry(uri, doc, t, t.session ? sessionOrdinals.get(t.session)! : null, firstBullets);
  });
  return {
    uri,
    talks,
    sessions: doc.sessions.map((s) => ({
      kind: 'session',
      uri,
      event: own(s.event),
      day: own(s.day),
      session: own(s.name),
      key: own(referenceKey(`${s.event} – ${s.day} – ${s.name}`)),
      line: own(doc.text.slice(s.headerSpan.start, s.headerSpan.end)),
      range: toRange(doc, s.span),
      selectionRange: toRange(doc, s.headerSpan),
      talkCount: s.talks.length,
    })),
    references: doc.references.map((r) => ({
      uri,
      target: own(r.target),
      key: own(referenceKey(r.target)),
      file: r.file === null ? null : own(r.file),
      range: toRange(doc, r.span),
      targetRange: toRange(doc, r.targetSpan),
    })),
  };
}

function talkEntry(uri: string, doc: NotesDocument, t: Talk, sessionOrdinal: number | null, firstBullets: string[]): TalkEntry {
  return {
    kind: 'talk',
    uri,
    title: own(t.title),
    key: own(referenceKey(t.title)),
    speaker: t.speaker === null ? null : own(t.speaker),
    event: t.session ? own(t.session.event) : null,
    day: t.session ? own(t.session.day) : null,
    session: t.session ? own(t.session.name) : null,
    sessionOrdinal,
    line: own(doc.text.slice(t.lineSpan.start, t.lineSpan.end)),
    range: toRange(doc, t.span),
    selectionRange: toRange(doc, t.lineSpan),
    titleRange: toRange(doc, t.titleSpan),
    firstBullets,
  };
}

/**
 * A copy that does not hold on to the file's text: V8 keeps a slice as a view of the string
 * it came from, and a title would keep a whole 50 KB file alive.
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
