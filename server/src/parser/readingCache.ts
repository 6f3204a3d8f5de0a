/**
 * The reading of a document's last parse (the scan and the decisions, docs/FORMAT.md "How a file
 * is read"), taken over by the next version when an edit cannot have changed it: one line changed,
 * a bullet before and after, whose text the reading never looked at (not a talk's first bullet,
 * not under `Lightning talks`) and that no line of text below continues. Typing inside a bullet —
 * most keystrokes — then costs the reading nothing; any other edit reads the file again.
 */
import type { LineFacts } from './lineFacts';
import { Role, type LineScan } from './lineScan';
import type { FormatOptions } from './formatOptions';
import type { Decision } from './readings';

/** A reading and what it depended on beyond the facts of lines of text. */
export interface Reading {
  readonly scan: LineScan;
  readonly decisions: Decision[];
  /** Bullets whose text was read (first bullets, bullets under `Lightning talks`), in line order. */
  readonly readBullets: Int32Array;
}

export class ReadingCache {
  private last: (Reading & { readonly lines: readonly string[]; readonly format: FormatOptions }) | undefined;
  /** The lines of the parse under way, as its startParse gave them. */
  private started: readonly string[] | undefined;
  /** Parses that took the last reading over (for the tests: what was not read again). */
  taken = 0;

  /** The parse of `lines` begins; the reading it may take over is the one of the lines just before. */
  begin(lines: readonly string[]): readonly string[] | undefined {
    const before = this.started;
    this.started = lines;
    return before;
  }

  /**
   * The last reading, when the lines before this parse's are the ones it was made for, the
   * format is the same, and the one line changed (`changed`, with its facts before and now) is
   * a bullet whose text it never read, continued by no line of text below.
   */
  take(previousLines: readonly string[] | undefined, changed: { readonly line: number; readonly before: LineFacts | undefined } | null, facts: readonly LineFacts[], format: FormatOptions): Reading | undefined {
    const last = this.last;
    if (!last || !changed || last.lines !== previousLines || last.format !== format) return undefined;
    if (changed.line >= 0) {
      const { line, before } = changed;
      const now = facts[line];
      if (!before?.bullet || !now.bullet || before.bullet.indent !== now.bullet.indent) return undefined;
      if (line + 1 < facts.length && last.scan.roles[line + 1] !== Role.Plain) return undefined;
      if (contains(last.readBullets, line)) return undefined;
    }
    this.taken++;
    return last;
  }

  /** The reading of `lines`, made whole. */
  keep(lines: readonly string[], format: FormatOptions, reading: Reading): void {
    this.last = { ...reading, lines, format };
  }
}

function contains(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] === value;
}
