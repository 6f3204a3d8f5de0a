/** confnotes' own requests and notifications, beside the standard ones: Go to Talk, Next/Previous Talk and Session, the overview folds, the Conference Notes view. */
import { NotificationType, RequestType, type Range, type TextDocumentIdentifier, type Position } from 'vscode-languageserver-protocol';
import type { CheckSummary, ExportPart, ListFilesParams, ListFilesResult, OutlineNode, OverviewLines, ReadFileParams, ReadFileResult, SearchAnswer, TalkItem, TalkPick } from './types';

// The client imports this file only: the shapes of the answers and the command ids with the requests.
export * from './types';
export { SERVER_ENVIRONMENT } from './serverEnvironment';
export { base64ToBytes, bytesToBase64 } from './base64';
export { isWalked } from './walkRule';

export interface TalksParams {
  readonly textDocument: TextDocumentIdentifier;
}
export const TalksRequest = new RequestType<TalksParams, TalkItem[], void>('confnotes/talks');

export interface AdjacentTalkParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position: Position;
  readonly direction: 'next' | 'previous';
  /** What to move to; `talk` when absent. */
  readonly unit?: 'talk' | 'session';
}
/** The title line of the next or previous talk (or session header), or null at either end. */
export const AdjacentTalkRequest = new RequestType<AdjacentTalkParams, Range | null, void>('confnotes/adjacentTalk');

export interface NextHeadersParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position: Position;
}
/** The session headers that may come next at a position (the next session, the next day), most likely first. */
export const NextHeadersRequest = new RequestType<NextHeadersParams, string[], void>('confnotes/nextHeaders');

export interface OutlineChildrenParams {
  /** The node whose children are wanted; null for the top level. */
  readonly parent: string | null;
}
/** One level of the Conference Notes view (open files as they are in the editor); waits for the first indexing. */
export const OutlineChildrenRequest = new RequestType<OutlineChildrenParams, OutlineNode[], void>('confnotes/outlineChildren');

export interface OutlinePathParams {
  readonly uri: string;
  readonly kind: 'talk' | 'session';
  /** The talk's (or session's) place in the file, from 0, as `confnotes/overviewLines` lists them. */
  readonly ordinal: number;
}
/** The nodes from the top of the view down to a talk or session, to reveal it. */
export const OutlinePathRequest = new RequestType<OutlinePathParams, OutlineNode[], void>('confnotes/outlinePath');

export interface SearchTalksParams {
  readonly query: string;
  readonly limit: number;
}
/** Talks of the whole workspace matching a query, best first (an empty query lists the first ones). */
export const SearchTalksRequest = new RequestType<SearchTalksParams, TalkPick[], void>('confnotes/searchTalks');

export interface SearchNotesParams {
  /** Words, `"phrases"`, `speaker:`, `event:`, `day:`, `in:title` (README, "Search Notes"). */
  readonly query: string;
  /** Talks at most (50 when absent, 200 at most). */
  readonly limit?: number;
}
/** The talks of the whole workspace where the query's words were written, best first, each with its matching lines. */
export const SearchNotesRequest = new RequestType<SearchNotesParams, SearchAnswer, void>('confnotes/search');

export interface ExportParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly to: 'markdown' | 'html';
  /** The lines to export; else the talk (or session) at `position`; else the whole file. */
  readonly range?: Range | null;
  readonly position?: Position | null;
  /** An HTML fragment rather than a document (what a clipboard wants). */
  readonly fragment?: boolean;
  readonly title?: string;
  readonly headingLevel?: number;
}
/** A document, or part of it, as Markdown or HTML (Export Notes, Copy as Markdown / HTML). */
export const ExportRequest = new RequestType<ExportParams, ExportPart | null, void>('confnotes/export');

/**
 * Session header and talk title lines of a document: for "Fold to Sessions" and "Fold to Talks",
 * and to find the n-th talk of a file where it is now.
 */
export const OverviewLinesRequest = new RequestType<TalksParams, OverviewLines, void>('confnotes/overviewLines');

/**
 * Sent when the workspace outline changed: a talk, session or reference was added, removed or
 * renamed in any notes file, open or not (not when lines only moved).
 */
// Sent with empty params: a parameterless notification type made VS Code's client refuse it ("defines 0 params but received 1").
export const OutlineChangedNotification = new NotificationType<Record<string, never>>('confnotes/outlineChanged');

export interface CheckLinksParams {
  /** The links of one file (`uri`), or of every notes file of the workspace. */
  readonly scope: 'file' | 'workspace';
  readonly uri?: string;
}
/**
 * Checks links online, with progress, and answers how it went (also told to the user). Refused
 * (RequestFailed) in an untrusted workspace or when `confnotes.links.online` is `off`.
 */
export const CheckLinksOnlineRequest = new RequestType<CheckLinksParams, CheckSummary, void>('confnotes/checkLinksOnline');

/** The client tells the server when the workspace becomes trusted (VS Code's workspace trust). */
export const WorkspaceTrustNotification = new NotificationType<{ readonly trusted: boolean }>('confnotes/workspaceTrust');

/**
 * Sent by the server to a client that serves files (`InitializationOptions.servesFiles`): where
 * the server cannot read a workspace folder itself (a virtual workspace, or a server in a
 * browser), the client lists its notes files and reads them, as VS Code's Markdown server asks
 * its client. Changes come as `workspace/didChangeWatchedFiles`, as for files on disk.
 */
export const ListFilesRequest = new RequestType<ListFilesParams, ListFilesResult, void>('confnotes/listFiles');
export const ReadFileRequest = new RequestType<ReadFileParams, ReadFileResult, void>('confnotes/readFile');

/** What the client may say in `initializationOptions`. */
export interface InitializationOptions {
  /** false: the workspace is not trusted, and no link is checked online until it is. */
  readonly trusted?: boolean;
  /** Where the online check keeps its cache (VS Code: the extension's global storage). */
  readonly cacheFolder?: string;
  /** The client registers `confnotes.ignoreLink` (VS Code does), so "Ignore this link" can be offered. */
  readonly ignoreLinkCommand?: boolean;
  /**
   * The client answers `confnotes/listFiles` and `confnotes/readFile`: the server reads through it
   * the workspace folders it cannot read itself (every one but `file:` folders on the desktop).
   */
  readonly servesFiles?: boolean;
  /** Settings for clients without `workspace/configuration`, in the shape of the `confnotes` section. */
  readonly settings?: unknown;
}
