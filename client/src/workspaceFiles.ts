/**
 * The workspace's notes files served to the server where it cannot read them itself (a virtual
 * workspace: Remote Repositories, any FileSystemProvider; every folder in a browser): listed by
 * walking workspace.fs (walkFolder.ts), read with workspace.fs. The server applies its globs, walk
 * rule and decoder to the answers.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64, ListFilesRequest, ReadFileRequest, type ListFilesResult, type ReadFileResult } from '../../server/src/protocol/requests';
import { walkFolder, type EntryKind } from './walkFolder';

function kindOf(type: vscode.FileType): EntryKind {
  if (type & vscode.FileType.SymbolicLink) return 'link';
  return type & vscode.FileType.Directory ? 'folder' : type & vscode.FileType.File ? 'file' : 'other';
}

async function entries(dir: vscode.Uri): Promise<Array<[string, EntryKind]>> {
  return (await vscode.workspace.fs.readDirectory(dir)).map(([name, type]) => [name, kindOf(type)]);
}

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(ListFilesRequest, async ({ folder }): Promise<ListFilesResult> => {
      const files = await walkFolder(vscode.Uri.parse(folder), entries, (dir, name) => vscode.Uri.joinPath(dir, name));
      return { files: files.map((uri) => uri.toString()) };
    }),
    client.onRequest(ReadFileRequest, async ({ uri, largest }): Promise<ReadFileResult> => {
      const file = vscode.Uri.parse(uri);
      try {
        const stat = await vscode.workspace.fs.stat(file);
        if (stat.type & vscode.FileType.Directory) return { error: 'is a folder' };
        if (largest !== undefined && stat.size > largest) return { error: `larger than ${Math.round(largest / 1024 / 1024)} MB` };
        return { base64: bytesToBase64(await vscode.workspace.fs.readFile(file)) };
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { gone: true };
        return { error: e instanceof Error ? e.message : String(e) };
      }
    }),
  ];
}
