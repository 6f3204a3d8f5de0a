/** Conference Notes: New Session — the next session header (from the server), a blank line, and the cursor where the first talk goes. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NextHeadersRequest } from '../../server/src/protocol/requests';

export async function newSession(client: BaseLanguageClient, editor: vscode.TextEditor): Promise<void> {
  const position = editor.selection.active;
  const [header] = await client.sendRequest(NextHeadersRequest, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    position: client.code2ProtocolConverter.asPosition(position),
  });
  if (!header) {
    void vscode.window.showInformationMessage('Conference Notes: there is no session header above the cursor to go on from.');
    return;
  }
  const line = editor.document.lineAt(position.line);
  const empty = line.isEmptyOrWhitespace;
  // On an empty line the header takes its place; otherwise it goes below, after a blank line.
  const range = empty ? line.range : new vscode.Range(line.range.end, line.range.end);
  const text = `${empty ? '' : '\n\n'}${header}\n\n`;
  const done = await editor.edit((edit) => edit.replace(range, text));
  if (!done) return;
  const talkLine = new vscode.Position(position.line + (empty ? 2 : 4), 0);
  editor.selection = new vscode.Selection(talkLine, talkLine);
  editor.revealRange(new vscode.Range(talkLine, talkLine));
}
