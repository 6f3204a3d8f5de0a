/**
 * Rename a talk, from its title or from a reference to it: the title and every reference in
 * the workspace change together (references keep their `file#` part and `|shown text`).
 */
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { fileName, targetName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { toRange } from './ranges';
import { pointedAt } from './targets';
import { referenceTitleRange, titleRange } from './ranges';
import type { TalkEntry } from '../workspace/fileSummary';

/** Why a rename cannot be done, for the user. */
export class RenameRefused extends Error {}

export interface RenameTarget {
  /** What is selected for typing over: the title, or the reference's title part. */
  readonly range: Range;
  readonly placeholder: string;
  readonly talk: TalkEntry;
}

export function renameTarget(doc: NotesDocument, index: WorkspaceIndex, uri: string, offset: number): RenameTarget {
  const pointed = pointedAt(doc, index, uri, offset);
  if (!pointed) throw new RenameRefused('Only a talk title or a [[reference]] to a talk can be renamed.');
  if (pointed.on === 'reference') {
    const { resolution, reference } = pointed;
    if (resolution.kind === 'unresolved') throw new RenameRefused(`No talk is titled "${reference.target}", so there is nothing to rename.`);
    if (resolution.kind === 'ambiguous') throw new RenameRefused(`"${reference.target}" is the title of ${resolution.candidates.length} talks; name the file first ([[file.notes#${reference.target}]]).`);
    if (resolution.target.kind !== 'talk') throw new RenameRefused('Sessions are renamed by editing their header; only talks are renamed everywhere.');
    return { range: toRange(doc, reference.targetSpan), placeholder: reference.target, talk: resolution.target };
  }
  if (pointed.target.kind !== 'talk') throw new RenameRefused('Sessions are renamed by editing their header; only talks are renamed everywhere.');
  return { range: titleRange(pointed.target), placeholder: pointed.target.title, talk: pointed.target };
}

export function rename(doc: NotesDocument, index: WorkspaceIndex, uri: string, offset: number, newName: string): WorkspaceEdit {
  const name = newName.trim();
  if (name === '' || /[[\]|#\r\n\u2028\u2029]/.test(name)) throw new RenameRefused('A talk title cannot be empty or contain [, ], |, # or a line break.');
  const { talk } = renameTarget(doc, index, uri, offset);
  const taken = index.resolve({ target: name, file: null });
  const others = taken.kind === 'resolved' ? [taken.target] : taken.kind === 'ambiguous' ? taken.candidates : [];
  const other = others.find((t) => t !== talk);
  if (other) throw new RenameRefused(`"${targetName(other)}" is already the title of a ${other.kind} in ${fileName(other.uri)}; references to either would become ambiguous.`);
  const changes: Record<string, TextEdit[]> = {};
  const edit = (at: string, range: Range) => (changes[at] ??= []).push({ range, newText: name });
  edit(talk.uri, titleRange(talk));
  for (const reference of index.referencesTo(talk)) edit(reference.uri, referenceTitleRange(reference));
  return { changes };
}
