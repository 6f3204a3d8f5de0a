/**
 * The documents the client has open: their text (as lines), their models (one parse per
 * version) and their place in the workspace index, where an open document wins over its disk copy.
 */
import { TextDocuments } from 'vscode-languageserver';
import { DocumentModels } from './documentModels';
import type { Lifecycle } from './lifecycle';
import { LineDocument } from './lineDocument';
import type { NotesWorkspace } from './notesWorkspace';
import type { NotesDocument } from './parser/model';
import type { FormatOptions } from './parser/parseNotes';

export class OpenDocuments {
  readonly documents = new TextDocuments(LineDocument);
  private readonly models = new DocumentModels();

  constructor(
    private readonly workspace: NotesWorkspace,
    private readonly lifecycle: Lifecycle,
  ) {}

  get(uri: string): LineDocument | undefined {
    return this.documents.get(uri);
  }

  all(): LineDocument[] {
    return this.documents.all();
  }

  uris(): string[] {
    return this.documents.keys();
  }

  modelOf(document: LineDocument): NotesDocument {
    return this.models.get(document);
  }

  /** How talk lines are read; a change makes every open model be parsed again. */
  useFormat(format: FormatOptions): void {
    this.models.useFormat(format);
  }

  /**
   * Runs a request on a document's model. A document the server does not have gets the empty
   * answer, never an error; any request after `shutdown` is refused, as the protocol says.
   */
  withModel<R>(uri: string, empty: R, run: (model: NotesDocument) => R): R {
    this.lifecycle.ensureRunning();
    const document = this.documents.get(uri);
    return document ? run(this.models.get(document)) : empty;
  }

  /** The index takes this open document's text (or only its names: see NotesWorkspace.takeOpen). */
  syncToIndex(uri: string, namesOnly = false): void {
    const document = this.documents.get(uri);
    if (document) this.workspace.takeOpen(uri, document.version, this.models.get(document), namesOnly);
  }

  /** Search takes every open document's current version. */
  syncToSearch(): void {
    for (const document of this.documents.all()) this.workspace.takeOpenForSearch(document.uri, document.version, this.models.get(document));
  }

  /** A document closed: its model goes, its disk copy counts again in the index. */
  closed(uri: string): void {
    this.models.forget(uri);
    this.workspace.closed(uri);
  }
}
