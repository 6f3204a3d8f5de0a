/** Go to Talk… (quick pick with preview) and Next/Previous Talk, answered by the server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AdjacentTalkRequest, TalksRequest } from '../../server/src/protocol';
import type { TalkItem } from '../../server/src/features/talks';

interface TalkPick extends vscode.QuickPickItem {
  readonly talk: TalkItem;
}

const previewDecoration = vscode.window.createTextEditorDecorationType({
  isWholeLine: true,
  backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
});

export async function goToTalk(client: LanguageClient, editor: vscode.TextEditor): Promise<void> {
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const talks = await client.sendRequest(TalksRequest, { textDocument: { uri } });
  if (talks.length === 0) {
    void vscode.window.showInformationMessage('No talks in this file yet: a talk is a title line followed by bullets, or "Title by Speaker".');
    return;
  }
  const before = { selection: editor.selection, visible: editor.visibleRanges[0] };
  const cursorLine = editor.selection.active.line;
  const picks: TalkPick[] = talks.map((talk) => ({
    label: talk.title,
    description: talk.speaker ?? undefined,
    detail: [talk.event, talk.day, talk.session].filter(Boolean).join(' · ') || undefined,
    talk,
  }));
  const quickPick = vscode.window.createQuickPick<TalkPick>();
  quickPick.items = picks;
  quickPick.placeholder = 'Go to talk: type part of a title, speaker, day or session';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const current = picks.filter((p) => p.talk.range.start.line <= cursorLine).pop();
  if (current) quickPick.activeItems = [current];

  let accepted = false;
  quickPick.onDidChangeActive(([pick]) => {
    if (!pick) return;
    const range = client.protocol2CodeConverter.asRange(pick.talk.selectionRange);
    editor.setDecorations(previewDecoration, [range]);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
  quickPick.onDidAccept(() => {
    const pick = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
    if (!pick) return;
    accepted = true;
    const start = client.protocol2CodeConverter.asPosition(pick.talk.selectionRange.start);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
    quickPick.hide();
  });
  quickPick.onDidHide(() => {
    editor.setDecorations(previewDecoration, []);
    if (!accepted) {
      editor.selection = before.selection;
      if (before.visible) editor.revealRange(before.visible, vscode.TextEditorRevealType.AtTop);
    }
    quickPick.dispose();
  });
  quickPick.show();
}

export async function moveToAdjacentTalk(client: LanguageClient, editor: vscode.TextEditor, direction: 'next' | 'previous'): Promise<void> {
  const range = await client.sendRequest(AdjacentTalkRequest, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    direction,
  });
  if (!range) {
    vscode.window.setStatusBarMessage(direction === 'next' ? 'No talk after this one' : 'No talk before this one', 2000);
    return;
  }
  const start = client.protocol2CodeConverter.asPosition(range.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
