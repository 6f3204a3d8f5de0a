/**
 * What the workspace index keeps of one notes file: its talks, sessions and references, with
 * positions as plain numbers (0-based lines, UTF-16 characters), and nothing of its text. A
 * thousand files hold tens of thousands of talks: three Range objects per talk cost more than
 * the talk itself, so ranges are made when a feature asks (`headingRange` and the others below).
 */
import type { NotesDocument, Span } from '../parser/model';
import { referenceKey } from '../parser/references';
import { runToEnd } from '../parser/steps';

/** A place in the file: where the title line (or header) is, and where the talk (or session) ends. */
interface Placed {
  readonly uri: string;
  /** Its place among the file's talks (or sessions), from 0. */
  readonly ordinal: number;
  /** The line of the title (or header); the talk or session starts there, at `character`. */
  readonly line: number;
  readonly character: number;
  /** The end of the title line's text (or header's) on `line`. */
  readonly headingEnd: number;
  /** The end of the talk (or session): its last non-blank line and the end of its text. */
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface TalkEntry extends Placed {
  readonly kind: 'talk';
  readonly title: string;
  /** The title as references are compared with it (`referenceKey`). */
  readonly key: string;
  readonly speaker: string | null;
  /** The speaker's organisation, when the title line names one. */
  readonly organisation: string | null;
  readonly event: string | null;
  readonly day: string | null;
  readonly session: string | null;
  /** Its session's place in the file's `sessions`; null before the first header. */
  readonly sessionOrdinal: number | null;
  /** The title line as written, speaker included. */
  readonly heading: string;
  /** Where just the title is on `line` (what a rename changes). */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** Its sections: each heading and its line. */
  readonly sections: readonly SectionEntry[];
}

export interface SectionEntry {
  readonly title: string;
  readonly line: number;
}

const NO_SECTIONS: readonly SectionEntry[] = [];

export interface SessionEntry extends Placed {
  readonly kind: 'session';
  readonly event: string;
  readonly day: string;
  readonly session: string;
  /** `Event – Day – Session` as references are compared with it (`referenceKey`). */
  readonly key: string;
  /** The header line as written. */
  readonly heading: string;
  readonly talkCount: number;
}

export interface ReferenceEntry {
  readonly uri: string;
  readonly target: string;
  /** The target as it is compared with titles (`referenceKey`). */
  readonly key: string;
  readonly file: string | null;
  /** References lie on one line: `[[` starts at `character`, `]]` ends at `endCharacter`. */
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** Where just the title is on `line` (what a rename changes). */
  readonly targetStart: number;
  readonly targetEnd: number;
}

export interface FileSummary {
  readonly uri: string;
  readonly talks: readonly TalkEntry[];
  readonly sessions: readonly SessionEntry[];
  readonly references: readonly ReferenceEntry[];
}

/** What of a document other files depend on (`documentNames`). */
export type DocumentNames = readonly Name[];
type Name = string | number | null;

/**
 * What of a document other files depend on: its titles, headers and references, not where they
 * are. While it stays the same, an open document's summary may lag behind its text (positions
 * are made again before any answer that needs them).
 */
export function documentNames(doc: NotesDocument): DocumentNames {
  const names: Name[] = [];
  visitNames(doc, (name) => names.push(name) > 0);
  return names;
}

/** Are these a document's names? Compared as they are read, so that a keystroke that changes none makes nothing. */
export function sameNames(doc: NotesDocument, names: DocumentNames): boolean {
  let i = 0;
  return visitNames(doc, (name) => names[i++] === name) && i === names.length;
}

/**
 * Visits the names in document order until `visit` says false. Counts come before what they
 * count, so two documents visit the same names only if they have the same ones: which talk is in
 * which session is said by the loose talks' count and each session's, without an offset (offsets
 * move with every keystroke).
 */
function visitNames(doc: NotesDocument, visit: (name: Name) => boolean): boolean {
  if (!visit(doc.talks.length) || !visit(doc.sessions.length) || !visit(doc.references.length) || !visit(doc.looseTalks.length)) return false;
  for (const t of doc.talks) {
    if (!visit(t.title) || !visit(t.speaker) || !visit(t.organisation) || !visit(t.sections.length)) return false;
    for (const x of t.sections) if (!visit(x.title)) return false;
  }
  for (const s of doc.sessions) if (!visit(s.event) || !visit(s.day) || !visit(s.name) || !visit(s.talks.length)) return false;
  for (const r of doc.references) if (!visit(r.target) || !visit(r.file)) return false;
  return true;
}

/** Talks or references summarized between two pauses of `summarySteps`. */
const ENTRIES_PER_STEP = 512;

export function summarize(uri: string, doc: NotesDocument): FileSummary {
  return runToEnd(summarySteps(uri, doc));
}

/** The summary as steps, so that a 100 MB document's can be made between other requests. */
export function* summarySteps(uri: string, doc: NotesDocument): Generator<void, FileSummary, void> {
  const lines = doc.lines;
  const at = (offset: number) => lines.positionAt(offset);
  // Spans here lie on one line: read that line, not the whole text (joining 10 MB costs 20 ms).
  const textOf = (span: Span) => {
    const start = at(span.start);
    return doc.lineText(start.line).slice(start.character, start.character + (span.end - span.start));
  };
  const placed = (ordinal: number, heading: Span, whole: Span): Placed => {
    const start = at(heading.start);
    const end = at(whole.end);
    return { uri, ordinal, line: start.line, character: start.character, headingEnd: start.character + (heading.end - heading.start), endLine: end.line, endCharacter: end.character };
  };
  const sessions: SessionEntry[] = [];
  for (let ordinal = 0; ordinal < doc.sessions.length; ordinal++) {
    if (ordinal % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const s = doc.sessions[ordinal];
    const event = own(s.event);
    const day = own(s.day);
    const session = own(s.name);
    sessions.push({
      kind: 'session',
      ...placed(ordinal, s.headerSpan, s.span),
      event,
      day,
      session,
      key: own(referenceKey(`${event} – ${day} – ${session}`)),
      heading: own(textOf(s.headerSpan)),
      talkCount: s.talks.length,
    });
  }
  yield;
  const sessionOrdinals = new Map(doc.sessions.map((s, i) => [s, i]));
  const talks: TalkEntry[] = [];
  for (let ordinal = 0; ordinal < doc.talks.length; ordinal++) {
    if (ordinal % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const t = doc.talks[ordinal];
    const sessionOrdinal = t.session ? sessionOrdinals.get(t.session)! : null;
    // The talk's session strings are its session entry's: one copy per session, not per talk.
    const session = sessionOrdinal === null ? null : sessions[sessionOrdinal];
    const heading = placed(ordinal, t.lineSpan, t.span);
    const titleStart = heading.character + (t.titleSpan.start - t.lineSpan.start);
    const line = own(textOf(t.lineSpan));
    // Title and speaker are most often their line's words as written: views of the line then, not copies.
    const part = (text: string, span: Span) => {
      const inLine = line.slice(span.start - t.lineSpan.start, span.end - t.lineSpan.start);
      return inLine === text ? inLine : own(text);
    };
    talks.push({
      kind: 'talk',
      ...heading,
      title: part(t.title, t.titleSpan),
      key: own(referenceKey(t.title)),
      speaker: t.speaker === null ? null : part(t.speaker, t.speakerSpan!),
      organisation: t.organisation === null ? null : own(t.organisation),
      event: session?.event ?? null,
      day: session?.day ?? null,
      session: session?.session ?? null,
      sessionOrdinal,
      heading: line,
      titleStart,
      titleEnd: titleStart + (t.titleSpan.end - t.titleSpan.start),
      sections: t.sections.length === 0 ? NO_SECTIONS : t.sections.map((x) => ({ title: own(x.title), line: at(x.headingSpan.start).line })),
    });
  }
  const references: ReferenceEntry[] = [];
  for (let i = 0; i < doc.references.length; i++) {
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const r = doc.references[i];
    const start = at(r.span.start);
    const column = (offset: number) => start.character + (offset - r.span.start);
    references.push({
      uri,
      target: own(r.target),
      key: own(referenceKey(r.target)),
      file: r.file === null ? null : own(r.file),
      line: start.line,
      character: start.character,
      endCharacter: column(r.span.end),
      targetStart: column(r.targetSpan.start),
      targetEnd: column(r.targetSpan.end),
    });
  }
  return { uri, talks, sessions, references };
}

/**
 * A copy that does not hold on to the file's text: V8 keeps a slice as a view of the string
 * it came from, and a title would keep a whole 50 KB file alive.
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
