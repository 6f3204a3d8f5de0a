/** confnotes' own requests, beside the standard ones, for Go to Talk and Next/Previous Talk. */
import { RequestType, type Range, type TextDocumentIdentifier, type Position } from 'vscode-languageserver-protocol';
import type { TalkItem } from './features/talks';

export interface TalksParams {
  readonly textDocument: TextDocumentIdentifier;
}
export const TalksRequest = new RequestType<TalksParams, TalkItem[], void>('confnotes/talks');

export interface AdjacentTalkParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position: Position;
  readonly direction: 'next' | 'previous';
}
/** The title line of the next or previous talk, or null at either end. */
export const AdjacentTalkRequest = new RequestType<AdjacentTalkParams, Range | null, void>('confnotes/adjacentTalk');

/** What the client may say in `initializationOptions`. */
export interface InitializationOptions {
  /** The client registers `confnotes.ignoreLink` (VS Code does), so "Ignore this link" can be offered. */
  readonly ignoreLinkCommand?: boolean;
  /** Settings for clients without `workspace/configuration`, in the shape of the `confnotes` section. */
  readonly settings?: unknown;
}
