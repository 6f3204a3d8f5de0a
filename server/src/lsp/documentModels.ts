/**
 * One parsed model per open document, reused until the document's version changes. Each
 * document keeps the facts of its lines between versions, so a re-parse after an edit
 * reads again only the lines the edit touched. Large documents are parsed in slices
 * (slices.ts): while one is parsed, requests about other documents are answered.
 */
import type { LineDocument } from './lineDocument';
import { LineFactsCache } from '../parser/lineFactsCache';
import type { NotesDocument } from '../parser/model';
import { DEFAULT_FORMAT, parseNotes, parseSteps, type FormatOptions } from '../parser/parseNotes';
import { runInSlices, SLICE_MS } from './slices';

/**
 * Documents with more lines are parsed in slices. Below it a parse takes a few tens of
 * milliseconds with its line facts cached, and slicing would only delay the answer.
 */
export const SLICED_FROM_LINES = 100_000;

interface SlicedParse {
  readonly version: number;
  done: Promise<NotesDocument>;
}

interface Entry {
  version: number;
  model: NotesDocument | undefined;
  readonly cache: LineFactsCache;
  /** The sliced parse under way. */
  parsing?: SlicedParse;
  /** The newest version asked for: those waiting on a parse that was dropped get its model. */
  newest?: LineDocument;
}

/** What the server's memory keeping hears of the parses (the platform's `Compaction`: node/serverMemory.ts). */
export interface ParseWatcher {
  /** After each parse: how many lines (work done, for IdleCompaction). */
  parsed(lines: number): void;
  /** Before a large document's first parse. */
  largeDocumentCame(): void;
}

const NO_WATCHER: ParseWatcher = { parsed: () => undefined, largeDocumentCame: () => undefined };

export class DocumentModels {
  private readonly entries = new Map<string, Entry>();
  private format: FormatOptions = DEFAULT_FORMAT;

  constructor(
    private readonly watcher: ParseWatcher = NO_WATCHER,
    private readonly log: (message: string) => void = () => undefined,
    /** The tests slice every document, one step of a few lines a turn. */
    private readonly slicing: { fromLines: number; sliceMs: number; linesPerStep?: number } = { fromLines: SLICED_FROM_LINES, sliceMs: SLICE_MS },
  ) {}

  /** How talk lines are read (`confnotes.reading.*`); a change makes every model be parsed again. */
  useFormat(format: FormatOptions): void {
    if (format === this.format) return;
    this.format = format;
    for (const entry of this.entries.values()) {
      entry.version = -1;
      entry.parsing = undefined;
    }
  }

  /** The model of the document's version: parsed now, or in slices when the document is large. */
  get(asked: LineDocument): NotesDocument | Promise<NotesDocument> {
    const entry = this.entryOf(asked.uri);
    // An older version than one asked for before gets the newer model.
    if (!entry.newest || asked.version >= entry.newest.version) entry.newest = asked;
    const document = entry.newest;
    if (entry.version === document.version && entry.model) return entry.model;
    if (document.lineCount < this.slicing.fromLines) {
      entry.parsing = undefined;
      return this.keep(entry, document.version, parseNotes(document.text, this.optionsFor(entry, document)));
    }
    if (entry.parsing?.version === document.version) return entry.parsing.done;
    return this.parseInSlices(entry, document);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private parseInSlices(entry: Entry, document: LineDocument): Promise<NotesDocument> {
    const run: SlicedParse = { version: document.version, done: Promise.resolve(EMPTY) };
    if (entry.version < 0 && !entry.parsing) {
      this.watcher.largeDocumentCame();
      this.log(`${document.uri}: ${document.lineCount} lines, parsed in slices`);
    }
    entry.parsing = run;
    const wanted = () => entry.parsing === run && this.entries.get(document.uri) === entry;
    run.done = runInSlices(parseSteps(document.text, this.optionsFor(entry, document)), wanted, this.slicing.sliceMs).then((model) => {
      if (model) {
        if (entry.parsing === run) entry.parsing = undefined;
        return this.keep(entry, run.version, model);
      }
      // Dropped: the document closed, or a newer version (or another format) is wanted. Those
      // waiting get the newest version's model: they run on the document as it is now.
      // Caught by the property test: a parse dropped for a format change restarted its own, older version.
      if (this.entries.get(document.uri) !== entry) return EMPTY;
      return this.get(entry.newest ?? document);
    });
    return run.done;
  }

  private entryOf(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { version: -1, model: undefined, cache: new LineFactsCache() }));
    return entry;
  }

  private optionsFor(entry: Entry, document: LineDocument) {
    return { cache: entry.cache, format: this.format, lineTable: document.lines, linesPerStep: this.slicing.linesPerStep };
  }

  private keep(entry: Entry, version: number, model: NotesDocument): NotesDocument {
    if (version >= entry.version) {
      entry.version = version;
      entry.model = model;
    }
    this.watcher.parsed(model.lines.lineCount);
    return model;
  }
}

/** What those waiting for a document closed meanwhile get. */
const EMPTY = parseNotes('');
