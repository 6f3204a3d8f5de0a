/**
 * The workspace's notes files served to the server where it cannot read them itself (a virtual
 * workspace: Remote Repositories, any FileSystemProvider): listed with findFiles, read with
 * workspace.fs. The server applies its own walk rule and decoder to the answers.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64, ListFilesRequest, ReadFileRequest, type ListFilesResult, type ReadFileResult } from '../../server/src/protocol/requests';

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(ListFilesRequest, async ({ folder, globs }): Promise<ListFilesResult> => {
      const base = vscode.Uri.parse(folder);
      const found = new Set<string>();
      for (const glob of globs) for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob))) found.add(uri.toString());
      return { files: [...found] };
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
