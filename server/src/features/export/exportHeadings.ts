/**
 * What Markdown and HTML export share: the options, the heading of each block (its level and
 * text, day headings only when asked or needed), the anchors of talks, and where a reference
 * points.
 */
import { anchorOf, type Block, type ExportDocument, type Inline } from './exportNotes';

export interface ExportOptions {
  /** A title above everything, at `headingLevel`. */
  readonly title?: string;
  /** Day headings above their sessions: `true` (when the file has several days, the default) or `false`. */
  readonly dayHeadings?: boolean;
  /** The level of the first heading (1–6): 2 for a post whose title is already `h1`. */
  readonly headingLevel?: number;
  /** A list of the talks, linked, before the notes. */
  readonly tableOfContents?: boolean;
  /**
   * Where a reference to another file points: that file exported (`other.md`, `other.html`), by
   * the file name the reference gives. Without it, references to other files are links to the
   * anchor alone.
   */
  readonly fileLink?: (file: string) => string;
}

export interface Heading {
  readonly level: number;
  /** The heading as plain text (the table of contents, the page title). */
  readonly text: string;
  /** As runs: a talk's or section's title keeps its links; the speaker follows as text. */
  readonly inlines: readonly Inline[];
  readonly anchor: string;
  readonly block: Block;
}

export interface Headings {
  readonly titleLevel: number;
  /** By block index: the blocks that are headings. */
  readonly byBlock: ReadonlyMap<number, Heading>;
  readonly entries: readonly Heading[];
}

/** Each heading block's level and text. Levels never go past 6. */
export function headingsOf(doc: ExportDocument, options: ExportOptions): Headings {
  const first = Math.min(6, Math.max(1, Math.floor(options.headingLevel ?? 1)));
  const titleLevel = first;
  const top = options.title ? first + 1 : first;
  const days = doc.severalDays && options.dayHeadings !== false;
  const level = (n: number) => Math.min(6, top + n);
  const sessionLevel = days ? 1 : 0;
  const byBlock = new Map<number, Heading>();
  let inSession = false;
  doc.blocks.forEach((block, i) => {
    let heading: Omit<Heading, 'block'> | null = null;
    const plain = (text: string): Inline[] => [{ kind: 'text', text }];
    if (block.kind === 'day') heading = days ? { level: level(0), text: `${block.event} – ${block.day}`, inlines: plain(`${block.event} – ${block.day}`), anchor: '' } : null;
    else if (block.kind === 'session') {
      inSession = true;
      const text = days ? block.name : block.header;
      heading = { level: level(sessionLevel), text, inlines: plain(text), anchor: '' };
    } else if (block.kind === 'talk') {
      const who = [block.speaker, block.organisation && `(${block.organisation})`].filter(Boolean).join(' ');
      const inlines: Inline[] = who ? [...block.titleInlines, { kind: 'text', text: ` — ${who}` }] : [...block.titleInlines];
      heading = { level: level(sessionLevel + (inSession ? 1 : 0)), text: who ? `${block.title} — ${who}` : block.title, inlines, anchor: block.anchor };
    } else if (block.kind === 'section') heading = { level: level(sessionLevel + (inSession ? 2 : 1)), text: block.title, inlines: [...block.titleInlines], anchor: '' };
    if (heading) byBlock.set(i, { ...heading, block });
  });
  return { titleLevel, byBlock, entries: [...byBlock.values()] };
}

/** Where a `[[reference]]` points: the talk's anchor, in the exported other file when one is named. */
export function referenceHref(run: Extract<Inline, { kind: 'reference' }>, options: ExportOptions): string {
  const anchor = anchorOf(run.target);
  return run.file && options.fileLink ? `${options.fileLink(run.file)}#${anchor}` : `#${anchor}`;
}
