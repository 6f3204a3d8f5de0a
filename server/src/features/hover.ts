/** Hover on a link: where it goes and, if it is flagged, why. */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { isReported, type LinkDiagnosticOptions } from './linkDiagnostics';
import { spanContains, toRange } from './ranges';

export function hover(doc: NotesDocument, offset: number, options: LinkDiagnosticOptions): Hover | null {
  const link = doc.links.find((l) => spanContains(l.span, offset));
  if (!link) return null;
  const lines = [link.target ? `**Link** → ${escape(link.target)}` : `**Link** \`${link.text.replace(/`/g, "'")}\` cannot be opened`];
  if (link.form === 'site') lines[0] += ' (suggested: the text names no domain)';
  if (link.problem && isReported(link, options)) {
    lines.push(`$(warning) ${escape(link.problem.message)} (\`${link.problem.code}\`)`);
    if (link.problem.fixes.length > 0) lines.push(`Quick fix: ${link.problem.fixes.map(escape).join(' or ')}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: toRange(doc, link.span) };
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => '\\' + c);
}
