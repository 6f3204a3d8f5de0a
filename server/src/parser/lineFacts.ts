/**
 * What one line says on its own, before its neighbours are considered: blank, bullet,
 * indented, the header and title shapes, its links. `parseNotes` combines these with
 * context (events seen above, the next line); nothing here depends on other lines, so
 * the facts of an unchanged line can be reused after an edit.
 */
import { lineLook, type LineLook } from './lineLooks';
import { bulletShape, hashHeading, headerShape, isBlank, ruleShape, type BulletShape, type HashHeading, type HeaderShape, type RuleShape } from './lineRules';
import { findLinks } from './links';
import { speakerLine, type SpeakerLine } from './names';
import { titleShape, type TitleShape } from './talkLines';
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
  /** For an unindented line of text (or a `#` heading's text): title and speaker, as if it were a talk title. */
  readonly title: TitleShape | null;
  /** A rule (`-----`, `* * *`): no text, no bullet. */
  readonly rule: RuleShape | null;
  /** A `## heading`: its level and text. */
  readonly hash: HashHeading | null;
  /** For an unindented line of text (or a `#` heading's text): heading or prose, lead-in, day (docs/FORMAT.md). */
  readonly look: LineLook | null;
  /** The line of text read as naming only speakers (`Dana Whitfield, Acme`); for bullets see `bulletSpeakerLine`. */
  readonly speakers: SpeakerLine | null;
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
const BLANK: LineFacts = { blank: true, bullet: null, indented: false, trimmedLength: 0, header: null, title: null, rule: null, hash: null, look: null, speakers: null, links: NO_LINKS, references: NO_REFERENCES };

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
  const rule = ruleShape(trimmed);
  const bullet = rule ? null : bulletShape(line);
  const indented = bullet === null && rule === null && /^\s/.test(line);
  const text = bullet === null && rule === null && !indented;
  const hash = text ? hashHeading(trimmed) : null;
  const titleFrom = hash ? hash.textStart : 0;
  const look = text ? lineLook(hash ? trimmed.slice(hash.textStart) : trimmed) : null;
  return {
    blank: false,
    bullet,
    indented,
    trimmedLength: trimmed.length,
    header: text && !hash ? headerShape(trimmed) : null,
    // A closing run of `#` (`## Title ##`) is no part of the title.
    title: text ? titleShape(hash ? trimmed.slice(0, hash.textEnd) : trimmed, titleFrom) : null,
    rule,
    hash,
    look,
    speakers: text ? speakerLine(trimmed, titleFrom, look!.allLowerCase) : null,
    links,
    references,
  };
}
