/**
 * Every link that can be opened is clickable; bare hosts and `www.` open as https. A `[[reference]]`
 * that names one talk opens its file at the title line.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { toRange } from './ranges';

export function documentLinks(doc: NotesDocument, index: WorkspaceIndex | null = null): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const link of doc.links) {
    if (link.target === null) continue;
    links.push({
      range: toRange(doc, link.span),
      target: link.target,
      tooltip: link.form === 'site' ? `Open ${link.target} (the link names no domain; this is the likely one)` : `Open ${link.target}`,
    });
  }
  for (const reference of index ? doc.references : []) {
    const resolution = index!.resolve(reference);
    if (resolution.kind !== 'resolved') continue;
    const { target } = resolution;
    // `#L12` opens the file at line 12 in VS Code and the other editors that follow it.
    links.push({
      range: toRange(doc, reference.targetSpan),
      target: `${target.uri}#L${target.line + 1}`,
      tooltip: `Open ${target.heading} (${fileName(target.uri)}, line ${target.line + 1})`,
    });
  }
  return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
