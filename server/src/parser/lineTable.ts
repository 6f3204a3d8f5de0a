/**
 * Offsets ↔ LSP positions through one table of line starts, built once per text.
 * Offsets and characters are UTF-16 code units, as LSP positions are, so the
 * character of an offset is just its distance from the line start.
 */
import { BREAK_LENGTHS, type LineRegion, type TextLines } from './textLines';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LineTable {
  /** Length of the whole text. */
  readonly length: number;

  /**
   * @param starts Offset of the first character of each line.
   * @param ends Offset just past each line's last character, before its break: kept, not read from
   *   the line's length, because features ask for tens of thousands of positions a version.
   */
  private constructor(
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
  ) {
    this.length = ends[ends.length - 1];
  }

  static of(text: TextLines): LineTable {
    const count = text.lines.length;
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = offset;
      offset += text.lines[i].length;
      ends[i] = offset;
      offset += BREAK_LENGTHS[text.breaks[i]];
    }
    return new LineTable(starts, ends);
  }

  /**
   * The table of a text made from `previous`'s by one edit (`region`): the starts before it are
   * copied, those after it copied and shifted. Reading every line's length again cost 3 ms a
   * keystroke on 10 MB, most of it waiting for memory (the lines' strings lie all over the heap).
   */
  static afterEdit(previous: LineTable, text: TextLines, region: LineRegion): LineTable {
    const { first, removed, inserted } = region;
    const count = text.lines.length;
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    starts.set(previous.starts.subarray(0, first));
    ends.set(previous.ends.subarray(0, first));
    let offset = previous.starts[first];
    for (let i = first; i < first + inserted; i++) {
      starts[i] = offset;
      offset += text.lines[i].length;
      ends[i] = offset;
      offset += BREAK_LENGTHS[text.breaks[i]];
    }
    const after = first + removed;
    if (after < previous.starts.length) {
      const shift = offset - previous.starts[after];
      starts.set(previous.starts.subarray(after), first + inserted);
      ends.set(previous.ends.subarray(after), first + inserted);
      if (shift !== 0) {
        for (let i = first + inserted; i < count; i++) {
          starts[i] += shift;
          ends[i] += shift;
        }
      }
    }
    return new LineTable(starts, ends);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[this.clampLine(line)];
  }

  /** Offset just past the line's last character, before its line break. */
  lineEnd(line: number): number {
    return this.ends[this.clampLine(line)];
  }

  /** Line containing an offset (binary search, so O(log n) per lookup). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineAt(clamped);
    // An offset inside a line break belongs to the end of the line.
    const character = Math.min(clamped, this.ends[line]) - this.starts[line];
    return { line, character };
  }

  /** Offset of a position; positions past a line's end clamp to that end, past the last line to the text's end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    return Math.min(this.starts[position.line] + Math.max(0, position.character), this.ends[position.line]);
  }

  private clampLine(line: number): number {
    return Math.max(0, Math.min(line, this.starts.length - 1));
  }
}
