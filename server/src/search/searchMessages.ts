/**
 * What the server and its search index say to each other, and how the index answers: the same
 * messages whether the index runs in a thread of its own (node/searchWorker.ts) or in the
 * server's (a browser's worker).
 */
import { SearchIndex, type QueryWord, type RankedPage } from './searchIndex';
import type { PlannedPassage } from './searchPassages';

export type ToSearch =
  | { readonly op: 'disk'; readonly uri: string; readonly text: string; readonly passages: readonly PlannedPassage[] }
  | { readonly op: 'deleteDisk'; readonly uri: string }
  | { readonly op: 'open'; readonly uri: string; readonly version: number; readonly text: string; readonly passages: readonly PlannedPassage[] }
  | { readonly op: 'close'; readonly uri: string }
  | { readonly op: 'match'; readonly id: number; readonly words: readonly QueryWord[]; readonly titleOnly: boolean; readonly ranks: number }
  | { readonly op: 'stats'; readonly id: number };

export interface SearchStats {
  /** Time spent indexing files read from disk since the last stats. */
  readonly ms: number;
  /** Typed arrays held (SearchIndex.bytes). */
  readonly bytes: number;
  readonly words: number;
}

export type FromSearch = { readonly id: number; readonly page: RankedPage } | { readonly id: number; readonly stats: SearchStats } | { readonly id: number; readonly error: string };

/** An index and what it answers to messages, wherever it runs. */
export class SearchAnswerer {
  private readonly index = new SearchIndex();
  /** Time spent indexing files read from disk since the last `stats`. */
  private ms = 0;

  /** The answer to a question (`match`, `stats`); null for the messages that only tell. Errors become answers. */
  answer(m: ToSearch): FromSearch | null {
    try {
      return this.handle(m);
    } catch (e) {
      return 'id' in m ? { id: m.id, error: e instanceof Error ? e.message : String(e) } : null;
    }
  }

  private handle(m: ToSearch): FromSearch | null {
    switch (m.op) {
      case 'disk': {
        const t = performance.now();
        this.index.setFromDisk(m.uri, m, m.text.length);
        this.ms += performance.now() - t;
        return null;
      }
      case 'deleteDisk':
        this.index.deleteFromDisk(m.uri);
        return null;
      case 'open':
        this.index.setOpen(m.uri, m.version, m);
        return null;
      case 'close':
        this.index.close(m.uri);
        return null;
      case 'match':
        return { id: m.id, page: this.index.page(m.words, m.titleOnly, m.ranks) };
      case 'stats': {
        const stats = { ms: this.ms, bytes: this.index.bytes(), words: this.index.words };
        this.ms = 0;
        return { id: m.id, stats };
      }
    }
  }
}
