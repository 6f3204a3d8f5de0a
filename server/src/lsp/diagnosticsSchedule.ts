/**
 * Push diagnostics, debounced per document (`confnotes.diagnostics.delay`): each open
 * document's links, its references (once the workspace is indexed) and what online checks
 * found. Owns when documents are checked again: after an edit, when settings change, and when
 * names change elsewhere in the workspace (references may resolve differently).
 */
import { CodeLensRefreshRequest, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Configuration, LinkOptions } from './configuration';
import { linkDiagnostics } from '../features/diagnostics/linkDiagnostics';
import { onlineDiagnostics } from '../features/diagnostics/onlineDiagnostics';
import { referenceDiagnostics } from '../features/diagnostics/referenceDiagnostics';
import type { Lifecycle } from './lifecycle';
import type { NotesWorkspace } from './notesWorkspace';
import type { OnlineChecks } from './onlineChecks';
import type { OpenDocuments } from './openDocuments';
import { LONGEST_LINE_SEARCHED_FOR_LINKS } from '../parser/lineFacts';
import type { NotesDocument } from '../parser/model';
import { OutlineChangedNotification } from '../protocol/requests';

/** As many as VS Code shows for one file. */
const DIAGNOSTICS_PER_FILE = 1000;
/** Changes to the index are acted on (diagnostics, code lenses, the view) this long after the last one. */
const INDEX_SETTLE_MS = 150;

export class DiagnosticsSchedule {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped when a title, session or reference changes anywhere: reference diagnostics may change. */
  private namesVersion = 0;
  /** The names version each open document's reference diagnostics were computed with. */
  private readonly validatedWith = new Map<string, number>();
  private readonly toldAboutLongLines = new Set<string>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The client can be told to ask for code lenses again. */
  canRefreshCodeLenses = false;

  constructor(
    private readonly connection: Connection,
    private readonly open: OpenDocuments,
    private readonly configuration: Configuration,
    private readonly workspace: NotesWorkspace,
    private readonly online: () => OnlineChecks,
    private readonly lifecycle: Lifecycle,
  ) {
    const { documents } = open;
    documents.onDidOpen((e) => void this.schedule(e.document.uri, true));
    documents.onDidChangeContent((e) => void this.schedule(e.document.uri, false));
    documents.onDidClose((e) => this.closed(e.document.uri));
    workspace.index.onDidChange((change) => {
      if (!change.names) return;
      this.namesVersion++;
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => this.namesSettled(), INDEX_SETTLE_MS);
    });
    // The end of the first indexing is news even when no notes file was found.
    void workspace.firstIndexing.then(() => {
      this.namesVersion++;
      this.namesSettled();
    });
  }

  /** Checks a document again: at once, or once typing pauses. */
  async schedule(uri: string, immediately: boolean): Promise<void> {
    clearTimeout(this.timers.get(uri));
    const delay = immediately ? 0 : (await this.configuration.forUri(uri)).diagnosticsDelay;
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, delay));
  }

  /** Every open document, at once (settings or the reading of the notes changed). */
  scheduleAll(): void {
    for (const document of this.open.all()) void this.schedule(document.uri, true);
  }

  /** Every diagnostic of a document: its links, its references, what the online check found. */
  diagnosticsOf(model: NotesDocument, options: LinkOptions): Diagnostic[] {
    return [
      ...linkDiagnostics(model, options, DIAGNOSTICS_PER_FILE),
      // Before the first indexing ends, every reference would look unresolved; the end of it is a names change.
      ...(this.workspace.isIndexed ? referenceDiagnostics(model, this.workspace.index, options).slice(0, DIAGNOSTICS_PER_FILE) : []),
      ...onlineDiagnostics(model, this.online().verdicts, options).slice(0, DIAGNOSTICS_PER_FILE),
    ];
  }

  private async validate(uri: string): Promise<void> {
    const document = this.open.get(uri);
    if (!document) return;
    const options = await this.configuration.linkOptionsFor(uri);
    const model = await this.open.modelOf(document);
    // The document may have changed or closed while settings were read or it was parsed.
    if (this.open.get(uri)?.version !== document.version) return;
    await this.open.syncToIndex(uri, true);
    this.validatedWith.set(uri, this.workspace.isIndexed ? this.namesVersion : -1);
    await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: this.diagnosticsOf(model, options) });
    if (model.linesNotSearchedForLinks.length > 0 && !this.toldAboutLongLines.has(uri)) {
      this.toldAboutLongLines.add(uri);
      // A notification: showInformationMessage would be a request, and clients without it answer with an error.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: longLinesMessage(uri, model.linesNotSearchedForLinks) });
    }
  }

  /**
   * Names changed somewhere: other files' references may resolve differently, counts of
   * references change, the outline changes. Acted on once changes settle.
   */
  private namesSettled(): void {
    if (!this.workspace.isIndexed || this.lifecycle.isShutDown) return;
    for (const document of this.open.all()) {
      if (this.validatedWith.get(document.uri) === this.namesVersion) continue;
      void this.open.modelOf(document).then((model) => {
        if (model.references.length > 0) void this.schedule(document.uri, true);
      });
    }
    if (this.canRefreshCodeLenses) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    void this.connection.sendNotification(OutlineChangedNotification, {});
  }

  /** A document closed: nothing of it is scheduled, and its diagnostics go. */
  private closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.toldAboutLongLines.delete(uri);
    this.validatedWith.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function longLinesMessage(uri: string, lines: readonly number[]): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const which = lines.length === 1 ? `line ${lines[0] + 1} is` : `${lines.length} lines (the first is line ${lines[0] + 1}) are`;
  return `Conference Notes: in ${name}, ${which} longer than ${LONGEST_LINE_SEARCHED_FOR_LINKS.toLocaleString('en')} characters; links in such lines are not looked for.`;
}
