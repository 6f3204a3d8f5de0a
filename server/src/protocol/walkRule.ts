/**
 * The names a walk of a workspace folder never enters or reads, wherever the walk runs: the
 * server's on disk (io/diskFiles.ts) and the client's through its file system (client/src/walkFolder.ts).
 * Hidden ones (`.git`, `.vscode`, `.cache`…) and installed packages.
 */
export function isWalked(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}
