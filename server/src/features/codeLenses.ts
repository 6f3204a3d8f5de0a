/**
 * "N references" above every talk and session that other notes refer to. The command is the
 * client's (`confnotes.showReferences`): it turns the locations into the editor's own peek view.
 *
 * The index tells who refers to what; the document, as it is now, tells where its titles are:
 * the index may hold an older summary of an open document whose names are the same (its
 * talks and sessions, in the same order, at lines that have since moved).
 */
import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { referenceRange } from './ranges';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { toRange } from './ranges';
import { SHOW_REFERENCES_COMMAND } from '../protocol/types';


export function codeLenses(doc: NotesDocument, index: WorkspaceIndex, uri: string): CodeLens[] {
  const file = index.get(uri);
  if (!file) return [];
  const lenses: CodeLens[] = [];
  for (const target of [...file.sessions, ...file.talks]) {
    const references = index.referencesTo(target);
    if (references.length === 0) continue;
    const heading = target.kind === 'talk' ? doc.talks[target.ordinal]?.lineSpan : doc.sessions[target.ordinal]?.headerSpan;
    if (!heading) continue;
    const range = toRange(doc, heading);
    const locations = references.map((r): Location => ({ uri: r.uri, range: referenceRange(r) }));
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
