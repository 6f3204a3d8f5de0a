/**
 * The document model every feature reads. Spans are offsets into the parsed text
 * (UTF-16 code units, end exclusive); features convert them to positions through
 * `NotesDocument.lines`. No protocol types live here.
 */
import type { LineTable } from './lineTable';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Day {
  readonly kind: 'day';
  readonly event: string;
  readonly day: string;
  /** From the first session's header to the last session's last non-blank line. */
  readonly span: Span;
  /** The day part of the first session's header, e.g. `Friday`. */
  readonly daySpan: Span;
  readonly sessions: readonly Session[];
}

export interface Session {
  readonly kind: 'session';
  readonly event: string;
  readonly day: string;
  /** The part after the day, e.g. `Session 3` or `Lightning Talks`. */
  readonly name: string;
  /** The header line's text, without surrounding white space. */
  readonly headerSpan: Span;
  /** The day part of the header. */
  readonly daySpan: Span;
  /** From the header to the last non-blank line before the next header. */
  readonly span: Span;
  readonly talks: readonly Talk[];
}

/**
 * Why a line is a talk (docs/FORMAT.md, "How a file is read"): what in the line or around it
 * says so. Shown by the hover on a title and by `confnotes outline --json`.
 */
export type TalkReading =
  | 'speaker on its line'
  | 'speaker on the next line'
  | 'speaker as its first bullet'
  | 'names only its speaker'
  | 'a time slot'
  | 'title in quotes'
  | 'calls itself a talk'
  | "heading of the file's talks"
  | 'heading with notes'
  | 'marked as a talk';

export interface Talk {
  readonly kind: 'talk';
  /** The title as written, without enclosing quotes and a trailing `:`. */
  readonly title: string;
  /** The speakers as written (`Alice Smith and Bob Jones`), without their organisation, role or handle. */
  readonly speaker: string | null;
  /** The speaker's organisation, when the notes name one: `Fastly` in `Edge Caching — Wen Li (Fastly)`. */
  readonly organisation: string | null;
  readonly reading: TalkReading;
  /** The title line's text, speaker included, without surrounding white space (a `#` heading's marks too). */
  readonly lineSpan: Span;
  /** Just the title, without the speaker and the separator (` by `, ` – `, `: `, ` (`), quotes or a trailing `:`. */
  readonly titleSpan: Span;
  /**
   * Just the speakers' names, when there are some (no organisation, no brackets): on the title
   * line, or on the line below it, or in its first bullet.
   */
  readonly speakerSpan: Span | null;
  /** Just the organisation's name (inside its brackets, or after its comma), on the line of the speakers. */
  readonly organisationSpan: Span | null;
  /** From the title line to the last non-blank line before the next talk or header (a rule before it is no part of it). */
  readonly span: Span;
  /** The session it belongs to; null for talks before the first header. */
  readonly session: Session | null;
  /** Its parts, in order (docs/FORMAT.md, "Sections"); empty for most talks. */
  readonly sections: readonly Section[];
}

/** A part of a talk: an unindented line with bullets below it, inside a talk that names its speaker. */
export interface Section {
  readonly kind: 'section';
  readonly title: string;
  /** The heading line's text, without surrounding white space. */
  readonly headingSpan: Span;
  /** From the heading line to the last non-blank line before the next section, talk or header. */
  readonly span: Span;
  readonly talk: Talk;
}

/**
 * The bullets of a document, each known by its index (document order). Nesting: a bullet's
 * level is 1 at the top; it spans from its marker to the end of its last child or continuation line.
 */
export interface Bullets {
  readonly count: number;
  /** Indexes of the top-level bullets. */
  roots(): number[];
  /** Indexes of a bullet's direct children. */
  children(index: number): number[];
  hasChildren(index: number): boolean;
  level(index: number): number;
  /** The parent's index, -1 for a top-level bullet. */
  parent(index: number): number;
  /** The marker character, e.g. `•` or `-`. */
  markerSpan(index: number): Span;
  /** The text after the marker and its space, up to the end of the bullet's own line. */
  textSpan(index: number): Span;
  /** From the marker to the end of its last child or continuation line. */
  span(index: number): Span;
}

export type LinkForm =
  /** `http://…`, `https://…`, `ftp://…`, `mailto:…`, including misspelt schemes. */
  | 'scheme'
  /** `www.…` without a scheme; opens as https. */
  | 'www'
  /** A bare host with a public suffix, e.g. `github.com/LABHR`; opens as https. */
  | 'host'
  /** A bare e-mail address; opens as mailto. */
  | 'email'
  /** A well-known site named without its domain, e.g. `github/steven-ellis`. */
  | 'site';

export type LinkProblemCode = 'malformed-url' | 'unknown-tld' | 'incomplete-link';

export interface LinkProblem {
  readonly code: LinkProblemCode;
  readonly message: string;
  /** Replacement texts for the link's span, best first; empty when no fix is certain. */
  readonly fixes: readonly string[];
}

export interface Link {
  readonly kind: 'link';
  readonly form: LinkForm;
  /** Exactly the link's text: no trailing punctuation, no unbalanced closing bracket or quote. */
  readonly span: Span;
  readonly text: string;
  /** The URL it opens; null when it cannot be opened (malformed). */
  readonly target: string | null;
  readonly problem: LinkProblem | null;
}

/** A wiki-style reference to a talk or session: `[[Title]]`, `[[Title|shown]]`, `[[file.notes#Title]]`. */
export interface Reference {
  readonly kind: 'reference';
  /** From `[[` to `]]`, both included. */
  readonly span: Span;
  /** The talk title or `Event – Day – Session` referred to, as written (trimmed). */
  readonly target: string;
  /** Just the title: `Closing` in `[[ lca2016.notes#Closing | the end ]]`. */
  readonly targetSpan: Span;
  /** The file and the title: `lca2016.notes#Closing` there (the title alone when no file is named). */
  readonly partSpan: Span;
  /** The file named before `#`, e.g. `lca2016.notes`, or null. */
  readonly file: string | null;
  /** The text after `|`, or null. */
  readonly label: string | null;
}

export interface NotesDocument {
  /** The whole text. Joined from the lines on first use: a feature that needs one line asks `lineText`. */
  readonly text: string;
  /** One line as written, without its line break (a BOM on line 0 kept, as in `text`). */
  lineText(line: number): string;
  /** The break after a line as written: `\n`, `\r\n`, `\r`, or `''` after the last line. */
  lineBreak(line: number): string;
  readonly lines: LineTable;
  readonly days: readonly Day[];
  readonly sessions: readonly Session[];
  /** Every talk in document order, including `looseTalks`. */
  readonly talks: readonly Talk[];
  /** Talks before the first session header. */
  readonly looseTalks: readonly Talk[];
  /** Every talk's sections, in document order. */
  readonly sections: readonly Section[];
  readonly bullets: Bullets;
  /** Links in document order, from every line but session headers. */
  readonly links: readonly Link[];
  /** References in document order, from every line but session headers. */
  readonly references: readonly Reference[];
  /** Lines too long to be searched for links (LONGEST_LINE_SEARCHED_FOR_LINKS), in order. */
  readonly linesNotSearchedForLinks: readonly number[];
}
