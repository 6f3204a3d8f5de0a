/**
 * The server's side of Search Notes: sends files read from disk and open documents to the
 * search index and asks it for ranked passages. Where the index runs is the platform's
 * (`StartSearch`): a thread of its own on Node (node/searchThread.ts), the server's own thread in
 * a browser's worker. The index starts with the first file sent (a server for one open file and
 * no workspace folder pays nothing); one that stops is started again and every file read again
 * (`onLost`) — unless it stopped STOPS_BEFORE_GIVING_UP times in a minute, when starting it
 * again would only read the workspace again and again: then Search Notes says it is off.
 */
import type { PassageSearch } from '../search/notesSearch';
import type { NotesDocument } from '../parser/model';
import { SearchAnswerer, type FromSearch, type SearchStats, type ToSearch } from '../search/searchMessages';
import type { QueryWord, RankedPage } from '../search/searchIndex';
import { planPassages } from '../search/searchPassages';

/** A running index: it takes messages, and answers through the `replies` it was started with. */
export interface SearchThread {
  post(message: ToSearch): void;
}

/** Starts an index; `stopped` is called if it ever stops by itself (a thread that died). */
export type StartSearch = (replies: (reply: FromSearch) => void, stopped: (why: string) => void) => SearchThread;

/** The index in the server's own thread: where no other thread can be had, or is not worth one. */
export const searchInThisThread: StartSearch = (replies) => {
  const answerer = new SearchAnswerer();
  return {
    post(message) {
      const reply = answerer.answer(message);
      // Answered after the asker has started waiting, as a thread's answer is.
      if (reply) queueMicrotask(() => replies(reply));
    },
  };
};

type Pending = { resolve: (reply: FromSearch) => void; reject: (error: Error) => void };

export const STOPS_BEFORE_GIVING_UP = 3;
const STOPS_WINDOW_MS = 60_000;

export class SearchService implements PassageSearch {
  private thread: SearchThread | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** When the index stopped lately; why it is off for good, once it stopped too often. */
  private readonly stops: number[] = [];
  private off: string | null = null;
  /** The text length of each file as read from disk, to notice a file changed since. */
  private readonly diskChars = new Map<string, number>();
  private readonly openVersions = new Map<string, number>();

  constructor(
    private readonly startIndex: StartSearch,
    private readonly log: (message: string) => void,
    /** The index was lost (its thread died) and started again empty: every file must be sent again. */
    private readonly onLost: () => void = () => undefined,
  ) {}

  setFromDisk(uri: string, doc: NotesDocument, text: string): void {
    this.diskChars.set(uri, text.length);
    this.send({ op: 'disk', uri, text, passages: planPassages(doc) });
  }

  deleteFromDisk(uri: string): void {
    if (this.diskChars.delete(uri)) this.send({ op: 'deleteDisk', uri });
  }

  /** An open document's version; sent only if it is not the one search has. */
  takeOpen(uri: string, version: number, doc: NotesDocument): void {
    if (this.openVersions.get(uri) === version) return;
    this.openVersions.set(uri, version);
    this.send({ op: 'open', uri, version, text: doc.text, passages: planPassages(doc) });
  }

  /** Open documents are parsed again (how talk lines are read changed): send them again on the next search. */
  forgetOpenVersions(): void {
    this.openVersions.clear();
  }

  close(uri: string): void {
    if (this.openVersions.delete(uri)) this.send({ op: 'close', uri });
  }

  /** The text length a file was read from disk with, unless it is open. */
  diskCharsOf(uri: string): number | undefined {
    return this.openVersions.has(uri) ? undefined : this.diskChars.get(uri);
  }

  async match(words: readonly QueryWord[], titleOnly: boolean, ranks: number): Promise<RankedPage> {
    if (this.off) throw new Error(this.off);
    if (!this.thread) return { count: 0, passages: [], meanings: words.map(() => []) };
    const reply = await this.ask((id) => ({ op: 'match', id, words, titleOnly, ranks }));
    if ('page' in reply) return reply.page;
    throw new Error('error' in reply ? reply.error : 'no page');
  }

  /** Answered once every file sent before has been indexed. */
  async stats(): Promise<SearchStats> {
    if (this.off || !this.thread) return { ms: 0, bytes: 0, words: 0 };
    const reply = await this.ask((id) => ({ op: 'stats', id }));
    if ('stats' in reply) return reply.stats;
    throw new Error('error' in reply ? reply.error : 'no stats');
  }

  private start(): SearchThread {
    const thread: SearchThread = this.startIndex(
      (reply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        waiting?.resolve(reply);
      },
      (why) => {
        if (this.thread === thread) this.stopped(why);
      },
    );
    this.thread = thread;
    return thread;
  }

  /** The index stopped by itself: what waited for it is refused, and it starts again with every file — unless it stops too often. */
  private stopped(why: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error('the search index stopped; search again'));
    this.pending.clear();
    this.diskChars.clear();
    this.openVersions.clear();
    this.thread = null;
    const now = Date.now();
    this.stops.push(now);
    while (now - this.stops[0] > STOPS_WINDOW_MS) this.stops.shift();
    if (this.stops.length >= STOPS_BEFORE_GIVING_UP) {
      this.off = `Search Notes is off: its index stopped ${this.stops.length} times in a minute (last: ${why}); restart the server to try again`;
      this.log(this.off);
      return;
    }
    this.log(`the search index stopped (${why}); starting it again and reading every file again`);
    this.onLost();
  }

  private send(message: ToSearch): void {
    if (this.off) return;
    (this.thread ?? this.start()).post(message);
  }

  private ask(make: (id: number) => ToSearch): Promise<FromSearch> {
    const message = make(++this.nextId);
    return new Promise((resolve, reject) => {
      this.pending.set(this.nextId, { resolve, reject });
      this.send(message);
    });
  }
}
