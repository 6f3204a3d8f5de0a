/**
 * The facts of the lines of a document's last parse, kept for the next version's (and the
 * reading of that parse, readingCache.ts): an edit's untouched lines are not read again.
 */
import { lineFacts, type LineFacts } from './lineFacts';
import { ReadingCache } from './readingCache';
import { MAX_SPREAD } from './textLines';

/** Plain lines' facts shared at most: their shapes and lengths are a few thousand in real notes. */
const MOST_PLAIN_SHAPES = 65_536;

/**
 * A number for facts that say nothing but their shape and length (a bullet or a continuation
 * line, no link, no reference): equal numbers, equal facts. Undefined for any other line, or
 * one too long or indented too deep to be numbered.
 */
function plainKey(facts: LineFacts): number | undefined {
  if (facts.links.length > 0 || facts.references.length > 0 || facts.header || facts.title || facts.rule || facts.speakers || facts.trimmedLength >= 1 << 20) return undefined;
  const bullet = facts.bullet;
  // A line with neither a bullet nor a title is blank or indented.
  if (!bullet) return facts.blank ? undefined : facts.trimmedLength * 2;
  const gap = bullet.textStart - bullet.markerStart;
  if (bullet.indent >= 256 || bullet.markerStart >= 256 || gap >= 256) return undefined;
  return ((bullet.indent * 256 + bullet.markerStart) * 256 + gap) * 2 ** 21 + facts.trimmedLength * 2 + 1;
}

/** Changed lines from which a parse looks for repeated lines among them and the previous version's. */
const MANY_CHANGED_LINES = 1024;

/**
 * The facts of the lines of the document's last parse, by position. After an edit the lines
 * before and after the edited ones are the same strings, so their facts are taken over by
 * comparing strings by identity, in order: a Map by line text cost 12 ms a keystroke on 10 MB
 * (one lookup per line) and 12 MB. When many lines changed (opening, Format Document, a whole-text
 * change), a line read again is looked up among the previous version's and the ones already read,
 * so a file repeating its lines holds one facts object per distinct line.
 *
 * The facts are filled in place while a parse reads the lines: a parse dropped half way (a newer
 * version came) leaves what it read for the next one.
 */
export class LineFactsCache {
  private lines: readonly string[] = [];
  private facts: (LineFacts | undefined)[] = [];
  private seen: Map<string, LineFacts> | undefined;
  /** Facts of plain lines by `plainKey`. */
  private readonly plain = new Map<number, LineFacts>();
  /** Lines read by the parses since the cache was made: neither taken over nor seen before. */
  linesRead = 0;
  /** What the last parse changed: one line replaced by one other, and that line's facts before; else null. */
  private oneLine: { readonly line: number; readonly before: LineFacts | undefined } | null = null;
  /** The reading of the last whole parse (readingCache.ts), for the next version to take over when it can. */
  readonly reading = new ReadingCache();

  /**
   * Starts a parse of `lines`: returns their facts, those of unchanged lines taken over and the
   * others undefined, to be filled through `read`. Line 0 is taken over only at index 0 (its BOM is not content).
   */
  startParse(lines: readonly string[]): (LineFacts | undefined)[] {
    const before = this.lines;
    const shorter = Math.min(lines.length, before.length);
    let prefix = 0;
    while (prefix < shorter && lines[prefix] === before[prefix]) prefix++;
    let suffix = 0;
    const mostSuffix = shorter - Math.max(prefix, 1);
    while (suffix < mostSuffix && lines[lines.length - 1 - suffix] === before[before.length - 1 - suffix]) suffix++;
    const changed = lines.length - prefix - suffix;
    const replaced = before.length - prefix - suffix;
    this.seen = changed >= MANY_CHANGED_LINES ? this.factsByText(prefix, before.length - suffix) : undefined;
    this.oneLine = changed === 1 && replaced === 1 ? { line: prefix, before: this.facts[prefix] } : changed === 0 && replaced === 0 ? { line: -1, before: undefined } : null;
    this.facts = replaceMiddle(this.facts, prefix, replaced, changed);
    this.lines = lines;
    return this.facts;
  }

  /**
   * The one line this parse's lines differ in from the last parse's (-1: none), with its facts
   * there; null when more changed, or lines came or went.
   */
  get changedLine(): { readonly line: number; readonly before: LineFacts | undefined } | null {
    return this.oneLine;
  }

  /** The facts of a line the parse could not take over. */
  read(line: string): LineFacts {
    let facts = this.seen?.get(line);
    if (facts === undefined) {
      this.linesRead++;
      facts = this.shared(lineFacts(line));
      this.seen?.set(line, facts);
    }
    return facts;
  }

  /**
   * One object for equal facts of plain lines (bullets and continuations without links): kept
   * for every line, they were most of a 10 MB file's memory when its lines are all different
   * (29 MB more than a file repeating its lines).
   */
  private shared(facts: LineFacts): LineFacts {
    const key = plainKey(facts);
    if (key === undefined) return facts;
    const held = this.plain.get(key);
    if (held) return held;
    if (this.plain.size >= MOST_PLAIN_SHAPES) this.plain.clear();
    this.plain.set(key, facts);
    return facts;
  }

  endParse(): void {
    this.seen = undefined;
  }

  /** The previous version's facts in [from, to), by line text (line 0 left out: its BOM is not content). */
  private factsByText(from: number, to: number): Map<string, LineFacts> {
    const byText = new Map<string, LineFacts>();
    for (let line = Math.max(from, 1); line < to; line++) {
      const facts = this.facts[line];
      if (facts) byText.set(this.lines[line], facts);
    }
    return byText;
  }
}

/**
 * `all` with `replaced` entries from `at` replaced by `count` empty ones: in place when it can be.
 * Empty is a hole, not undefined written: filling two million entries held a 100 MB file's first parse 30 ms.
 */
function replaceMiddle<T>(all: (T | undefined)[], at: number, replaced: number, count: number): (T | undefined)[] {
  if (all.length === replaced) return new Array<T | undefined>(count);
  if (count === replaced) return all.fill(undefined, at, at + count);
  if (count <= MAX_SPREAD) {
    // One splice moves the tail once; an Enter or a deleted line costs a memmove, not a new array.
    all.splice(at, replaced, ...new Array<undefined>(count).fill(undefined));
    return all;
  }
  const after = all.length - at - replaced;
  const result = new Array<T | undefined>(at + count + after);
  for (let i = 0; i < at; i++) result[i] = all[i];
  for (let i = 0; i < after; i++) result[at + count + i] = all[at + replaced + i];
  return result;
}
