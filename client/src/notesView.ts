/**
 * The Conference Notes view in the Explorer: event → day → session → talk across the
 * workspace, as the server's outline. Refreshed when the server says the outline changed;
 * follows the cursor (the talk or session under it is selected); a click opens the talk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OutlineChangedNotification, OverviewLinesRequest } from '../../server/src/protocol';
import { fetchOutline, fileLabel, revealNode, type OutlineNode } from './outline';

export const VIEW_ID = 'confnotes.notesView';
export const OPEN_NODE_COMMAND = 'confnotes.openOutlineNode';
const HAS_NOTES = 'confnotes.workspaceHasNotes';
const ICONS: Record<OutlineNode['kind'], string> = { event: 'calendar', file: 'file', day: 'list-tree', session: 'symbol-namespace', talk: 'symbol-event' };
/** Cursor moves are followed this long after the last one. */
const FOLLOW_DELAY_MS = 150;

class NotesTree implements vscode.TreeDataProvider<OutlineNode> {
  private roots: OutlineNode[] = [];
  private readonly parents = new Map<OutlineNode, OutlineNode>();
  private readonly byId = new Map<string, OutlineNode>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  async refresh(): Promise<void> {
    this.roots = await fetchOutline(this.client);
    this.parents.clear();
    this.byId.clear();
    const index = (nodes: readonly OutlineNode[], parent?: OutlineNode) => {
      for (const node of nodes) {
        this.byId.set(node.id, node);
        if (parent) this.parents.set(node, parent);
        index(node.children, node);
      }
    };
    index(this.roots);
    void vscode.commands.executeCommand('setContext', HAS_NOTES, this.roots.length > 0);
    this.changed.fire();
  }

  node(id: string): OutlineNode | undefined {
    return this.byId.get(id);
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? [...node.children] : this.roots;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const leaf = node.children.length === 0;
    // One event opens by itself; with several, the list of events is the overview.
    const open = node.kind === 'event' && this.roots.length === 1;
    const item = new vscode.TreeItem(node.label, leaf ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = node.description || undefined;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
    item.contextValue = node.kind;
    if (node.target) {
      // No resourceUri: the file's problem count would colour every talk of it.
      item.tooltip = `${node.label}${node.kind === 'talk' && node.description ? ` — ${node.description}` : ''}\n${fileLabel(node.target.uri)}, line ${node.target.line + 1}`;
      item.command = { command: OPEN_NODE_COMMAND, title: 'Open', arguments: [node] };
    }
    return item;
  }
}

export function registerNotesView(client: LanguageClient): vscode.Disposable {
  const tree = new NotesTree(client);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const refresh = () => tree.refresh().then(() => follow(vscode.window.activeTextEditor), (e) => client.warn(`Conference Notes view: ${e}`));

  let followRun = 0;
  /** Selects the talk (or session header) the cursor is in. */
  const follow = async (editor: vscode.TextEditor | undefined) => {
    if (!view.visible || !editor || editor.document.languageId !== 'confnotes') return;
    const run = ++followRun;
    const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    const lines = await client.sendRequest(OverviewLinesRequest, { textDocument: { uri } });
    if (run !== followRun) return;
    const cursor = editor.selection.active.line;
    const talk = lastAtOrBefore(lines.talks, cursor);
    const session = lastAtOrBefore(lines.sessions, cursor);
    const node =
      talk >= 0 && (session < 0 || lines.talks[talk] > lines.sessions[session]) ? tree.node(`t ${uri} ${talk}`) : session >= 0 ? tree.node(`s ${uri} ${session}`) : undefined;
    if (node && view.selection[0] !== node) await view.reveal(node, { select: true, focus: false, expand: false });
  };

  let timer: NodeJS.Timeout | undefined;
  const followSoon = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    timer = setTimeout(() => void follow(editor), FOLLOW_DELAY_MS);
  };

  void client.onNotification(OutlineChangedNotification, () => void refresh());
  void refresh();
  return vscode.Disposable.from(
    view,
    vscode.commands.registerCommand(OPEN_NODE_COMMAND, (node: OutlineNode) => revealNode(client, node)),
    vscode.window.onDidChangeTextEditorSelection((e) => followSoon(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((editor) => followSoon(editor)),
    view.onDidChangeVisibility(() => followSoon(vscode.window.activeTextEditor)),
    { dispose: () => clearTimeout(timer) },
  );
}

/** The index of the last line at or before `line` in a sorted list, or -1. */
function lastAtOrBefore(lines: readonly number[], line: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
