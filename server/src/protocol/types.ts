/**
 * The shapes of confnotes' own answers on the wire, and its command ids: pure (types, and
 * strings), so that the features that make them and the client that reads them share one
 * definition without the protocol library. The requests that carry them are in requests.ts.
 */
import type { Range } from 'vscode-languageserver-types';

/** Commands the server names in its answers (code lenses, code actions); the client registers them. */
export const SHOW_REFERENCES_COMMAND = 'confnotes.showReferences';
export const IGNORE_LINK_COMMAND = 'confnotes.ignoreLink';
export const MARK_LINE_COMMAND = 'confnotes.markLine';

/** A talk as every answer names it. */
export interface TalkData {
  readonly title: string;
  readonly speaker: string | null;
  readonly event: string | null;
  readonly day: string | null;
  readonly session: string | null;
}

/** A talk of the workspace, to go to (Go to Talk). */
export interface TalkPick extends TalkData {
  readonly uri: string;
  /** Its place among the file's talks: the client asks where that talk is now before moving. */
  readonly ordinal: number;
  /** Its title line when the answer was made (0-based). */
  readonly line: number;
  readonly file: string;
}

/** A talk of one document, with its ranges (`confnotes/talks`). */
export interface TalkItem extends TalkPick {
  /** The whole talk. */
  readonly range: Range;
  /** The title line. */
  readonly selectionRange: Range;
}

/** Session header and talk title lines of a document (0-based). */
export interface OverviewLines {
  readonly sessions: number[];
  readonly talks: number[];
  /** Title lines of the talks before the first session header. */
  readonly looseTalks: number[];
}

/** What a passage of the search index is: a talk, a session's lines before its first talk, or a file's lines before its first header. */
export type PassageKind = 'file' | 'session' | 'talk';

export interface SearchHit {
  /** Where the first matching word is (0-based line, UTF-16 columns). */
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** The line without its indentation, cut around the words when it is long. */
  readonly text: string;
  /** The column in the line where `text` starts. */
  readonly textStart: number;
  /** The matching words in `text`: [start, end) offsets. */
  readonly highlights: ReadonlyArray<readonly [number, number]>;
  /** The section of the talk the line is in, if any. */
  readonly section: string | null;
}

export interface SearchResult extends Omit<TalkData, 'title'> {
  readonly uri: string;
  readonly file: string;
  readonly kind: PassageKind;
  /** The talk's title; `Event – Day – Session` for a session; null for a file's opening lines. */
  readonly title: string | null;
  readonly organisation: string | null;
  /** The talk's (or session's) place in its file, from 0 (as `confnotes/searchTalks` gives it). */
  readonly ordinal: number;
  /** Its first line (the title line of a talk). */
  readonly line: number;
  readonly score: number;
  /** The matching lines, the ones with most of the query's words first, then in line order. */
  readonly hits: readonly SearchHit[];
  /** Matching lines left out of `hits`. */
  readonly moreHits: number;
}

export interface SearchAnswer {
  readonly results: readonly SearchResult[];
  /** Passages the index found for the words (before filters and phrases were checked): more than `results` when the limit cut. */
  readonly found: number;
  /** Parts of the query that were not understood. */
  readonly problems: readonly string[];
}

export interface ExportPart {
  /** Markdown or HTML. */
  readonly text: string;
  /** What was exported: `file`, `selection`, `talk` or `session` (and its title). */
  readonly what: 'file' | 'selection' | 'talk' | 'session';
  readonly title: string | null;
  /** Links written as text (they cannot be opened as written): their text and line (0-based). */
  readonly unlinked: ReadonlyArray<{ readonly line: number; readonly text: string; readonly reason: string }>;
}

/** Where a node's title line is: the file and the talk's (or session's) number in it, from 0. */
export interface OutlineTarget {
  readonly uri: string;
  readonly ordinal: number;
  /** The 0-based line of the title when the outline was made (the client re-asks when revealing). */
  readonly line: number;
  /** For a section: how many lines below its talk's title line it is. */
  readonly offset?: number;
}

/** A node of the Conference Notes view. */
export interface OutlineNode {
  readonly kind: 'event' | 'file' | 'day' | 'session' | 'talk' | 'section';
  readonly id: string;
  readonly label: string;
  /** The speaker of a talk; the talk count of the others. */
  readonly description: string;
  readonly talkCount: number;
  readonly target: OutlineTarget | null;
  readonly hasChildren: boolean;
}

/** How a check of links online went. */
export interface CheckSummary {
  readonly files: number;
  readonly links: number;
  readonly dead: number;
  readonly redirected: number;
  readonly unverified: number;
  readonly httpsAvailable: number;
  readonly skipped: number;
  readonly fromCache: number;
  readonly cancelled: boolean;
}

/**
 * `confnotes/listFiles`: the files of a workspace folder the server cannot list itself. The client
 * may answer with every file it walks to (the walk rule applied, symbolic links not followed) or
 * only those the globs match: the server applies the globs and the walk rule to the answer again.
 */
export interface ListFilesParams {
  /** A workspace folder's URI. */
  readonly folder: string;
  /** `confnotes.files`, relative to the folder. */
  readonly globs: readonly string[];
}
export interface ListFilesResult {
  readonly files: readonly string[];
}

/** `confnotes/readFile`: a file's bytes, read by the client for the server. */
export interface ReadFileParams {
  readonly uri: string;
  /** Bytes at most: a larger file is not read (the answer says so). */
  readonly largest?: number;
}
export type ReadFileResult = { readonly base64: string } | { readonly error: string } | { readonly gone: true };
