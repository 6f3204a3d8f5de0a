/**
 * What a reader gets from exported notes, read back with real parsers (markdown-it for
 * CommonMark, parse5 for HTML), next to what the model says the notes hold: headings, the
 * bullet tree (depth and words), paragraphs' words, and every link's target.
 */
import MarkdownIt from 'markdown-it';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { anchorOf } from '../../../../server/src/features/export/exportNotes';
import type { NotesDocument } from '../../../../server/src/parser/model';

export interface Structure {
  /** Headings in order: their level and words. */
  readonly headings: ReadonlyArray<{ level: number; words: string }>;
  /** Bullets in document order: depth (1 = top) and words of their own text. */
  readonly bullets: ReadonlyArray<{ depth: number; words: string }>;
  readonly paragraphs: readonly string[];
  readonly hrefs: readonly string[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

/** The text between two offsets as a reader sees it: each `[[reference]]` as its shown text (label, or title). */
function shown(doc: NotesDocument, from: number, to: number): string {
  let out = '';
  let at = from;
  for (const r of doc.references) {
    if (r.span.start < from || r.span.end > to) continue;
    out += doc.text.slice(at, r.span.start) + (r.label ?? r.target);
    at = r.span.end;
  }
  return out + doc.text.slice(at, to);
}

const lineShown = (doc: NotesDocument, line: number) => shown(doc, doc.lines.lineStart(line), doc.lines.lineStart(line) + doc.lineText(line).length);

/** What the notes hold, from the model (as export promises to keep it). */
export function expectedStructure(doc: NotesDocument): Omit<Structure, 'headings'> & { headingCount: number; talks: string[] } {
  const bullets: Array<{ depth: number; words: string }> = [];
  const textOf = (i: number) => {
    // The bullet's own text and its continuation lines (lines inside it that are no bullet).
    const first = doc.lines.lineAt(doc.bullets.textSpan(i).start);
    const parts = [shown(doc, doc.bullets.textSpan(i).start, doc.bullets.textSpan(i).end)];
    const last = doc.lines.lineAt(doc.bullets.span(i).end);
    for (let l = first + 1; l <= last; l++) {
      const owner = innermost(doc, l);
      if (owner === i && !isBulletLine(doc, l)) parts.push(lineShown(doc, l));
    }
    return words(parts.join(' '));
  };
  // A talk listed as a bullet is exported as its talk: not a bullet, and its bullets a level up.
  const talkLines = new Set(doc.talks.map((t) => doc.lines.lineAt(t.lineSpan.start)));
  const isTalk = (i: number) => talkLines.has(doc.lines.lineAt(doc.bullets.markerSpan(i).start));
  const talksAbove = (i: number) => {
    let n = 0;
    for (let p = doc.bullets.parent(i); p >= 0; p = doc.bullets.parent(p)) if (isTalk(p)) n++;
    return n;
  };
  for (let i = 0; i < doc.bullets.count; i++) if (!isTalk(i)) bullets.push({ depth: doc.bullets.level(i) - talksAbove(i), words: textOf(i) });
  const hrefs = [
    ...doc.links.filter((l) => l.target !== null && l.problem === null).map((l) => ({ at: l.span.start, href: l.target! })),
    ...doc.references.map((r) => ({ at: r.span.start, href: `#${anchorOf(r.target)}` })),
  ].sort((a, b) => a.at - b.at).map((x) => x.href);
  // Every other line: a paragraph's, in order.
  const structural = new Set<number>();
  for (const s of doc.sessions) structural.add(doc.lines.lineAt(s.headerSpan.start));
  for (const t of doc.talks) structural.add(doc.lines.lineAt(t.lineSpan.start));
  for (const s of doc.sections) structural.add(doc.lines.lineAt(s.headingSpan.start));
  const other: string[] = [];
  // Continuation lines of a talk listed as a bullet are paragraphs.
  for (let l = 0; l < doc.lines.lineCount; l++) if (!structural.has(l) && (innermost(doc, l) < 0 || isTalk(innermost(doc, l)))) other.push(lineShown(doc, l));
  const dayKeys = doc.sessions.map((s) => `${s.event}\0${s.day}`);
  const days = new Set(dayKeys).size > 1 ? dayKeys.filter((k, i) => i === 0 || k !== dayKeys[i - 1]).length : 0;
  return {
    headingCount: days + doc.sessions.length + doc.talks.length + doc.sections.length,
    talks: doc.talks.map((t) => {
      const who = [t.speaker, t.organisation && `(${t.organisation})`].filter(Boolean).join(' ');
      return words(who ? `${t.title} — ${who}` : t.title);
    }),
    bullets,
    paragraphs: [words(other.join(' '))].filter(Boolean),
    hrefs,
  };
}

function isBulletLine(doc: NotesDocument, line: number): boolean {
  for (let i = 0; i < doc.bullets.count; i++) if (doc.lines.lineAt(doc.bullets.markerSpan(i).start) === line) return true;
  return false;
}

function innermost(doc: NotesDocument, line: number): number {
  let owner = -1;
  for (let i = 0; i < doc.bullets.count; i++) {
    if (doc.lines.lineAt(doc.bullets.markerSpan(i).start) <= line && doc.lines.lineAt(doc.bullets.span(i).end) >= line) owner = i;
  }
  return owner;
}

/** Markdown read by markdown-it (CommonMark, raw HTML allowed: the talks' anchors). */
export function markdownStructure(markdown: string): Structure {
  const tokens = new MarkdownIt('commonmark').parse(markdown, {});
  const headings: Array<{ level: number; words: string }> = [];
  const bullets: Array<{ depth: number; words: string }> = [];
  const paragraphs: string[] = [];
  const hrefs: string[] = [];
  let depth = 0;
  let heading = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'bullet_list_open') depth++;
    else if (t.type === 'bullet_list_close') depth--;
    else if (t.type === 'heading_open') heading = Number(t.tag.slice(1));
    else if (t.type === 'heading_close') heading = 0;
    else if (t.type === 'list_item_open' && tokens[i + 1]?.type !== 'paragraph_open') bullets.push({ depth, words: '' });
    else if (t.type === 'inline') {
      let text = '';
      for (const c of t.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') text += c.content;
        else if (c.type === 'softbreak' || c.type === 'hardbreak') text += ' ';
        // markdown-it percent-encodes a destination as a browser would: compare what it decodes to.
        else if (c.type === 'link_open') hrefs.push(decoded(c.attrGet('href') ?? ''));
      }
      if (heading) headings.push({ level: heading, words: words(text) });
      else if (depth > 0) bullets.push({ depth, words: words(text) });
      else paragraphs.push(words(text));
    }
  }
  return { headings, bullets, paragraphs, hrefs };
}

function decoded(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** HTML read by parse5, as a browser builds it. */
export function htmlStructure(html: string): Structure {
  const headings: Array<{ level: number; words: string }> = [];
  const bullets: Array<{ depth: number; words: string }> = [];
  const paragraphs: string[] = [];
  const hrefs: string[] = [];
  const isElement = (n: Node): n is Element => 'tagName' in n;
  const text = (n: Node, stopAtLists: boolean): string => {
    if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
    if (isElement(n) && n.tagName === 'br') return ' ';
    if (isElement(n) && stopAtLists && n.tagName === 'ul') return '';
    return 'childNodes' in n ? n.childNodes.map((c) => text(c, stopAtLists)).join('') : '';
  };
  const walk = (n: Node, depth: number) => {
    if (isElement(n)) {
      if (/^h[1-6]$/.test(n.tagName)) headings.push({ level: Number(n.tagName[1]), words: words(text(n, false)) });
      else if (n.tagName === 'li') bullets.push({ depth, words: words(text(n, true)) });
      else if (n.tagName === 'p') paragraphs.push(words(text(n, false)));
      if (n.tagName === 'a' && n.attrs.some((a) => a.name === 'href')) hrefs.push(n.attrs.find((a) => a.name === 'href')!.value);
      const inner = n.tagName === 'ul' ? depth + 1 : depth;
      for (const c of n.childNodes) walk(c, inner);
      if (n.tagName === 'template') return;
    } else if ('childNodes' in n) for (const c of n.childNodes) walk(c, depth);
  };
  walk(parse(html), 0);
  return { headings, bullets, paragraphs, hrefs };
}
