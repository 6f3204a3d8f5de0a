/** `confnotes check`: reported link problems with 1-based lines and columns counted in characters (code points). */
import type { NotesDocument } from '../parser/model';
import { reportedLinks, type LinkDiagnosticOptions } from '../features/linkDiagnostics';

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
}

export function findings(file: string, doc: NotesDocument, options: LinkDiagnosticOptions): Finding[] {
  const where = (offset: number) => {
    const pos = doc.lines.positionAt(offset);
    const lineStart = doc.lines.lineStart(pos.line);
    return { line: pos.line + 1, column: codePoints(doc.text.slice(lineStart, offset)) + 1 };
  };
  return reportedLinks(doc, options).map((link) => {
    const start = where(link.span.start);
    const end = where(link.span.end);
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: options.severity[link.problem!.code],
      code: link.problem!.code,
      message: link.problem!.message,
      target: link.target,
    };
  });
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`;
}

function codePoints(text: string): number {
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
