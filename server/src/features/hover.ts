/**
 * Hover on a link: where it goes and, if it is flagged, why. On a `[[reference]]`: the talk's
 * speaker, session, file and first bullets (or why it names none).
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { fileName, sessionName, type Target, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { isReported, type LinkDiagnosticOptions } from './linkDiagnostics';
import { spanContains, toRange } from './ranges';
import { referenceProblem } from './referenceDiagnostics';
import { referenceAt } from './targets';

export function hover(doc: NotesDocument, offset: number, options: LinkDiagnosticOptions, index: WorkspaceIndex | null = null): Hover | null {
  const reference = index ? referenceAt(doc, offset) : null;
  if (reference) {
    const resolution = index!.resolve(reference);
    const value =
      resolution.kind === 'resolved'
        ? describe(resolution.target)
        : resolution.kind === 'ambiguous'
          ? [`${escape(referenceProblem(reference, index!)!.message)}`, ...resolution.candidates.map((c) => `- ${describe(c).split('\n\n')[0]}`)].join('\n\n')
          : `$(warning) ${escape(referenceProblem(reference, index!)!.message)}`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, reference.span) };
  }
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

function describe(target: Target): string {
  const where = `${fileName(target.uri)}, line ${target.selectionRange.start.line + 1}`;
  if (target.kind === 'session') return [`**${escape(sessionName(target))}**`, `${target.talkCount} talk${target.talkCount === 1 ? '' : 's'} · ${escape(where)}`].join('\n\n');
  const lines = [`**${escape(target.title)}**${target.speaker ? ` — ${escape(target.speaker)}` : ''}`];
  lines.push([target.event, target.day, target.session, where].filter(Boolean).map((p) => escape(p!)).join(' · '));
  if (target.firstBullets.length > 0) lines.push(target.firstBullets.map((b) => `- ${escape(b)}`).join('\n'));
  return lines.join('\n\n');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => '\\' + c);
}
