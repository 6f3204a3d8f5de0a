/**
 * Notes as HTML: one valid document (or a fragment to paste into a blog editor) with the same
 * structure as the Markdown export — headings, nested `<ul>`, `<p>`, links — and every piece of
 * text escaped.
 */
import type { NotesDocument } from '../../parser/model';
import { headingsOf, referenceHref, type ExportOptions } from './exportHeadings';
import { exportNotes, type ExportDocument, type Inline, type ListItem } from './exportNotes';

export interface HtmlOptions extends ExportOptions {
  /** Only the body's content, no `<!doctype>`, `<head>` or `<body>`. */
  readonly fragment?: boolean;
}

/** Readable as it is, and easily overridden by a blog's own stylesheet. */
const STYLE = 'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48em;margin:2em auto;padding:0 1em}h1,h2,h3,h4,h5,h6{line-height:1.25}ul{padding-left:1.5em}';

export function exportHtml(doc: NotesDocument, options: HtmlOptions = {}, exported: ExportDocument = exportNotes(doc)): string {
  const out: string[] = [];
  const headings = headingsOf(exported, options);
  if (options.title) out.push(`<h${headings.titleLevel}>${escapeHtml(options.title)}</h${headings.titleLevel}>`);
  if (options.tableOfContents) {
    const entries = headings.entries.filter((h) => h.block.kind === 'talk');
    if (entries.length > 0) out.push(`<nav><ul>\n${entries.map((h) => `<li><a href="#${escapeAttribute(h.anchor)}">${escapeHtml(h.text)}</a></li>`).join('\n')}\n</ul></nav>`);
  }
  exported.blocks.forEach((block, i) => {
    const heading = headings.byBlock.get(i);
    if (heading) {
      const id = heading.anchor ? ` id="${escapeAttribute(heading.anchor)}"` : '';
      out.push(`<h${heading.level}${id}>${inlines(heading.inlines, options)}</h${heading.level}>`);
    } else if (block.kind === 'list') out.push(list(block.items, options));
    else if (block.kind === 'paragraph') out.push(`<p>${inlines(block.inlines, options)}</p>`);
  });
  const body = out.join('\n') + '\n';
  if (options.fragment) return body;
  const title = escapeHtml(options.title ?? firstHeading(exported) ?? 'Conference notes');
  return `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}</body>\n</html>\n`;
}

function firstHeading(doc: ExportDocument): string | undefined {
  const first = doc.blocks.find((b) => b.kind === 'day' || b.kind === 'session' || b.kind === 'talk');
  if (!first) return undefined;
  if (first.kind === 'day') return `${first.event} – ${first.day}`;
  if (first.kind === 'session') return first.header;
  return first.kind === 'talk' ? first.title : undefined;
}

function list(items: readonly ListItem[], options: ExportOptions): string {
  return `<ul>\n${items.map((item) => `<li>${inlines(item.inlines, options)}${item.children.length > 0 ? '\n' + list(item.children, options) : ''}</li>`).join('\n')}\n</ul>`;
}

function inlines(runs: readonly Inline[], options: ExportOptions): string {
  return runs
    .map((run) => {
      if (run.kind === 'text') return run.text === '\n' ? '<br>\n' : escapeHtml(run.text);
      const href = run.kind === 'link' ? run.href : referenceHref(run, options);
      return `<a href="${escapeAttribute(href)}">${escapeHtml(run.text)}</a>`;
    })
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
