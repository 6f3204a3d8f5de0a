/**
 * Format Document / Format Selection and `confnotes format`: bullets in the file's own style
 * (its most used marker, its indent a level; left as written where the file nests by the number
 * of stars, `*` and `**`), no trailing white space, lines of white space
 * made empty, at most N blank lines in a row, a final line break. Nothing else changes: words,
 * links, titles, headers, paragraphs and continuation lines stay as written, line breaks
 * (LF, CRLF) and a BOM too. Edits touch only the lines that change.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { ruleShape } from '../parser/lineRules';
import type { NotesDocument } from '../parser/model';

export type BulletMarker = '•' | '-' | '*';

export interface LayoutOptions {
  /** The marker every bullet gets; `auto`: the file's most used one. */
  readonly bulletMarker: 'auto' | BulletMarker;
  /** Columns a level; `auto`: the file's own (the most common step between a bullet and its parent). */
  readonly indent: 'auto' | number;
  /**
   * Blank lines kept in a row at most. With 0, one is still kept between two lines of text (and
   * before a line that would otherwise continue a bullet): there a blank line says where a heading
   * or a paragraph ends (docs/FORMAT.md, "Blank lines"), and removing it would change the outline.
   */
  readonly maxBlankLines: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { bulletMarker: 'auto', indent: 'auto', maxBlankLines: 2 };

/** How a file's bullets are written: the marker, the indent of a top-level bullet, the columns a level. */
export interface BulletStyle {
  readonly marker: string;
  readonly base: number;
  readonly step: number;
}

/** Columns of a line's leading spaces and tabs from `from` (a tab counts two, as the parser counts it). */
function indentOf(text: string, from: number): number {
  let columns = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) columns += 1;
    else if (c === 9) columns += 2;
    else break;
  }
  return columns;
}

/** The most frequent key of a tally; ties go to the one seen first. */
function mostCommon<K>(tally: Map<K, number>): K | undefined {
  let best: K | undefined;
  let count = 0;
  for (const [key, n] of tally) if (n > count) [best, count] = [key, n];
  return best;
}

/** The file's own bullet style, or the one the options ask for. */
export function bulletStyle(doc: NotesDocument, options: LayoutOptions = DEFAULT_LAYOUT): BulletStyle {
  return readBulletStyle(doc, options).style;
}

/** The style, and whether the file nests bullets by the number of stars (`*`, `**`, as org-mode does): then they are left as written. */
function readBulletStyle(doc: NotesDocument, options: LayoutOptions): { style: BulletStyle; stars: boolean } {
  const bullets = doc.bullets;
  // By character code: a character as a string is a new string for `•` (and hashed) at every bullet.
  const markers = new Map<number, number>();
  const tops = new Map<number, number>();
  const steps = new Map<number, number>();
  const indents = new Int32Array(bullets.count);
  let stars = false;
  // Bullets are in document order: their lines are found by walking forward, not searched for.
  const lineCount = doc.lines.lineCount;
  let line = 0;
  let lineStart = 0;
  let nextStart = lineCount > 1 ? doc.lines.lineStart(1) : Infinity;
  for (let i = 0; i < bullets.count; i++) {
    const marker = bullets.markerSpan(i).start;
    while (nextStart <= marker) {
      lineStart = nextStart;
      nextStart = ++line + 1 < lineCount ? doc.lines.lineStart(line + 1) : Infinity;
    }
    const text = doc.lineText(line);
    indents[i] = indentOf(text, line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
    const char = text.charCodeAt(marker - lineStart);
    markers.set(char, (markers.get(char) ?? 0) + 1);
    if (char === 42 /* * */ && text.charCodeAt(marker - lineStart + 1) === 42) stars = true;
    const parent = bullets.parent(i);
    if (parent < 0) tops.set(indents[i], (tops.get(indents[i]) ?? 0) + 1);
    else if (indents[i] > indents[parent]) steps.set(indents[i] - indents[parent], (steps.get(indents[i] - indents[parent]) ?? 0) + 1);
  }
  const top = mostCommon(tops) ?? 0;
  const mostUsed = mostCommon(markers);
  const marker = options.bulletMarker !== 'auto' ? options.bulletMarker : mostUsed !== undefined ? String.fromCharCode(mostUsed) : '•';
  // A set indent applies to the top level too, when the file indents it at all.
  if (options.indent !== 'auto') return { style: { marker, base: top > 0 ? options.indent : 0, step: options.indent }, stars };
  return { style: { marker, base: top, step: mostCommon(steps) ?? (top > 0 ? top : 2) }, stars };
}

/**
 * The edits that format lines `first`..`last` (0-based, inclusive; the whole document by
 * default). Blank lines are counted within those lines; the final line break is added only
 * when the last line is among them.
 */
export function formatting(doc: NotesDocument, options: LayoutOptions = DEFAULT_LAYOUT, first = 0, last = doc.lines.lineCount - 1): TextEdit[] {
  const lineCount = doc.lines.lineCount;
  first = Math.max(0, first);
  last = Math.min(lineCount - 1, last);
  const { style, stars } = readBulletStyle(doc, options);
  const bullets = doc.bullets;
  const edits: TextEdit[] = [];
  const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
    start: { line: startLine, character: startCharacter },
    end: { line: endLine, character: endCharacter },
  });

  // Bullets are in document order: walk them beside the lines.
  let bullet = 0;
  let walked = 0;
  const lineOfBullet = (i: number) => {
    if (i >= bullets.count) return lineCount;
    const marker = bullets.markerSpan(i).start;
    while (walked + 1 < lineCount && doc.lines.lineStart(walked + 1) <= marker) walked++;
    return walked;
  };
  let bulletLine = lineOfBullet(0);
  while (bulletLine < first) bulletLine = lineOfBullet(++bullet);
  let blankRun = 0;
  /** The first blank line of a run past the limit, while it lasts. */
  let dropFrom = -1;
  /** The last line with text was a line of text at column 0 (no bullet, not indented). */
  let afterText = false;
  const flushDrop = (before: number) => {
    if (dropFrom < 0) return;
    const next = doc.lineText(before);
    const nextIsText = before !== bulletLine && /^\S/.test(next);
    // The blank line that says where a heading or paragraph ends stays (emptied); so does one
    // between a line of text and a rule, which without it would underline that line.
    const nextIsRule = afterText && ruleShape(next) !== null;
    if (options.maxBlankLines === 0 && (nextIsRule || (nextIsText && (afterText || /^\P{L}*\p{Ll}/u.test(next))))) {
      const kept = doc.lineText(before - 1).length;
      // Already one empty line: nothing to edit.
      if (dropFrom < before - 1 || kept > 0) edits.push({ range: range(dropFrom, 0, before - 1, kept), newText: '' });
    } else edits.push({ range: range(dropFrom, 0, before, 0), newText: '' });
    dropFrom = -1;
  };
  for (let line = first; line <= last; line++) {
    const written = doc.lineText(line);
    const bom = line === 0 && written.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = bom ? written.slice(1) : written;
    // Most lines end in a letter: no copy for them.
    const trimmed = endsInWhiteSpace(text) ? text.trimEnd() : text;
    if (trimmed === '') {
      blankRun++;
      if (blankRun > options.maxBlankLines && dropFrom < 0) dropFrom = line;
      else if (dropFrom < 0 && text !== '') edits.push({ range: range(line, bom, line, written.length), newText: '' });
      continue;
    }
    flushDrop(line);
    blankRun = 0;
    afterText = bulletLine !== line && /^\S/.test(text);
    let wanted = trimmed;
    if (bulletLine === line && stars) bulletLine = lineOfBullet(++bullet);
    else if (bulletLine === line) {
      const textStart = bullets.textSpan(bullet).start - doc.lines.lineStart(line) - bom;
      const indent = style.base + (bullets.level(bullet) - 1) * style.step;
      // The bullet as it should be written: compared before any string is made for it.
      if (!writtenAs(trimmed, indent, style.marker, textStart)) {
        const own = trimmed.slice(Math.max(textStart, 0));
        wanted = own === '' ? ' '.repeat(indent) + style.marker : `${' '.repeat(indent)}${style.marker} ${own}`;
      }
      bulletLine = lineOfBullet(++bullet);
    }
    if (wanted !== text) edits.push({ range: range(line, bom, line, written.length), newText: wanted });
  }
  if (last < lineCount - 1) {
    flushDrop(last + 1);
    return edits;
  }
  // The end: the last line with text, its line break, and nothing after it.
  const lastText = doc.lineText(lineCount - 1);
  if (blankRun > 0) {
    const from = lineCount - blankRun;
    while (edits.length > 0 && edits[edits.length - 1].range.start.line >= from) edits.pop();
    if (from < lineCount - 1 || lastText !== '') edits.push({ range: range(from, 0, lineCount - 1, lastText.length), newText: '' });
  } else {
    const lastEdit = edits[edits.length - 1];
    if (lastEdit && lastEdit.range.start.line === lineCount - 1) (lastEdit as { newText: string }).newText += usualBreak(doc);
    else edits.push({ range: range(lineCount - 1, lastText.length, lineCount - 1, lastText.length), newText: usualBreak(doc) });
  }
  return edits;
}

/** Does the text end in white space (a space, a tab, U+00A0 or any other Unicode space)? */
function endsInWhiteSpace(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && (last <= 32 || last === 0xa0 || (last >= 0x1680 && /\s/.test(text[text.length - 1])));
}

/** Is the bullet line `indent` spaces, the marker, one space and its text (from `textStart`) already? */
function writtenAs(line: string, indent: number, marker: string, textStart: number): boolean {
  for (let i = 0; i < indent; i++) if (line.charCodeAt(i) !== 32) return false;
  if (line[indent] !== marker) return false;
  if (line.length === indent + 1) return true;
  return line.charCodeAt(indent + 1) === 32 && textStart === indent + 2;
}

/** The line break most lines end with (`\n` when none does). */
function usualBreak(doc: NotesDocument): string {
  const tally = new Map<string, number>();
  for (let line = 0; line < doc.lines.lineCount - 1; line++) {
    const brk = doc.lineBreak(line);
    tally.set(brk, (tally.get(brk) ?? 0) + 1);
  }
  return mostCommon(tally) ?? '\n';
}
