/**
 * Quick fixes for reported link problems on the requested lines: replace the link
 * with each suggested fix, and (where the client can run it) "Ignore this link"; and for the
 * diagnostics the client sends back whose fixes ride in their data (references, online checks).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { lineReadingActions } from './lineReadings';
import { linkDiagnostic, reportedLinks, type LinkDiagnosticOptions } from './diagnostics/linkDiagnostics';
import { toRange } from './ranges';
import { IGNORE_LINK_COMMAND } from '../protocol/types';

export interface CodeActionOptions extends LinkDiagnosticOptions {
  /** The client has the `confnotes.ignoreLink` and `confnotes.markLine` commands (it can write settings; the server cannot). */
  readonly ignoreLinkCommand: boolean;
  /** `CodeActionContext.only`, when the client asked for certain kinds. */
  readonly only?: readonly string[];
}


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
  // Commands that write settings only where the client has them.
  const readings = options.ignoreLinkCommand && range.start.line === range.end.line ? lineReadingActions(doc, range.start.line) : [];
  return [...actions, ...fixesInData(uri, diagnostics), ...readings];
}

/** The title of a fix carried in a diagnostic's data, by code. */
const DATA_FIX_TITLES: Readonly<Record<string, (fix: string) => string>> = {
  'unresolved-reference': (fix) => `Change to [[${fix}]]`,
  'ambiguous-reference': (fix) => `Refer to ${fix}`,
  'redirected-link': (fix) => `Change to ${fix} (where it has moved)`,
  'https-available': (fix) => `Change to ${fix}`,
};

/**
 * Fixes of diagnostics the client sent back whose `data` carries them (so the answer does not
 * depend on an index or a check that may have moved on): replace the diagnostic's range.
 */
export function fixesInData(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const title = typeof diagnostic.code === 'string' ? DATA_FIX_TITLES[diagnostic.code] : undefined;
    if (diagnostic.source !== 'confnotes' || !title) continue;
    const fixes = (diagnostic.data as { fixes?: unknown } | undefined)?.fixes;
    if (!Array.isArray(fixes)) continue;
    for (const fix of fixes.filter((f): f is string => typeof f === 'string')) {
      actions.push({
        title: title(fix),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fixes.length === 1,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: fix }] } },
      });
    }
  }
  return actions;
}

/** A glob that matches exactly this text (what "Ignore this link" adds). */
export function literalGlob(text: string): string {
  return text.replace(/[\\*?[\]{}()!+@]/g, (c) => '\\' + c);
}
