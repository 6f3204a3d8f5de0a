/**
 * How much memory the server holds beyond what is alive. Each version of a large document
 * leaves megabytes behind, and V8's defaults (an old generation allowed to grow several times
 * past what is alive, nothing done while idle) let a server with 54 MB alive in a 10 MB file
 * hold 320 MB after 200 keystrokes (bench/RESULTS.md). Two measures: a heap that grows less
 * (keepHeapSmall), and a full collection once work has stopped for a second (IdleCompaction).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Lines parsed since the last collection before one is worth it: a few versions of a 10 MB file, or a workspace's indexing. */
export const LINES_BEFORE_COMPACTION = 1_000_000;
export const IDLE_MS = 1000;

/**
 * A V8 setting read at each collection, so it holds when set after start-up (unlike
 * --max-semi-space-size): the old generation may grow by half past what is alive before it is
 * collected again, instead of V8's factor of up to 4 for small heaps. Measured with 200
 * keystrokes in a 10 MB file (bench/RESULTS.md): about 40% less resident memory, typing
 * about 10% slower. Tighter settings (growing by a fifth, or a young generation that never
 * grows) came to 135–145 MB but made each keystroke 50–55 ms, past that input's 50 ms target.
 */
export function keepHeapSmall(): void {
  setFlagsFromString(`--heap-growing-percent=${STEADY_GROWTH}`);
}

const STEADY_GROWTH = 50;
/**
 * While a whole workspace is indexed the heap only grows, and each collection marks all of it:
 * growing by half, 10,000 files took 9.2–9.7 s (five collections of up to 300 MB), growing by
 * as much again 8.3–8.7 s, with 905–918 MB resident at the end instead of 816–824
 * (bench/RESULTS.md's target is 1 GB; the idle compaction follows).
 */
const BULK_GROWTH = 100;

/** Lets the heap grow faster during bulk work (indexing), however many run at once. */
export class HeapGrowth {
  private running = 0;

  constructor(private readonly set: (percent: number) => void = (percent) => setFlagsFromString(`--heap-growing-percent=${percent}`)) {}

  async during<T>(work: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) this.set(BULK_GROWTH);
    try {
      return await work();
    } finally {
      if (--this.running === 0) this.set(STEADY_GROWTH);
    }
  }
}

/** A full collection once no work has come for IDLE_MS after LINES_BEFORE_COMPACTION lines were parsed. */
export class IdleCompaction {
  private lines = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: (message: string) => void,
    private readonly collect: () => void = garbageCollector(),
    private readonly idleMs = IDLE_MS,
    private readonly threshold = LINES_BEFORE_COMPACTION,
  ) {}

  /** Work was done (`lines` parsed): a collection follows once no work has come for a while. */
  worked(lines: number): void {
    this.lines += lines;
    clearTimeout(this.timer);
    if (this.lines < this.threshold) return;
    this.timer = setTimeout(() => void this.compact(), this.idleMs);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /**
   * One collection now, while the server is busy anyway: a large document has just come, and the
   * message that brought it left twice its text behind. Collected later, in the slices of its
   * first parse, it held one slice 89 ms (100 MB; 35–56 ms at most with this, bench/RESULTS.md).
   */
  collectNow(): void {
    this.collect();
  }

  /**
   * COLLECTIONS collections, a turn of the event loop between them: a message that comes
   * meanwhile waits for one collection at most, and new work stops the rest.
   */
  private async compact(): Promise<void> {
    const lines = this.lines;
    this.lines = 0;
    const started = performance.now();
    let done = 0;
    while (done < COLLECTIONS && this.lines === 0) {
      this.collect();
      done++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { rss } = process.memoryUsage();
    this.log(`memory compacted after ${lines} lines parsed: ${done} collections, ${Math.round(performance.now() - started)} ms, ${Math.round(rss / 1e6)} MB resident`);
  }
}

/**
 * Collections in a compaction: the first frees what is dead, the next move what lives out of
 * half-empty pages and give those back. With 10 MB open after 200 edits: 157–166 MB idle after
 * one, 146–150 after two, 140–145 after three (each about 40 ms, while nothing waits).
 */
const COLLECTIONS = 3;

/** V8's own collector, which Node exposes only behind a flag (set here, for a fresh context). */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
