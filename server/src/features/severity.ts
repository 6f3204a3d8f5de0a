/** A severity setting (`confnotes.links.severity`) as the protocol's DiagnosticSeverity. */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { SeverityName } from '../settings';

const SEVERITY: Record<Exclude<SeverityName, 'ignore'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export function diagnosticSeverity(name: Exclude<SeverityName, 'ignore'>): DiagnosticSeverity {
  return SEVERITY[name] ?? DiagnosticSeverity.Warning;
}
