/**
 * Go to Talk… over the whole workspace (recently picked first, preview as you move, Escape
 * restores the editor and position you came from) and Next/Previous Talk and Session.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AdjacentTalkRequest } from '../../server/src/protocol';
import { currentLine, fetchOutline, fileLabel, talksOf, type OutlineTalk } from './outline';

interface TalkPick extends vscode.QuickPickItem {
  readonly talk?: OutlineTalk;
}

const RECENT_KEY = 'confnotes.recentTalks';
const RECENT_KEPT = 10;

const previewDecoration = vscode.window.createTextEditorDecorationType({
  isWholeLine: true,
  backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
});

/** Recently picked talks, newest first, remembered per workspace by file and title. */
export class RecentTalks {
  constructor(private readonly state: vscode.Memento) {}

  keys(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  picked(talk: OutlineTalk): Thenable<void> {
    const key = recentKey(talk);
    return this.state.update(RECENT_KEY, [key, ...this.keys().filter((k) => k !== key)].slice(0, RECENT_KEPT));
  }
}

function recentKey(talk: OutlineTalk): string {
  return `${talk.node.target!.uri}\n${talk.node.label.toLowerCase()}`;
}

export async function goToTalk(client: LanguageClient, recent: RecentTalks): Promise<void> {
  const talks = talksOf(await fetchOutline(client));
  if (talks.length === 0) {
    void vscode.window.showInformationMessage('No talks in the notes of this workspace yet: a talk is a title line followed by bullets, or "Title by Speaker".');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const before = editor && { document: editor.document, selection: editor.selection, visible: editor.visibleRanges[0], column: editor.viewColumn };
  const openBefore = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')));

  const pick = (talk: OutlineTalk): TalkPick => ({
    label: talk.node.label,
    description: talk.node.description || undefined,
    detail: [talk.event, talk.day, talk.session, fileLabel(talk.node.target!.uri)].filter(Boolean).join(' · '),
    talk,
  });
  const byKey = new Map(talks.map((t) => [recentKey(t), t]));
  const recentTalks = recent.keys().map((k) => byKey.get(k)).filter((t): t is OutlineTalk => t !== undefined);
  const activeUri = editor && client.code2ProtocolConverter.asUri(editor.document.uri);
  const here = talks.filter((t) => t.node.target!.uri === activeUri && !recentTalks.includes(t));
  const rest = talks.filter((t) => t.node.target!.uri !== activeUri && !recentTalks.includes(t));
  const separator = (label: string): TalkPick => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: TalkPick[] = [
    ...(recentTalks.length > 0 ? [separator('recently picked'), ...recentTalks.map(pick)] : []),
    ...(here.length > 0 ? [separator('this file'), ...here.map(pick)] : []),
    ...(rest.length > 0 ? [separator(here.length > 0 ? 'other files' : 'workspace'), ...rest.map(pick)] : []),
  ];

  const quickPick = vscode.window.createQuickPick<TalkPick>();
  quickPick.items = items;
  quickPick.placeholder = 'Go to talk: type part of a title, speaker, event, day or session';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // Recently picked first, as listed, also while filtering.
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;

  let accepted = false;
  let previewed: vscode.TextEditor | undefined;
  let previewRun = 0;
  const preview = async (talk: OutlineTalk) => {
    const run = ++previewRun;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(talk.node.target!.uri));
    const line = await currentLine(client, document, 'talk', talk.node.target!);
    if (run !== previewRun || accepted) return;
    const range = document.lineAt(Math.min(line, document.lineCount - 1)).range;
    const shown = await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, viewColumn: before?.column });
    previewed?.setDecorations(previewDecoration, []);
    shown.setDecorations(previewDecoration, [range]);
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    previewed = shown;
  };
  // The first item is active when the list opens: the editor moves only once the user does.
  const first = items.find((i) => i.talk);
  let opened = false;
  quickPick.onDidChangeValue(() => (opened = true));
  quickPick.onDidChangeActive(([active]) => {
    if (!opened && active === first) return void (opened = true);
    opened = true;
    if (active?.talk) void preview(active.talk);
  });
  quickPick.onDidAccept(async () => {
    const chosen = (quickPick.selectedItems[0] ?? quickPick.activeItems[0])?.talk;
    if (!chosen) return;
    accepted = true;
    quickPick.hide();
    previewed?.setDecorations(previewDecoration, []);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(chosen.node.target!.uri));
    const line = Math.min(await currentLine(client, document, 'talk', chosen.node.target!), document.lineCount - 1);
    const start = new vscode.Position(line, 0);
    const shown = await vscode.window.showTextDocument(document, { preview: false, viewColumn: before?.column, selection: new vscode.Range(start, start) });
    shown.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
    await recent.picked(chosen);
  });
  quickPick.onDidHide(async () => {
    quickPick.dispose();
    if (accepted) return;
    previewRun++;
    previewed?.setDecorations(previewDecoration, []);
    // Escape: close what only the preview opened, and go back to where the user was.
    const previewTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.isPreview && t.input instanceof vscode.TabInputText && !openBefore.has(t.input.uri.toString()));
    if (previewTabs.length > 0) await vscode.window.tabGroups.close(previewTabs, true);
    if (before) {
      const restored = await vscode.window.showTextDocument(before.document, { viewColumn: before.column, selection: before.selection });
      if (before.visible) restored.revealRange(before.visible, vscode.TextEditorRevealType.AtTop);
    }
  });
  quickPick.show();
}

export async function moveToAdjacent(client: LanguageClient, editor: vscode.TextEditor, direction: 'next' | 'previous', unit: 'talk' | 'session'): Promise<void> {
  const range = await client.sendRequest(AdjacentTalkRequest, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    direction,
    unit,
  });
  if (!range) {
    vscode.window.setStatusBarMessage(`No ${unit} ${direction === 'next' ? 'after' : 'before'} this one`, 2000);
    return;
  }
  const start = client.protocol2CodeConverter.asPosition(range.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
