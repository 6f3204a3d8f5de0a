/**
 * Go to Symbol in Workspace: talks (named by their title line, speaker included) and sessions,
 * matched fuzzily on title, speaker, event, day and session, best first.
 */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { headingRange } from './ranges';
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';

const SYMBOLS = 500;

export function workspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbol[] {
  return index.search(query, SYMBOLS).map((target) => ({
    name: target.heading,
    kind: target.kind === 'talk' ? SymbolKind.Event : SymbolKind.Module,
    location: { uri: target.uri, range: headingRange(target) },
    containerName: [target.event, target.day, target.kind === 'talk' ? target.session : null, fileName(target.uri)].filter(Boolean).join(' · '),
  }));
}
