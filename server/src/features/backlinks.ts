/** Find All References on a talk title, a session header or a `[[reference]]`: every reference to that talk. */
import type { Location } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { referenceRange } from './ranges';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { pointedAt, targetOf, titleLocation } from './targets';

export function backlinks(doc: NotesDocument, index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const target = targetOf(pointedAt(doc, index, uri, offset));
  if (!target) return [];
  const references = index.referencesTo(target).map((r): Location => ({ uri: r.uri, range: referenceRange(r) }));
  return includeDeclaration ? [titleLocation(target), ...references] : references;
}
