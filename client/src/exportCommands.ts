/**
 * Export Notes as Markdown / HTML… (the file, to a file the user names) and Copy as Markdown /
 * HTML (the selection, or the talk or session at the cursor). The server writes the text; HTML
 * goes on the clipboard as HTML where the platform's clipboard tool takes it (htmlClipboard.ts,
 * on the desktop), so that pasting into a blog editor keeps the lists.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ExportPart } from '../../server/src/protocol/requests';
import { ExportRequest } from '../../server/src/protocol/requests';

type Format = 'markdown' | 'html';
const NAMES: Record<Format, string> = { markdown: 'Markdown', html: 'HTML' };

function notesEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'confnotes') return editor;
  void vscode.window.showInformationMessage('Conference Notes: open a notes file first.');
  return undefined;
}

function tellUnlinked(part: ExportPart): void {
  if (part.unlinked.length === 0) return;
  const first = part.unlinked[0];
  void vscode.window.showWarningMessage(
    `Conference Notes: ${part.unlinked.length} link${part.unlinked.length === 1 ? '' : 's'} exported as text (cannot be opened as written), e.g. line ${first.line + 1}: ${first.text}`,
  );
}

export async function exportFile(client: BaseLanguageClient, to: Format): Promise<void> {
  const editor = notesEditor();
  if (!editor) return;
  const document = editor.document;
  const extension = to === 'markdown' ? 'md' : 'html';
  const target = await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, `.${extension}`) }),
    filters: { [NAMES[to]]: [extension] },
    title: `Export Notes as ${NAMES[to]}`,
  });
  if (!target) return;
  const part = await client.sendRequest(ExportRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) }, to });
  if (!part) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(part.text));
  tellUnlinked(part);
  const choice = await vscode.window.showInformationMessage(`Conference Notes: exported to ${vscode.workspace.asRelativePath(target)}`, 'Open');
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
}

/** Puts HTML on the clipboard as HTML, where the platform can (false: it could not, and the text goes as source). */
export type HtmlClipboard = (html: string) => Promise<boolean>;

export async function copyAs(client: BaseLanguageClient, to: Format, copyHtml: HtmlClipboard): Promise<void> {
  const editor = notesEditor();
  if (!editor) return;
  const selection = editor.selection;
  const part = await client.sendRequest(ExportRequest, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    to,
    fragment: true,
    range: selection.isEmpty ? null : client.code2ProtocolConverter.asRange(selection),
    position: client.code2ProtocolConverter.asPosition(selection.active),
  });
  if (!part) return;
  const asHtml = to === 'html' && (await copyHtml(part.text));
  if (!asHtml) await vscode.env.clipboard.writeText(part.text);
  tellUnlinked(part);
  const what = part.what === 'talk' || part.what === 'session' ? `${part.what} "${part.title}"` : `the ${part.what}`;
  const how = to === 'markdown' ? 'as Markdown' : asHtml ? 'as HTML' : "as HTML source (this clipboard takes no HTML from an extension)";
  vscode.window.setStatusBarMessage(`Copied ${what} ${how}`, 5000);
}
