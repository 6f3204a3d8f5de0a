/** Conference Notes: Check Links Online — this file or the whole workspace; the server does the checking and tells the result. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckLinksOnlineRequest } from '../../server/src/protocol/requests';

export async function checkLinksOnline(client: BaseLanguageClient): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Conference Notes checks links online only in a trusted workspace (Restricted Mode is on).');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const inNotes = editor?.document.languageId === 'confnotes';
  const scope = inNotes
    ? (await vscode.window.showQuickPick(
        [
          { label: 'This file', description: vscode.workspace.asRelativePath(editor!.document.uri), scope: 'file' as const },
          { label: 'Every notes file of the workspace', scope: 'workspace' as const },
        ],
        { placeHolder: 'Check the links of…' },
      ))?.scope
    : 'workspace';
  if (!scope) return;
  try {
    // Progress, cancellation and the summary come from the server, as for every editor.
    await client.sendRequest(CheckLinksOnlineRequest, { scope, uri: scope === 'file' ? client.code2ProtocolConverter.asUri(editor!.document.uri) : undefined });
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
  }
}
