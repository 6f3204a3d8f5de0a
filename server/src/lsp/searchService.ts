/**
 * The main thread's side of Search Notes: sends files read from disk and open documents to the
 * search worker (dist/searchWorker.js) and asks it for ranked passages. Where the worker's file
 * is missing (the server run from source), the same index runs in this thread.
 * The worker starts with the first file sent (a server for one open file and no workspace
 * folder pays nothing); one that dies is started again and every file read again (`onLost`).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PassageSearch } from '../search/notesSearch';
import type { NotesDocument } from '../parser/model';
import type { FromSearch, SearchStats, ToSearch } from './searchMessages';
import type { QueryWord, RankedPage, SearchIndex } from '../search/searchIndex';
import { planPassages } from '../search/searchPassages';

type Pending = { resolve: (reply: FromSearch) => void; reject: (error: Error) => void };

export class SearchService implements PassageSearch {
  private worker: Worker | null = null;
  private local: { index: SearchIndex; timing: { ms: number }; handle: typeof import('./searchWorker').handle } | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** The text length of each file as read from disk, to notice a file changed since. */
  private readonly diskChars = new Map<string, number>();
  private readonly openVersions = new Map<string, number>();

  constructor(
    private readonly log: (message: string) => void,
    /** The index was lost (the worker died) and started again empty: every file must be sent again. */
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
    if (!this.started) return { count: 0, passages: [], meanings: words.map(() => []) };
    const reply = await this.ask((id) => ({ op: 'match', id, words, titleOnly, ranks }));
    if ('page' in reply) return reply.page;
    throw new Error('error' in reply ? reply.error : 'no page');
  }

  /** Answered once every file sent before has been indexed. */
  async stats(): Promise<SearchStats> {
    if (!this.started) return { ms: 0, bytes: 0, words: 0 };
    const reply = await this.ask((id) => ({ op: 'stats', id }));
    if ('stats' in reply) return reply.stats;
    throw new Error('error' in reply ? reply.error : 'no stats');
  }

  /** Has anything been sent yet (is there an index)? */
  private get started(): boolean {
    return this.worker !== null || this.local !== null;
  }

  private start(): void {
    const file = path.join(__dirname, 'searchWorker.js');
    if (!existsSync(file)) {
      // Run from source: the worker's module, in this thread (the build keeps it out of dist/server.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { handle, newIndex } = require('./searchWorker') as typeof import('./searchWorker');
      this.local = { index: newIndex(), timing: { ms: 0 }, handle };
      return;
    }
    const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    // The worker must not keep the server alive when its client has gone.
    worker.unref();
    worker.on('message', (reply: FromSearch) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    worker.on('error', (e) => this.log(`the search index failed: ${e.stack ?? e.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.log(`the search index stopped (exit ${code}); starting it again and reading every file again`);
      for (const waiting of this.pending.values()) waiting.reject(new Error('the search index stopped; search again'));
      this.pending.clear();
      this.diskChars.clear();
      this.openVersions.clear();
      this.start();
      this.onLost();
    });
    this.worker = worker;
  }

  private send(message: ToSearch): void {
    if (!this.started) this.start();
    if (this.worker) return this.worker.postMessage(message);
    this.local!.handle(this.local!.index, message, this.local!.timing);
  }

  private ask(make: (id: number) => ToSearch): Promise<FromSearch> {
    const message = make(++this.nextId);
    if (!this.worker) return Promise.resolve(this.local!.handle(this.local!.index, message, this.local!.timing)!);
    return new Promise((resolve, reject) => {
      this.pending.set(this.nextId, { resolve, reject });
      this.worker!.postMessage(message);
    });
  }
}
