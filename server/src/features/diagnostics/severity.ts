/** A severity setting (`confnotes.links.severity`) as the protocol's DiagnosticSeverity. */
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type SeverityName = 'ignore' | 'hint' | 'information' | 'warning' | 'error';

/** Codes of diagnostics on `[[references]]` (features/referenceDiagnostics.ts). */
export type ReferenceProblemCode = 'unresolved-reference' | 'ambiguous-reference';

/** Codes of what checking links online found (features/onlineDiagnostics.ts). */
export type OnlineProblemCode = 'dead-link' | 'redirected-link' | 'unverified-link' | 'https-available';

const SEVERITY: Record<Exclude<SeverityName, 'ignore'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export function diagnosticSeverity(name: Exclude<SeverityName, 'ignore'>): DiagnosticSeverity {
  return SEVERITY[name] ?? DiagnosticSeverity.Warning;
}
