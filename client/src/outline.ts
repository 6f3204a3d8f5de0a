/**
 * The workspace outline as the server gives it, and opening the talk or session a node names
 * where it is now (the server is asked again: lines move as the user types).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OverviewLinesRequest, WorkspaceOutlineRequest } from '../../server/src/protocol';
import type { OutlineNode, OutlineTarget } from '../../server/src/features/workspaceOutline';

export type { OutlineNode, OutlineTarget };

export function fetchOutline(client: LanguageClient): Promise<OutlineNode[]> {
  return client.sendRequest(WorkspaceOutlineRequest, null);
}

/** A file as the workbench names it: relative to its folder (and the folder named, in a multi-root workspace). */
export function fileLabel(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** A talk of the outline with the names of the nodes above it. */
export interface OutlineTalk {
  readonly node: OutlineNode;
  readonly event: string | null;
  readonly day: string | null;
  readonly session: string | null;
}

export function talksOf(outline: readonly OutlineNode[]): OutlineTalk[] {
  const talks: OutlineTalk[] = [];
  const walk = (nodes: readonly OutlineNode[], event: string | null, day: string | null, session: string | null) => {
    for (const node of nodes) {
      if (node.kind === 'talk') talks.push({ node, event, day, session });
      else if (node.kind === 'event') walk(node.children, node.label, null, null);
      else if (node.kind === 'day') walk(node.children, event, node.label, null);
      else if (node.kind === 'session') walk(node.children, event, day, node.label);
      else walk(node.children, null, null, null);
    }
  };
  walk(outline, null, null, null);
  return talks;
}

/** The line of the n-th talk (or session) of a document, as the document is now. */
export async function currentLine(client: LanguageClient, document: vscode.TextDocument, kind: 'talk' | 'session', target: OutlineTarget): Promise<number> {
  const lines = await client.sendRequest(OverviewLinesRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
  return (kind === 'talk' ? lines.talks : lines.sessions)[target.ordinal] ?? target.line;
}

/** Opens the node's file with its title line at the top and the cursor on it. */
export async function revealNode(client: LanguageClient, node: OutlineNode, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor | undefined> {
  if (!node.target || (node.kind !== 'talk' && node.kind !== 'session')) return undefined;
  const document = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(node.target.uri));
  const line = await currentLine(client, document, node.kind, node.target);
  const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
  const editor = await vscode.window.showTextDocument(document, { ...options, selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}
