/**
 * Quick fixes for reported link problems on the requested lines: replace the link
 * with each suggested fix, and (where the client can run it) "Ignore this link"; and for the
 * reference problems the client sends back.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { literalGlob } from '../settings';
import { linkDiagnostic, reportedLinks, type LinkDiagnosticOptions } from './linkDiagnostics';
import { toRange } from './ranges';

export interface CodeActionOptions extends LinkDiagnosticOptions {
  /** The client has the `confnotes.ignoreLink` command (it can write settings; the server cannot). */
  readonly ignoreLinkCommand: boolean;
  /** `CodeActionContext.only`, when the client asked for certain kinds. */
  readonly only?: readonly string[];
}

export const IGNORE_LINK_COMMAND = 'confnotes.ignoreLink';

export function codeActions(doc: NotesDocument, uri: string, range: Range, options: CodeActionOptions, diagnostics: readonly Diagnostic[] = []): CodeAction[] {
  if (options.only && !options.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  // Whole lines, so Ctrl+. anywhere on a line with a flagged link offers its fixes.
  const start = doc.lines.lineStart(range.start.line);
  const end = doc.lines.lineEnd(range.end.line);
  const actions: CodeAction[] = [];
  for (const link of reportedLinks(doc, options)) {
    if (link.span.start > end || link.span.end < start) continue;
    const diagnostic = linkDiagnostic(doc, link, options);
    const fixes = link.problem!.fixes;
    for (const fix of fixes) {
      actions.push({
        title: `Change to ${fix}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fixes.length === 1,
        edit: { changes: { [uri]: [{ range: toRange(doc, link.span), newText: fix }] } },
      });
    }
    if (options.ignoreLinkCommand) {
      actions.push({
        title: `Ignore this link (add '${link.text}' to confnotes.links.ignore)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Ignore this link', command: IGNORE_LINK_COMMAND, arguments: [literalGlob(link.text)] },
      });
    }
  }
  return [...actions, ...referenceCodeActions(uri, diagnostics)];
}

const REFERENCE_CODES: readonly unknown[] = ['unresolved-reference', 'ambiguous-reference'];

/**
 * Fixes of reference diagnostics the client sent back (their `data` carries the fixes, so the
 * answer does not depend on an index that may have moved on): replace the reference's title part.
 */
export function referenceCodeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'confnotes' || !REFERENCE_CODES.includes(diagnostic.code)) continue;
    const fixes = (diagnostic.data as { fixes?: unknown } | undefined)?.fixes;
    if (!Array.isArray(fixes)) continue;
    for (const fix of fixes.filter((f): f is string => typeof f === 'string')) {
      actions.push({
        title: diagnostic.code === 'ambiguous-reference' ? `Refer to ${fix}` : `Change to [[${fix}]]`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fixes.length === 1,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: fix }] } },
      });
    }
  }
  return actions;
}
