/** confnotes' own requests, beside the standard ones: Go to Talk, Next/Previous Talk and Session, the overview folds, the Conference Notes view. */
import { NotificationType0, RequestType, type Range, type TextDocumentIdentifier, type Position } from 'vscode-languageserver-protocol';
import type { OverviewLines } from './features/overview';
import type { TalkItem } from './features/talks';
import type { OutlineNode } from './features/workspaceOutline';

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

/**
 * Every talk of the workspace as event → day → session → talk (open files as they are in the
 * editor), for the Conference Notes view and Go to Talk. Answered once the first indexing is done.
 */
export const WorkspaceOutlineRequest = new RequestType<null, OutlineNode[], void>('confnotes/workspaceOutline');

/**
 * Session header and talk title lines of a document: for "Fold to Sessions" and "Fold to Talks",
 * and to find the n-th talk of a file where it is now.
 */
export const OverviewLinesRequest = new RequestType<TalksParams, OverviewLines, void>('confnotes/overviewLines');

/**
 * Sent when the workspace outline changed: a talk, session or reference was added, removed or
 * renamed in any notes file, open or not (not when lines only moved).
 */
export const OutlineChangedNotification = new NotificationType0('confnotes/outlineChanged');

/** What the client may say in `initializationOptions`. */
export interface InitializationOptions {
  /** The client registers `confnotes.ignoreLink` (VS Code does), so "Ignore this link" can be offered. */
  readonly ignoreLinkCommand?: boolean;
  /** Settings for clients without `workspace/configuration`, in the shape of the `confnotes` section. */
  readonly settings?: unknown;
}
