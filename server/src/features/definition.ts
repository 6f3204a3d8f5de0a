/** Go to Definition on a `[[reference]]`: the talk or session it names (every candidate when ambiguous). */
import type { Location } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { referenceAt, titleLocation } from './targets';

export function definition(doc: NotesDocument, index: WorkspaceIndex, offset: number): Location[] {
  const reference = referenceAt(doc, offset);
  if (!reference) return [];
  const resolution = index.resolve(reference);
  if (resolution.kind === 'resolved') return [titleLocation(resolution.target)];
  if (resolution.kind === 'ambiguous') return resolution.candidates.map(titleLocation);
  return [];
}
