/**
 * What checking links online found, as diagnostics on the links: `dead-link` (a warning by
 * default), `redirected-link`, `unverified-link` (the site blocks automated checks) and
 * `https-available` (information). Verdicts are by URL, so a link shows its verdict wherever
 * it is, in any file, until the next check. A certain fix rides in `data.fixes`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Verdict, VerdictStatus } from '../../linkCheck/outcomes';
import type { Link, NotesDocument } from '../../parser/model';
import type { OnlineProblemCode, SeverityName } from './severity';
import { toRange } from '../ranges';
import { diagnosticSeverity } from './severity';

export interface OnlineDiagnosticOptions {
  readonly severity: Readonly<Record<OnlineProblemCode, SeverityName>>;
  /** `confnotes.links.ignore` silences these too. */
  readonly isIgnored: (link: Link) => boolean;
}

const CODES: Partial<Record<VerdictStatus, OnlineProblemCode>> = {
  dead: 'dead-link',
  redirected: 'redirected-link',
  unverified: 'unverified-link',
  'https-available': 'https-available',
};

const LEAD: Record<OnlineProblemCode, string> = {
  'dead-link': 'Dead link',
  'redirected-link': 'Moved',
  'unverified-link': 'Not verified',
  'https-available': 'Use https',
};

/** The problem a verdict is (its code and message, as the editor and the CLI say it), or null for a working or skipped link. */
export function onlineProblem(verdict: Verdict): { readonly code: OnlineProblemCode; readonly message: string } | null {
  const code = CODES[verdict.status];
  return code ? { code, message: `${LEAD[code]}: ${verdict.reason}` } : null;
}

export function onlineDiagnostics(doc: NotesDocument, verdicts: ReadonlyMap<string, Verdict>, options: OnlineDiagnosticOptions): Diagnostic[] {
  if (verdicts.size === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (const link of doc.links) {
    const verdict = link.target === null ? undefined : verdicts.get(link.target);
    const problem = verdict && onlineProblem(verdict);
    if (!problem || options.severity[problem.code] === 'ignore' || options.isIgnored(link)) continue;
    diagnostics.push({
      range: toRange(doc, link.span),
      severity: diagnosticSeverity(options.severity[problem.code] as Exclude<SeverityName, 'ignore'>),
      code: problem.code,
      source: 'confnotes',
      message: problem.message,
      data: { fixes: verdict!.fix ? [verdict!.fix] : [] },
    });
  }
  return diagnostics;
}
