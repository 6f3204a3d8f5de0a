/**
 * What the server needs of where it runs, given to `startServer` by the entry point: Node's
 * (node/nodePlatform.ts: the disk, a search thread, memory care, online checks) or a browser
 * worker's (browser/browserPlatform.ts: only what the client serves, search in the worker,
 * no online checks). Everything in lsp/ is the same in both.
 */
import type { checkLinks } from '../linkCheck/linkChecker';
import type { LinkCache } from '../linkCheck/linkCache';
import type { NotesFiles } from '../io/notesFiles';
import type { StartSearch } from './searchService';

export interface ServerPlatform {
  /** Where the server runs, for its first log line. */
  readonly name: string;
  /** The files the server reads itself (the disk), or null where it reads none (a browser: the client serves them). */
  readonly ownFiles: ((log: (message: string) => void) => NotesFiles) | null;
  /** Where Search Notes' index runs. */
  readonly startSearch: StartSearch;
  /** Gives memory back once parsing stops (V8's heap as it is, where absent). */
  readonly compaction?: (log: (message: string) => void) => Compaction;
  /** Lets the heap grow faster while a workspace is indexed. */
  readonly heapGrowth?: HeapRoom;
  /** Online link checks, or why they cannot run here (said to the user who asks for one). */
  readonly online: OnlineCheckPlatform | { readonly unavailable: string };
}

export interface Compaction {
  /** Work was done (`lines` parsed): memory is compacted once no work has come for a while. */
  worked(lines: number): void;
  /** A large document has just come: collect now, while the server is busy anyway. */
  collectNow(): void;
}

export interface HeapRoom {
  during<T>(work: () => Promise<T>): Promise<T>;
}

/** The online checker and its cache of verdicts (linkCheck/), which need Node's network and disk. */
export interface OnlineCheckPlatform {
  readonly checkLinks: typeof checkLinks;
  /** The verdicts kept in `folder` (the client's, or the platform's cache folder when it names none). */
  cache(folder: string | undefined): LinkCache;
}
