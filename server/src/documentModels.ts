/**
 * One parsed model per open document, reused until the document's version changes. Each
 * document keeps the facts of its lines between versions, so a re-parse after an edit
 * reads again only the lines the edit touched.
 */
import type { LineDocument } from './lineDocument';
import { LineFactsCache } from './parser/lineFacts';
import type { NotesDocument } from './parser/model';
import { DEFAULT_FORMAT, parseNotes, type FormatOptions } from './parser/parseNotes';

interface Entry {
  version: number;
  model: NotesDocument;
  readonly cache: LineFactsCache;
}

export class DocumentModels {
  private readonly entries = new Map<string, Entry>();
  private format: FormatOptions = DEFAULT_FORMAT;

  /** How talk lines are read (`confnotes.format.*`); a change makes every model be parsed again. */
  useFormat(format: FormatOptions): void {
    if (format === this.format) return;
    this.format = format;
    for (const entry of this.entries.values()) entry.version = -1;
  }

  get(document: LineDocument): NotesDocument {
    let entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.model;
    const cache = entry?.cache ?? new LineFactsCache();
    entry = { version: document.version, model: parseNotes(document.text, { cache, format: this.format }), cache };
    this.entries.set(document.uri, entry);
    return entry.model;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
