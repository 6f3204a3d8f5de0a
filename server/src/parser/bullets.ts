/**
 * Every bullet of a document as parallel arrays, indexed in document order. Large notes
 * hold hundreds of thousands of bullets; four objects per bullet cost more time (allocation
 * and garbage collection) than the rest of the parse, so bullets are numbers until asked for.
 */
import type { Bullets, Span } from './model';

export class BulletTable implements Bullets {
  private size = 0;
  private readonly markerStarts: Uint32Array;
  private readonly textStarts: Uint32Array;
  private readonly lineEnds: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly levels: Uint32Array;
  private readonly parents: Int32Array;
  /** Index just past the bullet's last descendant. */
  private readonly subtreeEnds: Uint32Array;

  /** Room for `capacity` bullets: the parser counts the lines shaped as bullets first. */
  constructor(capacity: number) {
    // One buffer for the seven arrays: one allocation a version, not seven (each a call into the
    // C library, and below its mmap threshold for a 1 MB file: memory its heap then keeps).
    const buffer = new ArrayBuffer(capacity * 4 * 7);
    const column = (i: number) => new Uint32Array(buffer, capacity * 4 * i, capacity);
    this.markerStarts = column(0);
    this.textStarts = column(1);
    this.lineEnds = column(2);
    this.ends = column(3);
    this.levels = column(4);
    this.parents = new Int32Array(buffer, capacity * 4 * 5, capacity);
    this.subtreeEnds = column(6);
  }

  get count(): number {
    return this.size;
  }

  /** Appends a bullet whose own line spans [markerStart, lineEnd); `parent` is -1 at the top level. */
  add(markerStart: number, textStart: number, lineEnd: number, parent: number): number {
    const i = this.size++;
    this.markerStarts[i] = markerStart;
    this.textStarts[i] = textStart;
    this.lineEnds[i] = lineEnd;
    this.ends[i] = lineEnd;
    this.parents[i] = parent;
    this.levels[i] = parent < 0 ? 1 : this.levels[parent] + 1;
    this.subtreeEnds[i] = i + 1;
    return i;
  }

  /** Stretches a bullet over a continuation line or a child ending at `end`. */
  extend(index: number, end: number): void {
    if (end > this.ends[index]) this.ends[index] = end;
  }

  /** Marks the bullet complete: its children are all added, and its parent spans it. */
  close(index: number): void {
    this.subtreeEnds[index] = this.size;
    const parent = this.parents[index];
    if (parent >= 0) this.extend(parent, this.ends[index]);
  }

  roots(): number[] {
    return this.siblingsFrom(0);
  }

  children(index: number): number[] {
    return this.siblingsFrom(index + 1, index);
  }

  hasChildren(index: number): boolean {
    return index + 1 < this.size && this.parents[index + 1] === index;
  }

  level(index: number): number {
    return this.levels[index];
  }

  parent(index: number): number {
    return this.parents[index];
  }

  markerSpan(index: number): Span {
    return { start: this.markerStarts[index], end: this.markerStarts[index] + 1 };
  }

  textSpan(index: number): Span {
    // An empty bullet (`- ` and nothing else) has an empty text just after its marker.
    const end = Math.max(this.lineEnds[index], this.markerStarts[index] + 1);
    return { start: Math.min(this.textStarts[index], end), end };
  }

  span(index: number): Span {
    return { start: this.markerStarts[index], end: Math.max(this.ends[index], this.markerStarts[index] + 1) };
  }

  private siblingsFrom(first: number, parent = -1): number[] {
    const found: number[] = [];
    for (let i = first; i < this.size && this.parents[i] === parent; i = this.subtreeEnds[i]) found.push(i);
    return found;
  }
}
