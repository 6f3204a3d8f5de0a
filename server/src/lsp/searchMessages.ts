/** What the server's main thread and the search worker say to each other (searchService.ts, searchWorker.ts). */
import type { QueryWord, RankedPage } from '../search/searchIndex';
import type { PlannedPassage } from '../search/searchPassages';

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
