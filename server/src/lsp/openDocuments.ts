/**
 * The documents the client has open: their text (as lines), their models (one parse per
 * version) and their place in the workspace index, where an open document wins over its disk copy.
 */
import { LSPErrorCodes, ResponseError, TextDocuments, type CancellationToken } from 'vscode-languageserver';
import { DocumentModels } from './documentModels';
import type { Compaction } from './platform';
import type { Lifecycle } from './lifecycle';
import { LineDocument } from './lineDocument';
import type { NotesWorkspace } from './notesWorkspace';
import type { NotesDocument } from '../parser/model';
import type { FormatOptions } from '../parser/parseNotes';
import { canonicalUri } from '../workspace/workspaceIndex';

export class OpenDocuments {
  readonly documents = new TextDocuments(LineDocument);
  private readonly models: DocumentModels;
  /** Bumped each time a document is opened: work begun for one opening must not land in the next. */
  private readonly opened = new Map<string, number>();
  private openings = 0;
  /** The client's spelling of each open document's URI, by the index's (`canonicalUri`). */
  private readonly spelt = new Map<string, string>();

  constructor(
    private readonly workspace: NotesWorkspace,
    private readonly lifecycle: Lifecycle,
    compaction?: Compaction,
    log?: (message: string) => void,
  ) {
    this.models = new DocumentModels({ parsed: (lines) => compaction?.worked(lines), largeDocumentCame: () => compaction?.collectNow() }, log);
    this.documents.onDidOpen((e) => {
      this.opened.set(e.document.uri, ++this.openings);
      this.spelt.set(canonicalUri(e.document.uri), e.document.uri);
    });
    this.documents.onDidClose((e) => this.closed(e.document.uri));
  }

  /** The open document of this file, whatever the spelling of its URI (a client's or the index's). */
  find(uri: string): LineDocument | undefined {
    return this.documents.get(uri) ?? this.documents.get(this.spelt.get(canonicalUri(uri)) ?? '');
  }

  /** A file's model: as the editor has it when it is open, else as it is on disk (null if it cannot be read). */
  async modelOrDisk(uri: string): Promise<NotesDocument | null> {
    const document = this.find(uri);
    return document ? this.models.get(document) : this.workspace.parseFromDisk(canonicalUri(uri));
  }

  get(uri: string): LineDocument | undefined {
    return this.documents.get(uri);
  }

  all(): LineDocument[] {
    return this.documents.all();
  }

  uris(): string[] {
    return this.documents.keys();
  }

  /** The model of the document's version; a large document's first parse is done in slices, so wait for it. */
  async modelOf(document: LineDocument): Promise<NotesDocument> {
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
  async withModel<R>(uri: string, empty: R, run: (model: NotesDocument) => R, token?: CancellationToken): Promise<R> {
    this.lifecycle.ensureRunning();
    const document = this.documents.get(uri);
    if (!document) return empty;
    const model = await untilCancelled(this.models.get(document), token);
    // Closed while its first parse went on.
    return this.documents.get(uri) ? run(model) : empty;
  }

  /** The index takes this open document's text (or only its names: see NotesWorkspace.takeOpen). */
  async syncToIndex(uri: string, namesOnly = false, token?: CancellationToken): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const model = await untilCancelled(this.models.get(document), token);
    // Still this document, or a newer version of it; not one closed and opened again (versions start over).
    const opening = this.opened.get(uri);
    const stillOpen = () => this.opened.get(uri) === opening && (this.documents.get(uri)?.version ?? -1) >= document.version;
    await this.workspace.takeOpen(uri, document.version, model, namesOnly, stillOpen);
  }

  /** Search takes every open document's current version. */
  async syncToSearch(): Promise<void> {
    for (const document of this.documents.all()) this.workspace.takeOpenForSearch(document.uri, document.version, await this.models.get(document));
  }

  /** A document closed: its model goes, its disk copy counts again in the index. */
  private closed(uri: string): void {
    this.opened.delete(uri);
    const canonical = canonicalUri(uri);
    if (this.spelt.get(canonical) === uri) {
      // The same file may be open under another spelling too: that one is found from now on.
      const other = this.documents.all().find((d) => d.uri !== uri && canonicalUri(d.uri) === canonical);
      if (other) this.spelt.set(canonical, other.uri);
      else this.spelt.delete(canonical);
    }
    this.models.forget(uri);
    this.workspace.closed(uri);
  }
}

/** A model still being parsed is waited for until the request is cancelled: then the answer is "cancelled" at once. */
function untilCancelled(model: NotesDocument | Promise<NotesDocument>, token: CancellationToken | undefined): NotesDocument | Promise<NotesDocument> {
  if (!(model instanceof Promise) || !token) return model;
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled while the document was parsed')));
    model.then(resolve, reject).finally(() => listener.dispose());
  });
}
