/**
 * What one line says on its own, before its neighbours are considered: blank, bullet,
 * indented, the header and title shapes, its links. `parseNotes` combines these with
 * context (events seen above, the next line); nothing here depends on other lines, so
 * the facts of an unchanged line can be reused after an edit.
 */
import { bulletShape, headerShape, isBlank, titleShape, type BulletShape, type HeaderShape, type TitleShape } from './lineRules';
import { findLinks } from './links';
import type { Link, Reference } from './model';
import { findReferences } from './references';

export interface LineFacts {
  readonly blank: boolean;
  readonly bullet: BulletShape | null;
  /** Starts with white space and is no bullet: continues the bullet or paragraph above. */
  readonly indented: boolean;
  /** Length without trailing white space. */
  readonly trimmedLength: number;
  /** For an unindented line: its `Event – Day – Session` shape, if it has one. */
  readonly header: HeaderShape | null;
  /** For an unindented line: title and speaker, as if it were a talk title. */
  readonly title: TitleShape | null;
  /** Its links, with spans relative to the line's start. */
  readonly links: readonly Link[];
  /** Its `[[references]]`, spans relative to the line's start. */
  readonly references: readonly Reference[];
}

/**
 * Links are not looked for in longer lines (docs/FORMAT.md, "Limits"): finding them is linear,
 * but a keystroke on a 5 MB line would cost a second.
 */
export const LONGEST_LINE_SEARCHED_FOR_LINKS = 100_000;

const NO_LINKS: readonly Link[] = [];
const NO_REFERENCES: readonly Reference[] = [];
const BLANK: LineFacts = { blank: true, bullet: null, indented: false, trimmedLength: 0, header: null, title: null, links: NO_LINKS, references: NO_REFERENCES };

/** `withLinks: false` skips link detection (most of the cost), for the workspace index. */
export function lineFacts(line: string, withLinks = true): LineFacts {
  if (isBlank(line)) return BLANK;
  const trimmed = line.trimEnd();
  const foundReferences = findReferences(line, 0);
  const references = foundReferences.length > 0 ? foundReferences : NO_REFERENCES;
  const found = !withLinks || trimmed.length > LONGEST_LINE_SEARCHED_FOR_LINKS ? NO_LINKS : findLinks(line, 0);
  // The words of a reference (`[[lca2016.notes#Title]]`) are no links.
  const outside = references.length > 0 ? found.filter((l) => !references.some((r) => l.span.start < r.span.end && r.span.start < l.span.end)) : found;
  const links = outside.length > 0 ? outside : NO_LINKS;
  const bullet = bulletShape(line);
  const indented = bullet === null && /^\s/.test(line);
  const unindented = bullet === null && !indented;
  return {
    blank: false,
    bullet,
    indented,
    trimmedLength: trimmed.length,
    header: unindented ? headerShape(trimmed) : null,
    title: unindented ? titleShape(trimmed) : null,
    links,
    references,
  };
}

interface CachedFacts {
  readonly facts: LineFacts;
  /** The parse that last used it. */
  used: number;
}

/**
 * Facts by line text, kept from one parse of a document to the next. Lines unused by a
 * parse are dropped once they are as many as the lines in use, so the cache holds about
 * one version of the document (and looking up a line string seen before costs no hashing:
 * V8 keeps a string's hash in the string).
 */
export class LineFactsCache {
  private readonly entries = new Map<string, CachedFacts>();
  private parse = 0;
  private usedThisParse = 0;

  factsOf(line: string): LineFacts {
    let entry = this.entries.get(line);
    if (entry === undefined) {
      entry = { facts: lineFacts(line), used: this.parse };
      this.entries.set(line, entry);
      this.usedThisParse++;
    } else if (entry.used !== this.parse) {
      entry.used = this.parse;
      this.usedThisParse++;
    }
    return entry.facts;
  }

  /** Ends a parse: drops lines no longer in use when they are as many as those in use. */
  endParse(): void {
    if (this.entries.size > 2 * this.usedThisParse + 1024) {
      for (const [line, entry] of this.entries) if (entry.used !== this.parse) this.entries.delete(line);
    }
    this.parse++;
    this.usedThisParse = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
