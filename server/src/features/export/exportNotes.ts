/**
 * Notes as a document to publish: the model read once into blocks (days, sessions, talks,
 * sections, nested lists, paragraphs) of inline runs (text, links to the URL they open,
 * references to talks), which exportMarkdown.ts and exportHtml.ts write out. Nothing the user
 * wrote is dropped: every line of the file is in exactly one block.
 */
import type { NotesDocument, Section, Talk } from '../../parser/model';
import { referenceKey } from '../../parser/references';

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  /** `[[Title]]`: `target` the talk (or session) named, `file` the file named before `#`, if any. */
  | { readonly kind: 'reference'; readonly text: string; readonly target: string; readonly file: string | null };

export interface ListItem {
  /** The bullet's own line, then its continuation lines (each run of a line ends with a `\n` text before the next). */
  readonly inlines: readonly Inline[];
  readonly children: readonly ListItem[];
}

export type Block =
  | { readonly kind: 'day'; readonly event: string; readonly day: string }
  | { readonly kind: 'session'; readonly event: string; readonly day: string; readonly name: string; readonly header: string }
  /** `titleInlines`: the title as written, with its links (a title may hold one). */
  | { readonly kind: 'talk'; readonly title: string; readonly titleInlines: readonly Inline[]; readonly speaker: string | null; readonly organisation: string | null; readonly anchor: string }
  | { readonly kind: 'section'; readonly title: string; readonly titleInlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] };

export interface ExportDocument {
  readonly blocks: readonly Block[];
  /** Links written down as text because they cannot be opened as written (flagged ones). */
  readonly unlinked: ReadonlyArray<{ readonly line: number; readonly text: string; readonly reason: string }>;
  /** More than one day: day headings above their sessions. */
  readonly severalDays: boolean;
}

/** The anchor of a talk: its title in lower case, words joined by dashes (as GitHub writes heading ids). */
export function anchorOf(title: string): string {
  return referenceKey(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

type LineKind = { kind: 'header'; index: number } | { kind: 'talk'; talk: Talk } | { kind: 'section'; section: Section } | { kind: 'bullet'; index: number };

/** Reads a document, or only lines `first`..`last` (0-based, inclusive), into blocks. */
export function exportNotes(doc: NotesDocument, first = 0, last = doc.lines.lineCount - 1): ExportDocument {
  const lineOf = (offset: number) => doc.lines.lineAt(offset);
  const kinds = new Map<number, LineKind>();
  doc.sessions.forEach((s, index) => kinds.set(lineOf(s.headerSpan.start), { kind: 'header', index }));
  for (const talk of doc.talks) kinds.set(lineOf(talk.lineSpan.start), { kind: 'talk', talk });
  for (const section of doc.sections) kinds.set(lineOf(section.headingSpan.start), { kind: 'section', section });
  // Each line inside a bullet (its own or a continuation) belongs to the innermost bullet spanning it.
  const bullets = doc.bullets;
  const owner = new Int32Array(doc.lines.lineCount).fill(-1);
  for (let i = 0; i < bullets.count; i++) {
    const markerLine = lineOf(bullets.markerSpan(i).start);
    // A talk listed as a bullet (under `Lightning talks`) is exported as the talk: its bullets below it a list of their own.
    if (kinds.get(markerLine)?.kind !== 'talk') kinds.set(markerLine, { kind: 'bullet', index: i });
    // Later (deeper or following) bullets overwrite: the innermost wins.
    for (let l = markerLine; l <= lineOf(bullets.span(i).end); l++) owner[l] = i;
  }
  const unlinked: Array<{ line: number; text: string; reason: string }> = [];
  const inlinesOf = (line: number, from: number): Inline[] => {
    const start = doc.lines.lineStart(line);
    return inlineRuns(doc, line, start + from, start + doc.lineText(line).trimEnd().length, unlinked);
  };

  const blocks: Block[] = [];
  // The days of the sessions exported (a talk copied alone has none above it).
  const days = new Set(doc.sessions.filter((s) => lineOf(s.headerSpan.start) >= first && lineOf(s.headerSpan.start) <= last).map((s) => `${s.event}\0${s.day}`));
  let lastDay = '';
  let list: { items: ListItem[]; byBullet: Map<number, { inlines: Inline[]; children: ListItem[] }> } | null = null;
  let paragraph: Inline[] | null = null;
  const closeList = () => (list = null);
  const closeParagraph = () => (paragraph = null);

  for (let line = first; line <= last && line < doc.lines.lineCount; line++) {
    const text = doc.lineText(line);
    const kind = kinds.get(line);
    if (text.trim() === '' || text.trim() === '\ufeff') {
      closeParagraph();
      continue;
    }
    if (kind?.kind === 'header') {
      closeList();
      closeParagraph();
      const s = doc.sessions[kind.index];
      const day = `${s.event}\0${s.day}`;
      if (days.size > 1 && day !== lastDay) blocks.push({ kind: 'day', event: s.event, day: s.day });
      lastDay = day;
      blocks.push({ kind: 'session', event: s.event, day: s.day, name: s.name, header: doc.text.slice(s.headerSpan.start, s.headerSpan.end) });
    } else if (kind?.kind === 'talk') {
      closeList();
      closeParagraph();
      const t = kind.talk;
      const titleInlines = inlineRuns(doc, line, t.titleSpan.start, t.titleSpan.end, unlinked);
      blocks.push({ kind: 'talk', title: t.title, titleInlines, speaker: t.speaker, organisation: t.organisation, anchor: anchorOf(t.title) });
    } else if (kind?.kind === 'section') {
      closeList();
      closeParagraph();
      const x = kind.section;
      blocks.push({ kind: 'section', title: x.title, titleInlines: inlineRuns(doc, line, x.headingSpan.start, x.headingSpan.end, unlinked) });
    } else if (kind?.kind === 'bullet') {
      closeParagraph();
      const i = kind.index;
      if (!list) {
        list = { items: [], byBullet: new Map() };
        blocks.push({ kind: 'list', items: list.items });
      }
      const item = { inlines: inlinesOf(line, bullets.textSpan(i).start - doc.lines.lineStart(line)), children: [] as ListItem[] };
      list.byBullet.set(i, item);
      const parent = bullets.parent(i);
      const parentItem = parent >= 0 ? list.byBullet.get(parent) : undefined;
      (parentItem ? parentItem.children : list.items).push(item);
    } else if (owner[line] >= 0 && list?.byBullet.has(owner[line])) {
      // A continuation line: inside its bullet, after a line break.
      const item = list.byBullet.get(owner[line])!;
      item.inlines.push({ kind: 'text', text: '\n' }, ...inlinesOf(line, indentWidth(text)));
    } else {
      closeList();
      const runs = inlinesOf(line, indentWidth(text));
      if (paragraph) paragraph.push({ kind: 'text', text: '\n' }, ...runs);
      else {
        paragraph = runs;
        blocks.push({ kind: 'paragraph', inlines: paragraph });
      }
    }
  }
  return { blocks, unlinked, severalDays: days.size > 1 };
}

function indentWidth(text: string): number {
  return text.length - text.trimStart().length;
}

/** The text from offset `from` to `end` (on `line`) as runs: text, links that open, references. */
function inlineRuns(doc: NotesDocument, line: number, from: number, end: number, unlinked: Array<{ line: number; text: string; reason: string }>): Inline[] {
  const marks: Array<{ start: number; end: number; inline: Inline }> = [];
  for (const r of doc.references) {
    if (r.span.start < from || r.span.end > end) continue;
    marks.push({ start: r.span.start, end: r.span.end, inline: { kind: 'reference', text: r.label ?? r.target, target: r.target, file: r.file } });
  }
  for (const l of doc.links) {
    if (l.span.start < from || l.span.end > end || marks.some((m) => m.start < l.span.end && l.span.start < m.end)) continue;
    if (l.target === null || l.problem !== null) {
      unlinked.push({ line, text: l.text, reason: l.problem?.message ?? 'cannot be opened' });
      continue;
    }
    marks.push({ start: l.span.start, end: l.span.end, inline: { kind: 'link', text: l.text, href: l.target } });
  }
  marks.sort((a, b) => a.start - b.start);
  const runs: Inline[] = [];
  let at = from;
  for (const m of marks) {
    if (m.start > at) runs.push({ kind: 'text', text: doc.text.slice(at, m.start) });
    runs.push(m.inline);
    at = m.end;
  }
  if (end > at) runs.push({ kind: 'text', text: doc.text.slice(at, end) });
  return runs;
}
