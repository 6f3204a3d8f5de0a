/**
 * Glue between the client's workspace and the WorkspaceIndex: the first indexing, re-indexing
 * when folders or `confnotes.files` change, watched-file events, progress, waiting for the
 * index, and open documents' text (which wins over their disk copies).
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  WatchKind,
  type CancellationToken,
  type Connection,
  type Disposable,
  type FileEvent,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import type { Compaction, HeapRoom } from './platform';
import type { ClientAbilities } from './clientAbilities';
import { Indexer, type IndexProgress } from './indexer';
import { LARGEST_INDEXED_FILE, type NotesFiles } from '../io/notesFiles';
import { SearchService, type StartSearch } from './searchService';
import { runInSlices } from './slices';
import { parseNotes, type FormatOptions } from '../parser/parseNotes';
import type { NotesDocument } from '../parser/model';
import { documentNames, sameNames, summarySteps, type DocumentNames } from '../workspace/fileSummary';
import { canonicalUri, WorkspaceIndex } from '../workspace/workspaceIndex';

/** Workspaces with at least this many notes files show indexing progress. */
const FILES_WORTH_A_PROGRESS_BAR = 50;

export class NotesWorkspace {
  readonly index = new WorkspaceIndex();
  /** The words of every file, for Search Notes (in a thread of its own); open documents join it when a search asks. */
  readonly search: SearchService;
  private readonly indexer: Indexer;
  private patterns: readonly string[] | null = null;
  private watching: Promise<Disposable> | null = null;
  private indexed = false;
  private markIndexed: () => void = () => {};
  /** Resolves when the first indexing is done (the one that was not superseded by another). */
  readonly firstIndexing = new Promise<void>((resolve) => (this.markIndexed = resolve));
  /** Watched-file events, one batch at a time in the order they came. */
  private events: Promise<void> = Promise.resolve();
  /** The version of each open document the index holds, and its names then (`documentNames`). */
  private readonly openVersions = new Map<string, { version: number; names: DocumentNames }>();

  private abilities: Pick<ClientAbilities, 'watchesFiles' | 'showsProgress'> = { watchesFiles: false, showsProgress: false };
  private folders: readonly string[] = [];

  constructor(
    private readonly connection: Connection,
    /** Where the workspace's files are listed and read. */
    readonly files: NotesFiles,
    /** Where Search Notes' index runs. */
    startSearch: StartSearch,
    compaction?: Compaction,
    /** Room for the heap while a whole workspace is read (none given: V8's as it is). */
    private readonly heap?: HeapRoom,
  ) {
    this.search = new SearchService(
      startSearch,
      (message) => connection.console.error(message),
      () => void this.reindexAll(),
    );
    this.indexer = new Indexer(files, this.index, this.search, (message) => connection.console.info(message), (lines) => compaction?.worked(lines));
  }

  /** What the client can do, and its workspace folders (from `initialize`). */
  configure(abilities: Pick<ClientAbilities, 'watchesFiles' | 'showsProgress'>, folders: readonly string[]): void {
    this.abilities = abilities;
    this.folders = folders;
  }

  /** Has the first indexing of the workspace finished (so that every reference can be resolved)? */
  get isIndexed(): boolean {
    return this.indexed;
  }

  /** Indexes the files matching the patterns (again, if they changed) and watches them. */
  async useFiles(patterns: readonly string[]): Promise<void> {
    if (this.patterns !== null && patterns.join('\0') === this.patterns.join('\0')) return;
    this.patterns = patterns;
    this.watch(patterns);
    await this.reindex();
  }

  /** How talk lines are read (`confnotes.reading.*`): a change reads every file again. */
  async useFormat(format: FormatOptions): Promise<void> {
    if (format === this.indexer.format) return;
    this.indexer.format = format;
    this.search.forgetOpenVersions();
    await this.reindex();
  }

  async foldersChanged(added: readonly string[], removed: readonly string[]): Promise<void> {
    this.folders = [...this.folders.filter((f) => !removed.includes(f)), ...added];
    await this.reindex();
  }

  filesChanged(changes: readonly FileEvent[]): Promise<void> {
    this.events = this.events.then(async () => {
      for (const change of changes) {
        if (change.type === FileChangeType.Deleted) this.indexer.fileDeleted(change.uri);
        else await this.indexer.fileChanged(change.uri);
      }
    });
    return this.events;
  }

  /**
   * The index takes an open document's text, or — `namesOnly` — only if its names changed since
   * it last did (other files may refer to them). Summarizing a 10 MB file costs more than
   * parsing it: typing in a bullet leaves the summary behind until an answer needs positions.
   */
  async takeOpen(documentUri: string, version: number, model: NotesDocument, namesOnly: boolean, stillOpen: () => boolean): Promise<void> {
    const uri = canonicalUri(documentUri);
    const held = this.openVersions.get(uri);
    if (held && held.version >= version) return;
    if (namesOnly && held && sameNames(model, held.names)) return;
    const names = documentNames(model);
    // In slices: a 100 MB document's summary takes a quarter of a second.
    const summary = await runInSlices(summarySteps(uri, model), stillOpen);
    const now = this.openVersions.get(uri);
    if (!summary || !stillOpen() || (now && now.version >= version)) return;
    this.openVersions.set(uri, { version, names });
    this.index.setOpen(summary);
  }

  /** Search takes an open document's version (indexing its words costs a parse: only when a search asks). */
  takeOpenForSearch(documentUri: string, version: number, model: NotesDocument): void {
    this.search.takeOpen(canonicalUri(documentUri), version, model);
  }

  /** Has the file changed on disk since it was read (`chars`: the length of its text now)? Then it is read again. */
  changedOnDisk(uri: string, chars: number): void {
    const held = this.search.diskCharsOf(uri);
    if (held !== undefined && held !== chars) void this.filesChanged([{ uri, type: FileChangeType.Changed }]);
  }

  /** A file of the index as it is on disk, parsed with its links; null if it cannot be read. */
  async parseFromDisk(uri: string): Promise<NotesDocument | null> {
    const read = await this.files.read(uri, LARGEST_INDEXED_FILE);
    return 'text' in read ? parseNotes(read.text, { format: this.indexer.format }) : null;
  }

  /** A document closed: its disk copy, if any, counts again. */
  closed(documentUri: string): void {
    const uri = canonicalUri(documentUri);
    this.openVersions.delete(uri);
    this.index.close(uri);
    this.search.close(uri);
  }

  /** Resolves once the first indexing is done; rejects as cancelled if the request is cancelled first. */
  async whenIndexed(token: CancellationToken): Promise<void> {
    if (this.indexed) return;
    await new Promise<void>((resolve, reject) => {
      const listener = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled while the workspace was indexed')));
      void this.firstIndexing.then(() => {
        listener.dispose();
        resolve();
      });
    });
  }

  /** Reads every file again, whatever changed (the search index was lost). */
  private async reindexAll(): Promise<void> {
    this.indexer.configure(this.folders, this.patterns ?? []);
    await this.reindex();
  }

  private async reindex(): Promise<void> {
    if (this.patterns === null) return;
    this.indexer.configure(this.folders, this.patterns);
    let outcome = 'done';
    try {
      const indexAll = () => this.indexer.indexAll(this.abilities.showsProgress ? this.progress() : null);
      outcome = this.heap ? await this.heap.during(indexAll) : await indexAll();
    } catch (e) {
      this.connection.console.error(`indexing the workspace failed: ${e instanceof Error ? e.stack : e}`);
    }
    // A superseded indexing leaves the waiting to the one that replaced it.
    if (!this.indexed && outcome !== 'superseded') {
      this.indexed = true;
      this.markIndexed();
    }
  }

  private watch(patterns: readonly string[]): void {
    if (!this.abilities.watchesFiles) return;
    void this.watching?.then((d) => d.dispose(), () => undefined);
    // Deleting a folder is one event for the folder, which the notes patterns do not match.
    const watchers = [...patterns.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }];
    this.watching = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    this.watching.catch((e) => this.connection.console.warn(`could not watch notes files: ${e}`));
  }

  private progress(): IndexProgress {
    const connection = this.connection;
    let reporter: Promise<WorkDoneProgressServerReporter | null> | null = null;
    let cancelled = false;
    return {
      begin: (total) => {
        if (total < FILES_WORTH_A_PROGRESS_BAR) return;
        reporter = connection.window.createWorkDoneProgress().then(
          (r) => {
            r.begin('Indexing notes', 0, `0 of ${total} files`, true);
            r.token.onCancellationRequested(() => (cancelled = true));
            return r;
          },
          () => null,
        );
      },
      report: (done, total) => void reporter?.then((r) => r?.report(Math.round((done / total) * 100), `${done} of ${total} files`)),
      end: () => void reporter?.then((r) => r?.done()),
      get cancelled() {
        return cancelled;
      },
    };
  }
}
