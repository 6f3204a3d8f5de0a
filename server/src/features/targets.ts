/** What a position in an open document points at across the workspace: a reference, or a title line. */
import type { Location } from 'vscode-languageserver-types';
import type { NotesDocument, Reference } from '../parser/model';
import { headingRange } from './ranges';
import type { Resolution, Target, WorkspaceIndex } from '../workspace/workspaceIndex';
import { spanContains } from './ranges';

export function referenceAt(doc: NotesDocument, offset: number): Reference | null {
  return doc.references.find((r) => spanContains(r.span, offset)) ?? null;
}

export type Pointed =
  /** On a `[[reference]]`. */
  | { readonly on: 'reference'; readonly reference: Reference; readonly resolution: Resolution }
  /** On the title line of a talk or the header of a session. */
  | { readonly on: 'title'; readonly target: Target };

export function pointedAt(doc: NotesDocument, index: WorkspaceIndex, uri: string, offset: number): Pointed | null {
  const reference = referenceAt(doc, offset);
  if (reference) return { on: 'reference', reference, resolution: index.resolve(reference) };
  const onTitle = doc.talks.some((t) => spanContains(t.lineSpan, offset)) || doc.sessions.some((s) => spanContains(s.headerSpan, offset));
  if (!onTitle) return null;
  const target = index.targetOnLine(uri, doc.lines.lineAt(offset));
  return target ? { on: 'title', target } : null;
}

/** The talk or session meant: the title under the cursor, or what a reference resolves to. */
export function targetOf(pointed: Pointed | null): Target | null {
  if (!pointed) return null;
  if (pointed.on === 'title') return pointed.target;
  return pointed.resolution.kind === 'resolved' ? pointed.resolution.target : null;
}

export function titleLocation(target: Target): Location {
  return { uri: target.uri, range: headingRange(target) };
}
