/**
 * Finding a talk (or session) the server named by file and number, where it is now: lines
 * move as the user types, so the client asks again before it moves the cursor.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OverviewLinesRequest, TalksRequest } from '../../server/src/protocol/requests';

/** A file as the workbench names it: relative to its folder (and the folder named, in a multi-root workspace). */
export function fileLabel(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** A talk or session as the server names it. */
export interface Place {
  readonly uri: string;
  readonly kind: 'talk' | 'session';
  readonly ordinal: number;
  /** Its line when the server said so. */
  readonly line: number;
  /** A talk's title, to find it again if talks were added or removed above it since. */
  readonly title?: string;
  /** A section of the talk: how many lines below the talk's title line to go. */
  readonly offset?: number;
}

/** The line of a talk or session in a document as it is now. */
export async function currentLine(client: BaseLanguageClient, document: vscode.TextDocument, place: Place): Promise<number> {
  const textDocument = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  if (place.kind === 'session') return (await client.sendRequest(OverviewLinesRequest, { textDocument })).sessions[place.ordinal] ?? place.line;
  const talks = await client.sendRequest(TalksRequest, { textDocument });
  const same = (title: string) => place.title === undefined || title.toLowerCase() === place.title.toLowerCase();
  const talk = talks[place.ordinal] && same(talks[place.ordinal].title) ? talks[place.ordinal] : talks.find((t) => same(t.title));
  return talk?.selectionRange.start.line ?? place.line;
}

/** Opens the file of a talk or session with its title line at the top and the cursor on it. */
export async function reveal(client: BaseLanguageClient, place: Place, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.uri));
  const line = Math.min((await currentLine(client, document, place)) + (place.offset ?? 0), document.lineCount - 1);
  const start = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(document, { ...options, selection: new vscode.Range(start, start) });
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
  return editor;
}
