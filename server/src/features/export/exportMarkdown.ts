/**
 * Notes as CommonMark, for a blog: a day heading above its sessions (when the file has several
 * days), sessions, talks with their speaker, sections, nested lists, paragraphs; links to the
 * URL they open; `[[references]]` to the talk's anchor. Text is escaped so that nothing the user
 * wrote is read as Markdown syntax.
 */
import { exportNotes, type ExportDocument, type Inline, type ListItem } from './exportNotes';
import { headingsOf, type ExportOptions, referenceHref } from './exportHeadings';
import type { NotesDocument } from '../../parser/model';

export function exportMarkdown(doc: NotesDocument, options: ExportOptions = {}, exported: ExportDocument = exportNotes(doc)): string {
  const out: string[] = [];
  const headings = headingsOf(exported, options);
  if (options.title) out.push(`${'#'.repeat(headings.titleLevel)} ${escapeHeading(options.title)}`);
  if (options.tableOfContents) {
    const entries = headings.entries.filter((h) => h.block.kind === 'talk');
    if (entries.length > 0) out.push(entries.map((h) => `- [${escapeText(h.text)}](#${h.anchor})`).join('\n'));
  }
  for (const [i, block] of exported.blocks.entries()) {
    const heading = headings.byBlock.get(i);
    if (heading) {
      // An explicit anchor: renderers make heading ids differently, references must land.
      out.push(`${'#'.repeat(heading.level)} ${headingText(heading.inlines, options)}${block.kind === 'talk' ? ` <a id="${heading.anchor}"></a>` : ''}`);
    } else if (block.kind === 'list') out.push(list(block.items, 0, options));
    else if (block.kind === 'paragraph') out.push(lines(block.inlines, options, '', true));
  }
  return out.join('\n\n') + '\n';
}

function list(items: readonly ListItem[], depth: number, options: ExportOptions): string {
  const indent = '  '.repeat(depth);
  return items
    .map((item) => {
      const text = lines(item.inlines, options, indent + '  ', false);
      const children = item.children.length > 0 ? '\n' + list(item.children, depth + 1, options) : '';
      return `${indent}- ${text || ' '}${children}`;
    })
    .join('\n');
}

/** Inline runs as Markdown; a line break inside becomes a hard break, the next line indented by `indent`. */
function lines(inlines: readonly Inline[], options: ExportOptions, indent: string, paragraph: boolean): string {
  let out = '';
  let lineStart = true;
  for (const run of inlines) {
    if (run.kind === 'text' && run.text === '\n') {
      out += '\\\n' + indent;
      lineStart = true;
      continue;
    }
    let piece: string;
    if (run.kind === 'text') piece = escapeText(run.text, lineStart || paragraph ? lineStart : false);
    else if (run.kind === 'link') piece = `[${escapeText(run.text)}](${destination(run.href)})`;
    else piece = `[${escapeText(run.text)}](${destination(referenceHref(run, options))})`;
    out += piece;
    lineStart = false;
  }
  return out;
}

/** A link destination: in angle brackets when it holds spaces or brackets. */
function destination(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : href.replace(/[\\]/g, '%5C');
}

/** A heading's runs as Markdown on one line: `#` escaped too (a closing `#` would be dropped). */
function headingText(inlines: readonly Inline[], options: ExportOptions): string {
  return inlines
    .map((run) => (run.kind === 'text' ? escapeHeading(run.text) : `[${escapeHeading(run.text)}](${destination(run.kind === 'link' ? run.href : referenceHref(run, options))})`))
    .join('');
}

/** A heading's text: `#` escaped too (a closing `#` would be dropped). */
function escapeHeading(text: string): string {
  return escapeText(text).replace(/#/g, '\\#');
}

/**
 * Text with Markdown's syntax characters escaped: everywhere `\`, `` ` ``, `*`, `_`, `[`, `]`,
 * `<`, `>`, `&`, `|`, `~`, `!` before `[` or at the end; at the start of a line also what starts a block
 * (`#`, `-`, `+`, `=`, a number followed by `.` or `)`).
 */
export function escapeText(text: string, atLineStart = false): string {
  // `!` before `[` (or at the end of a run, where a link may follow) would make an image.
  let escaped = text.replace(/[\\`*_[\]<>&|~]|!(?=\[|$)/g, (c) => '\\' + c);
  if (atLineStart) {
    escaped = escaped.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  }
  // A run of spaces at the start would be an indented code block.
  return atLineStart ? escaped.replace(/^\s+/, '') : escaped;
}
