/**
 * `confnotes check`: reported link problems, and `[[references]]` that name no talk or several
 * among the files checked, with 1-based lines and columns counted in characters (code points).
 */
import type { NotesDocument, Reference, Span } from '../parser/model';
import { reportedLinks, type LinkDiagnosticOptions } from '../features/diagnostics/linkDiagnostics';
import type { Verdict } from '../linkCheck/outcomes';
import { onlineProblem } from '../features/diagnostics/onlineDiagnostics';
import { referenceProblem } from '../features/diagnostics/referenceDiagnostics';
import type { SeverityName } from '../features/diagnostics/severity';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** The column just after the link. */
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  target: string | null;
  /** Online findings (`check --online`): the last HTTP status (null when none came), where redirects ended, and why. */
  status?: number | null;
  finalUrl?: string | null;
  reason?: string;
}

type Place = Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>;

function place(file: string, doc: NotesDocument, span: Span): Place {
  const where = (offset: number) => {
    const pos = doc.lines.positionAt(offset);
    const lineStart = doc.lines.lineStart(pos.line);
    return { line: pos.line + 1, column: codePoints(doc.text.slice(lineStart, offset)) + 1 };
  };
  const start = where(span.start);
  const end = where(span.end);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function findings(file: string, doc: NotesDocument, options: LinkDiagnosticOptions): Finding[] {
  return reportedLinks(doc, options).map((link) => ({
    ...place(file, doc, link.span),
    severity: options.severity[link.problem!.code],
    code: link.problem!.code,
    message: link.problem!.message,
    target: link.target,
  }));
}

/** A reference placed in its file, to be judged once every file checked is in the index. */
export interface PlacedReference {
  readonly place: Place;
  readonly reference: Pick<Reference, 'target' | 'file'>;
}

export function placedReferences(file: string, doc: NotesDocument): PlacedReference[] {
  return doc.references.map((r) => ({ place: place(file, doc, r.partSpan), reference: { target: r.target, file: r.file } }));
}

/** The references that name no talk or several among the indexed files, as the editor reports them. */
export function referenceFindings(placed: readonly PlacedReference[], index: WorkspaceIndex, severity: Readonly<Record<string, SeverityName>>): Finding[] {
  const found: Finding[] = [];
  for (const { place, reference } of placed) {
    const problem = referenceProblem(reference, index);
    if (!problem || severity[problem.code] === 'ignore') continue;
    found.push({ ...place, severity: severity[problem.code], code: problem.code, message: problem.message, target: null });
  }
  return found;
}

/** A link that can be checked online, placed in its file. */
export interface PlacedLink {
  readonly place: Place;
  readonly url: string;
}

/** The links to check online: those that open, and that `--ignore` does not silence. */
export function placedLinks(file: string, doc: NotesDocument, options: LinkDiagnosticOptions): PlacedLink[] {
  return doc.links.flatMap((l) => (l.target === null || options.isIgnored(l) ? [] : [{ place: place(file, doc, l.span), url: l.target }]));
}

/** What the online check found wrong with these links, as the editor reports it. */
export function onlineFindings(placed: readonly PlacedLink[], verdicts: ReadonlyMap<string, Verdict>, severity: Readonly<Record<string, SeverityName>>): Finding[] {
  const found: Finding[] = [];
  for (const { place, url } of placed) {
    const verdict = verdicts.get(url);
    const problem = verdict && onlineProblem(verdict);
    if (!problem || severity[problem.code] === 'ignore') continue;
    found.push({ ...place, severity: severity[problem.code], code: problem.code, message: problem.message, target: url, status: verdict!.httpStatus, finalUrl: verdict!.finalUrl, reason: verdict!.reason });
  }
  return found;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`;
}

export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
