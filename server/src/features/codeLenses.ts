/**
 * "N references" above every talk and session that other notes refer to. The command is the
 * client's (`confnotes.showReferences`): it turns the locations into the editor's own peek view.
 */
import type { CodeLens, Location } from 'vscode-languageserver-types';
import { headingRange, referenceRange } from '../workspace/fileSummary';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export const SHOW_REFERENCES_COMMAND = 'confnotes.showReferences';

export function codeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  const file = index.get(uri);
  if (!file) return [];
  const lenses: CodeLens[] = [];
  for (const target of [...file.sessions, ...file.talks]) {
    const references = index.referencesTo(target);
    if (references.length === 0) continue;
    const locations = references.map((r): Location => ({ uri: r.uri, range: referenceRange(r) }));
    const range = headingRange(target);
    lenses.push({
      range,
      command: {
        title: references.length === 1 ? '1 reference' : `${references.length} references`,
        command: SHOW_REFERENCES_COMMAND,
        arguments: [uri, range.start, locations],
      },
    });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
