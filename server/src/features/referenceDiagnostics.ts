/**
 * References that name no talk (`unresolved-reference`, with the nearest titles as fixes) or
 * several (`ambiguous-reference`, with `file#Title` for each as fixes).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { NotesDocument, Reference } from '../parser/model';
import type { ReferenceProblemCode, SeverityName } from '../settings';
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { toRange } from './ranges';

export interface ReferenceDiagnosticOptions {
  readonly severity: Readonly<Record<string, SeverityName>>;
}

/** Replacements for the reference's title part, best first. */
export interface ReferenceDiagnosticData {
  readonly fixes: readonly string[];
}

const SEVERITY: Record<Exclude<SeverityName, 'ignore'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export function referenceDiagnostics(doc: NotesDocument, index: WorkspaceIndex, options: ReferenceDiagnosticOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const reference of doc.references) {
    const problem = referenceProblem(reference, index);
    const severity = problem && options.severity[problem.code];
    if (!problem || severity === 'ignore') continue;
    const data: ReferenceDiagnosticData = { fixes: problem.fixes };
    diagnostics.push({
      range: toRange(doc, reference.targetSpan),
      severity: SEVERITY[severity as Exclude<SeverityName, 'ignore'>] ?? DiagnosticSeverity.Warning,
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
  readonly fixes: readonly string[];
}

export function referenceProblem(reference: Pick<Reference, 'target' | 'file'>, index: WorkspaceIndex): ReferenceProblem | null {
  const resolution = index.resolve(reference);
  const where = reference.file === null ? 'in the workspace' : `in ${reference.file}`;
  if (resolution.kind === 'unresolved') {
    const { suggestions } = resolution;
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
    return { code: 'unresolved-reference', message: `No talk or session is titled "${reference.target}" ${where}${hint}`, fixes: suggestions };
  }
  if (resolution.kind === 'ambiguous') {
    const files = resolution.candidates.map((c) => fileName(c.uri));
    const distinct = new Set(files).size === files.length && reference.file === null;
    const fixes = distinct ? files.map((f) => `${f}#${reference.target}`) : [];
    const advice = distinct ? `name the file: [[${files[0]}#${reference.target}]]` : 'retitle one of them';
    return { code: 'ambiguous-reference', message: `"${reference.target}" is the title of ${resolution.candidates.length} talks (${files.join(', ')}); ${advice}`, fixes };
  }
  return null;
}
