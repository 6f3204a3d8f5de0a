/**
 * Fills the WorkspaceIndex and the SearchIndex from the workspace's files (`NotesFiles`): lists the folders' files matching
 * `confnotes.files`, reads and summarizes them one at a time, yielding between files so
 * that requests for the open file are answered while a large workspace is indexed.
 */
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { isWalkedPath, LARGEST_INDEXED_FILE, relativePathIn, type NotesFiles, type NotesRead } from '../io/notesFiles';
import { DEFAULT_FORMAT, parseSteps, type FormatOptions } from '../parser/parseNotes';
import { runInSlices, SLICE_MS } from './slices';
import { summarize } from '../workspace/fileSummary';
import type { SearchService } from './searchService';
import { nextTurn } from './nextTurn';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Files read at once while the parser works on those already read. */
const READ_AHEAD = 8;

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  end(): void;
  readonly cancelled: boolean;
}

export class Indexer {
  private folders: string[] = [];
  private globs: readonly string[] = [];
  private matches: (relativePath: string) => boolean = () => false;
  /** Bumped when folders or patterns change: a walk of an older generation stops. */
  private generation = 0;
  /**
   * The latest read or deletion asked for, per file (kept after it is done). Reads finish out of
   * order (a change event arrives while the start-up walk reads the same file): only the latest
   * one may touch the index.
   */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 0;
  /** How talk lines are read (`confnotes.reading.*`). */
  format: FormatOptions = DEFAULT_FORMAT;

  constructor(
    private readonly files: NotesFiles,
    private readonly index: WorkspaceIndex,
    private readonly search: SearchService,
    private readonly log: (message: string) => void,
    /** Lines parsed, after each file (for IdleCompaction). */
    private readonly parsed: (lines: number) => void = () => undefined,
    /** The tests make every step of a parse a turn of its own. */
    private readonly sliceMs = SLICE_MS,
  ) {}

  configure(folderUris: readonly string[], patterns: readonly string[]): void {
    this.folders = folderUris.filter((u) => this.files.serves(u));
    this.globs = patterns;
    this.matches = picomatch([...patterns], { dot: true });
    this.generation++;
  }

  /** Is this file one the index keeps (in a workspace folder, where a walk reaches, matching `confnotes.files`)? */
  wants(uri: string): boolean {
    if (!this.files.serves(uri)) return false;
    return this.folders.some((folder) => {
      const relative = relativePathIn(folder, uri);
      return relative !== null && isWalkedPath(relative) && this.matches(relative);
    });
  }

  /**
   * Reads every matching file of every folder, replacing what the index held from disk.
   * `superseded`: folders or patterns changed meanwhile, and a newer indexing is under way.
   */
  async indexAll(progress: IndexProgress | null): Promise<'done' | 'cancelled' | 'superseded'> {
    const generation = this.generation;
    const started = Date.now();
    // What was indexed for search before this indexing (stats are counted from the last ask).
    await this.search.stats();
    const files: string[] = [];
    const walkStarted = this.nextTicket;
    for (const folder of this.folders) files.push(...(await this.files.list(folder, this.globs, this.matches, () => generation === this.generation)));
    if (generation !== this.generation) return 'superseded';
    const wanted = new Set(files);
    // Files the walk did not see leave the index, unless an event since said otherwise.
    // Caught by the property test: a file created during the walk, its event handled first, was dropped.
    for (const uri of this.index.diskUris()) if (!wanted.has(uri) && (this.tickets.get(uri) ?? 0) <= walkStarted) this.delete(uri);
    progress?.begin(files.length);
    const pending: Array<{ uri: string; ticket: number; read: Promise<NotesRead> }> = [];
    let nextToRead = 0;
    const readNext = () => {
      if (nextToRead >= files.length) return;
      const uri = files[nextToRead++];
      pending.push({ uri, ticket: this.ticket(uri), read: this.files.read(uri, LARGEST_INDEXED_FILE) });
    };
    for (let i = 0; i < READ_AHEAD; i++) readNext();
    let done = 0;
    while (pending.length > 0) {
      if (generation !== this.generation || progress?.cancelled) break;
      const { uri, ticket, read } = pending.shift()!;
      readNext();
      await this.apply(uri, ticket, await read);
      if (++done % 25 === 0) progress?.report(done, files.length);
      // Requests waiting behind the indexing run here.
      await nextTurn();
    }
    progress?.end();
    if (generation !== this.generation) return 'superseded';
    // Search indexes the words in its own thread: done once it has answered this.
    const stats = await this.search.stats();
    const search = `search: ${Math.round(stats.ms)} ms, ${Math.round(stats.bytes / 1e5) / 10} MB, ${stats.words} words`;
    this.log(`indexed ${done} of ${files.length} notes files in ${Date.now() - started} ms (${search})${done < files.length ? ' (cancelled)' : ''}`);
    return done < files.length ? 'cancelled' : 'done';
  }

  /** A watched file was created or changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    if (!this.wants(uri)) return;
    const ticket = this.ticket(uri);
    await this.apply(uri, ticket, await this.files.read(uri, LARGEST_INDEXED_FILE));
  }

  /** A watched file or folder was deleted: it and everything under it leave the index. */
  fileDeleted(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    // A read of it under way may have started before the deletion: it is void.
    // Caught by the property test: a file deleted while the first indexing read it stayed in the index.
    for (const known of [...this.tickets.keys()]) if (known === uri || known.startsWith(prefix)) this.ticket(known);
    for (const known of this.index.diskUris()) if (known === uri || known.startsWith(prefix)) this.delete(known);
  }

  private delete(uri: string): void {
    this.ticket(uri);
    this.index.deleteFromDisk(uri);
    this.search.deleteFromDisk(uri);
  }

  private ticket(uri: string): number {
    const ticket = ++this.nextTicket;
    this.tickets.set(uri, ticket);
    return ticket;
  }

  private async apply(uri: string, ticket: number, read: NotesRead): Promise<void> {
    if (this.tickets.get(uri) !== ticket) return;
    if ('text' in read) {
      // In slices: a file of tens of megabytes takes seconds, and requests must not wait for it.
      const doc = await runInSlices(parseSteps(read.text, { links: false, bullets: false, format: this.format }), () => this.tickets.get(uri) === ticket, this.sliceMs);
      // Read again (changed on disk) or deleted meanwhile: that newer ticket decides.
      if (!doc) return;
      this.parsed(doc.lines.lineCount);
      this.index.setFromDisk(summarize(uri, doc));
      this.search.setFromDisk(uri, doc, read.text);
      return;
    }
    if ('error' in read) this.log(`${displayName(uri)}: not indexed: ${read.error}`);
    this.index.deleteFromDisk(uri);
    this.search.deleteFromDisk(uri);
  }
}

/** A file as the log names it: its path, for files on the disk. */
function displayName(uri: string): string {
  return uri.startsWith('file:') ? URI.parse(uri).fsPath : uri;
}
