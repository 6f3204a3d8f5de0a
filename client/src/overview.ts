/**
 * Org-style overview of a notes file: fold to session headers, fold to talk titles, unfold
 * all, and cycling through the three (Org's global S-TAB). The server says which lines head
 * sessions and talks; VS Code's own folding does the rest, on the server's folding ranges.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OverviewLinesRequest } from '../../server/src/protocol/requests';

export type Overview = 'sessions' | 'talks' | 'all';
const NEXT: Record<Overview, Overview> = { all: 'sessions', sessions: 'talks', talks: 'all' };

export class OverviewCommands {
  /** The overview each document was last put in, for cycling. */
  private readonly shown = new WeakMap<vscode.TextDocument, Overview>();

  constructor(private readonly client: BaseLanguageClient) {}

  async show(editor: vscode.TextEditor, overview: Overview): Promise<void> {
    this.shown.set(editor.document, overview);
    await vscode.commands.executeCommand('editor.unfoldAll');
    if (overview === 'all') return void vscode.window.setStatusBarMessage('Conference Notes: everything shown', 2000);
    const lines = await this.client.sendRequest(OverviewLinesRequest, { textDocument: { uri: this.client.code2ProtocolConverter.asUri(editor.document.uri) } });
    // `levels: 1` folds the innermost range holding each line: the one that starts there.
    const selectionLines = overview === 'sessions' ? [...lines.looseTalks, ...lines.sessions] : lines.talks;
    if (selectionLines.length > 0) await vscode.commands.executeCommand('editor.fold', { levels: 1, direction: 'down', selectionLines });
    vscode.window.setStatusBarMessage(overview === 'sessions' ? 'Conference Notes: session headers only' : 'Conference Notes: talk titles only', 2000);
  }

  cycle(editor: vscode.TextEditor): Promise<void> {
    return this.show(editor, NEXT[this.shown.get(editor.document) ?? 'all']);
  }
}
