/**
 * Offsets ↔ LSP positions through one table of line starts, built once per text.
 * Offsets and characters are UTF-16 code units, as LSP positions are, so the
 * character of an offset is just its distance from the line start.
 */
import type { TextLines } from './textLines';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LineTable {
  /** Offset of the first character of each line. */
  private readonly starts: Uint32Array;
  /** Offset just past each line's last character, before its break. */
  private readonly ends: Uint32Array;
  /** Length of the whole text. */
  readonly length: number;

  constructor(text: TextLines) {
    const count = text.lines.length;
    this.starts = new Uint32Array(count);
    this.ends = new Uint32Array(count);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      this.starts[i] = offset;
      offset += text.lines[i].length;
      this.ends[i] = offset;
      offset += text.breaks[i].length;
    }
    this.length = offset;
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
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.ends[position.line]);
  }

  private clampLine(line: number): number {
    return Math.max(0, Math.min(line, this.starts.length - 1));
  }
}
