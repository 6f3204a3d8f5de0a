/**
 * References that name no talk (`unresolved-reference`, with the nearest titles as fixes) or
 * several (`ambiguous-reference`, with `file#Title` for each as fixes).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { NotesDocument, Reference } from '../../parser/model';
import type { ReferenceProblemCode, SeverityName } from './severity';
import { fileName, type WorkspaceIndex } from '../../workspace/workspaceIndex';
import { toRange } from '../ranges';
import { diagnosticSeverity } from './severity';

export interface ReferenceDiagnosticOptions {
  readonly severity: Readonly<Record<string, SeverityName>>;
}

/** Replacements for the reference's title part, best first. */
export interface ReferenceDiagnosticData {
  readonly fixes: readonly string[];
}

export function referenceDiagnostics(doc: NotesDocument, index: WorkspaceIndex, options: ReferenceDiagnosticOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const reference of doc.references) {
    const problem = referenceProblem(reference, index);
    const severity = problem && options.severity[problem.code];
    if (!problem || severity === 'ignore') continue;
    const data: ReferenceDiagnosticData = { fixes: problem.fixes };
    diagnostics.push({
      range: toRange(doc, reference.partSpan),
      severity: diagnosticSeverity(severity as Exclude<SeverityName, 'ignore'>),
      code: problem.code,
      source: 'confnotes',
      message: problem.message,
      data,
    });
  }
  return diagnostics;
}

export interface ReferenceProblem {
  readonly code: ReferenceProblemCode;
  readonly message: string;
  /** Replacements for the reference's file-and-title part (`partSpan`), best first. */
  readonly fixes: readonly string[];
}

export function referenceProblem(reference: Pick<Reference, 'target' | 'file'>, index: WorkspaceIndex): ReferenceProblem | null {
  const resolution = index.resolve(reference);
  if (resolution.kind === 'resolved') return null;
  if (resolution.kind === 'ambiguous') {
    const files = resolution.candidates.map((c) => fileName(c.uri));
    // Naming the file settles it only when the talks are in different files.
    const distinct = new Set(files).size === files.length && reference.file === null;
    const fixes = distinct ? files.map((f) => `${f}#${reference.target}`) : [];
    const advice = distinct ? `name the file: [[${fixes[0]}]]` : 'retitle one of them';
    return { code: 'ambiguous-reference', message: `"${reference.target}" is the title of ${resolution.candidates.length} talks (${files.join(', ')}); ${advice}`, fixes };
  }
  if (reference.file !== null) {
    // The title may be right and the file wrong.
    const elsewhere = index.resolve({ target: reference.target, file: null });
    // A suggested title that is in the named file keeps the file part: it may be in others too.
    const inFile = (title: string) => (index.resolve({ target: title, file: reference.file }).kind === 'resolved' ? `${reference.file}#${title}` : title);
    const fixes =
      elsewhere.kind === 'resolved' ? [reference.target]
      : elsewhere.kind === 'ambiguous' ? elsewhere.candidates.map((c) => `${fileName(c.uri)}#${reference.target}`)
      : elsewhere.suggestions.map(inFile);
    const hint = elsewhere.kind === 'unresolved' ? didYouMean(fixes) : `; it is in ${[...new Set(elsewhere.kind === 'resolved' ? [fileName(elsewhere.target.uri)] : elsewhere.candidates.map((c) => fileName(c.uri)))].join(', ')}`;
    return { code: 'unresolved-reference', message: `No talk or session is titled "${reference.target}" in ${reference.file}${hint}`, fixes };
  }
  return { code: 'unresolved-reference', message: `No talk or session is titled "${reference.target}" in the workspace${didYouMean(resolution.suggestions)}`, fixes: resolution.suggestions };
}

function didYouMean(titles: readonly string[]): string {
  return titles.length > 0 ? `; did you mean ${titles.map((s) => `"${s}"`).join(' or ')}?` : '';
}
