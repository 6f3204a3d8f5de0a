/** Every link that can be opened is clickable; bare hosts and `www.` open as https. */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { toRange } from './ranges';

export function documentLinks(doc: NotesDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const link of doc.links) {
    if (link.target === null) continue;
    links.push({
      range: toRange(doc, link.span),
      target: link.target,
      tooltip: link.form === 'site' ? `Open ${link.target} (the link names no domain; this is the likely one)` : `Open ${link.target}`,
    });
  }
  return links;
}
