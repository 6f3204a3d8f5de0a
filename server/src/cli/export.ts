/**
 * `confnotes export`: notes files as Markdown or HTML, for a blog. Pure: texts in, outputs and
 * notices out (commands/export.ts reads and writes the files).
 */
import * as path from 'node:path';
import { exportHtml } from '../features/export/exportHtml';
import { exportMarkdown } from '../features/export/exportMarkdown';
import { exportNotes } from '../features/export/exportNotes';
import type { ExportOptions } from '../features/export/exportHeadings';
import { parseNotes, type FormatOptions } from '../parser/parseNotes';

export type ExportFormat = 'markdown' | 'html';

export interface ExportRequest extends ExportOptions {
  readonly to: ExportFormat;
  readonly fragment?: boolean;
}

export interface Exported {
  readonly file: string;
  /** The name of the exported file: the notes file's name with `.md` or `.html`. */
  readonly name: string;
  readonly text: string;
  /** Links written as text (they cannot be opened as written): `file:line: …` for stderr. */
  readonly notices: readonly string[];
}

export const extensionOf = (to: ExportFormat) => (to === 'markdown' ? '.md' : '.html');

/** The exported name of a notes file: `2016/lca.notes` → `lca.md`. */
export function exportedName(file: string, to: ExportFormat): string {
  const base = path.basename(file);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) + extensionOf(to);
}

/** Exports each file; `[[other.notes#Title]]` links to `other.md#title` among the files exported. */
export function exportFiles(texts: ReadonlyMap<string, string>, request: ExportRequest, format: FormatOptions): Exported[] {
  const fileLink = (named: string) => exportedName(named, request.to);
  return [...texts].map(([file, text]) => {
    const doc = parseNotes(text, { format });
    const exported = exportNotes(doc);
    const options = { ...request, fileLink };
    const out = request.to === 'markdown' ? exportMarkdown(doc, options, exported) : exportHtml(doc, options, exported);
    const notices = exported.unlinked.map((u) => `${file}:${u.line + 1}: '${u.text}' exported as text, not a link: ${u.reason}`);
    return { file, name: exportedName(file, request.to), text: out, notices };
  });
}
