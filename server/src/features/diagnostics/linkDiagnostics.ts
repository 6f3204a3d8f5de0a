/** Offline link problems as diagnostics, each with a stable `code` and its fixes in `data`. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { diagnosticSeverity } from './severity';
import type { Link, NotesDocument } from '../../parser/model';
import type { SeverityName } from './severity';
import { toRange } from '../ranges';

export interface LinkDiagnosticOptions {
  readonly enabled: boolean;
  readonly severity: Readonly<Record<string, SeverityName>>;
  readonly isIgnored: (link: Link) => boolean;
}

/** What a code action needs to fix the diagnostic without re-parsing. */
export interface LinkDiagnosticData {
  readonly text: string;
  readonly fixes: readonly string[];
}

/** Is this link's problem reported under these options? */
export function isReported(link: Link, options: LinkDiagnosticOptions): boolean {
  return options.enabled && link.problem !== null && options.severity[link.problem.code] !== 'ignore' && !options.isIgnored(link);
}

/** The links whose problem is reported under these options. */
export function reportedLinks(doc: NotesDocument, options: LinkDiagnosticOptions): Link[] {
  return options.enabled ? doc.links.filter((l) => isReported(l, options)) : [];
}

/**
 * The diagnostics of reported links; past `limit`, one note says how many more there are.
 * (VS Code shows at most 1000 per file, and a pasted list of 500,000 broken links would make
 * a message of 100 MB.)
 */
export function linkDiagnostics(doc: NotesDocument, options: LinkDiagnosticOptions, limit = Infinity): Diagnostic[] {
  const reported = reportedLinks(doc, options);
  const shown = reported.slice(0, limit).map((link) => linkDiagnostic(doc, link, options));
  if (reported.length > limit) {
    const more = reported.length - limit;
    shown.push({
      range: toRange(doc, reported[limit].span),
      severity: DiagnosticSeverity.Information,
      code: 'too-many-problems',
      source: 'confnotes',
      message: `${more} more link problem${more === 1 ? ' is' : 's are'} not shown from here on (at most ${limit} per file); \`confnotes check\` lists them all`,
    });
  }
  return shown;
}

/** The diagnostic of one reported link. */
export function linkDiagnostic(doc: NotesDocument, link: Link, options: LinkDiagnosticOptions): Diagnostic {
  const problem = link.problem!;
  const data: LinkDiagnosticData = { text: link.text, fixes: problem.fixes };
  return {
    range: toRange(doc, link.span),
    severity: diagnosticSeverity(options.severity[problem.code] as Exclude<SeverityName, 'ignore'>),
    code: problem.code,
    source: 'confnotes',
    message: problem.message,
    data,
  };
}
