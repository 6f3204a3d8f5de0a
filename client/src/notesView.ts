/**
 * The Conference Notes view in the Explorer: event → day → session → talk across the
 * workspace, one level at a time as the server gives it. Refreshed when the server says the
 * outline changed; follows the cursor (the talk or session under it is selected); a click
 * opens the talk or session.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { OutlineNode } from '../../server/src/protocol/requests';
import { OutlineChangedNotification, OutlineChildrenRequest, OutlinePathRequest, OverviewLinesRequest } from '../../server/src/protocol/requests';
import { fileLabel, reveal, type Place } from './outline';

export const VIEW_ID = 'confnotes.notesView';
export const OPEN_NODE_COMMAND = 'confnotes.openOutlineNode';
const HAS_NOTES = 'confnotes.workspaceHasNotes';
const ICONS: Record<OutlineNode['kind'], string> = { event: 'calendar', file: 'file', day: 'list-tree', session: 'symbol-namespace', talk: 'symbol-event', section: 'symbol-field' };
/** Cursor moves are followed this long after the last one. */
const FOLLOW_DELAY_MS = 150;

/** A node as the view holds it: one object per id for as long as the view lives (the tree knows nodes by identity). */
type ViewNode = { -readonly [K in keyof OutlineNode]: OutlineNode[K] };

class NotesTree implements vscode.TreeDataProvider<ViewNode> {
  private readonly byId = new Map<string, ViewNode>();
  private readonly parents = new Map<ViewNode, ViewNode>();
  private roots = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: BaseLanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  /** Whether the workspace has notes at all: the view shows only then. */
  async updateVisibility(): Promise<void> {
    const roots = await this.client.sendRequest(OutlineChildrenRequest, { parent: null });
    void vscode.commands.executeCommand('setContext', HAS_NOTES, roots.length > 0);
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    const children = await this.client.sendRequest(OutlineChildrenRequest, { parent: node?.id ?? null });
    if (!node) this.roots = children.length;
    return children.map((c) => this.keep(c, node));
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    // One event opens by itself; with several, the list of events is the overview.
    const open = node.kind === 'event' && this.roots === 1;
    const state = !node.hasChildren ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
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

  /** The view's node for a talk or session of a file, with its ancestors known (for reveal). */
  async nodeFor(uri: string, kind: 'talk' | 'session', ordinal: number): Promise<ViewNode | undefined> {
    const known = this.byId.get(`${kind === 'talk' ? 't' : 's'}\t${uri}\t${ordinal}`);
    if (known) return known;
    let parent: ViewNode | undefined;
    for (const node of await this.client.sendRequest(OutlinePathRequest, { uri, kind, ordinal })) parent = this.keep(node, parent);
    return parent;
  }

  private keep(data: OutlineNode, parent: ViewNode | undefined): ViewNode {
    let node = this.byId.get(data.id);
    if (node) Object.assign(node, data);
    else this.byId.set(data.id, (node = { ...data }));
    if (parent) this.parents.set(node, parent);
    return node;
  }
}

export function registerNotesView(client: BaseLanguageClient): vscode.Disposable {
  const tree = new NotesTree(client);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const outlineChanged = () => {
    tree.refresh();
    tree.updateVisibility().catch((e) => client.warn(`Conference Notes view: ${e}`));
  };

  let followRun = 0;
  /** Selects the talk (or session header) the cursor is in. */
  const follow = async (editor: vscode.TextEditor | undefined) => {
    if (!view.visible || !editor || editor.document.languageId !== 'confnotes') return;
    const run = ++followRun;
    const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    const lines = await client.sendRequest(OverviewLinesRequest, { textDocument: { uri } });
    const cursor = editor.selection.active.line;
    const talk = lastAtOrBefore(lines.talks, cursor);
    const session = lastAtOrBefore(lines.sessions, cursor);
    const onTalk = talk >= 0 && (session < 0 || lines.talks[talk] > lines.sessions[session]);
    if (!onTalk && session < 0) return;
    const node = await tree.nodeFor(uri, onTalk ? 'talk' : 'session', onTalk ? talk : session);
    if (run !== followRun || !node || view.selection[0] === node) return;
    await view.reveal(node, { select: true, focus: false, expand: false });
  };

  let timer: NodeJS.Timeout | undefined;
  const followSoon = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    timer = setTimeout(() => void follow(editor).catch((e) => client.warn(`Conference Notes view: ${e}`)), FOLLOW_DELAY_MS);
  };

  client.onNotification(OutlineChangedNotification, outlineChanged);
  outlineChanged();
  return vscode.Disposable.from(
    view,
    vscode.commands.registerCommand(OPEN_NODE_COMMAND, (node: OutlineNode) =>
      node.target && node.kind !== 'event' && node.kind !== 'day' && node.kind !== 'file' ? reveal(client, placeOfNode(node)) : undefined,
    ),
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


/** Where a node of the view is: a session, a talk, or a section (by its talk and the lines below its title). */
function placeOfNode(node: OutlineNode): Place {
  const target = node.target!;
  if (node.kind === 'session') return { ...target, kind: 'session' };
  if (node.kind === 'talk') return { ...target, kind: 'talk', title: node.label };
  return { uri: target.uri, kind: 'talk', ordinal: target.ordinal, line: target.line - (target.offset ?? 0), offset: target.offset };
}
