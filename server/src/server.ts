/**
 * The glue: wires LSP requests to features. No parsing or feature logic lives here.
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type Position,
  type InitializeResult,
} from 'vscode-languageserver';
import { DocumentModels } from './documentModels';
import { backlinks } from './features/backlinks';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLenses';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { linkDiagnostics } from './features/linkDiagnostics';
import { onlineDiagnostics } from './features/onlineDiagnostics';
import { overviewLines } from './features/overview';
import { referenceDiagnostics } from './features/referenceDiagnostics';
import { rename, RenameRefused, renameTarget } from './features/rename';
import { selectionRanges } from './features/selectionRanges';
import { referenceAt } from './features/targets';
import { adjacentHeading, talkItems } from './features/talks';
import { searchTalks } from './features/talkSearch';
import { outlineChildren, outlinePath } from './features/workspaceOutline';
import { workspaceSymbols } from './features/workspaceSymbols';
import { LineDocument } from './lineDocument';
import { NotesWorkspace } from './notesWorkspace';
import { CheckRefused, defaultCacheFolder, OnlineChecks } from './onlineChecks';
import type { NotesDocument } from './parser/model';
import { LONGEST_LINE_SEARCHED_FOR_LINKS } from './parser/lineFacts';
import {
  AdjacentTalkRequest,
  CheckLinksOnlineRequest,
  WorkspaceTrustNotification,
  OutlineChangedNotification,
  OutlineChildrenRequest,
  OutlinePathRequest,
  OverviewLinesRequest,
  SearchTalksRequest,
  TalksRequest,
  type InitializationOptions,
} from './protocol';
import { defaultSettings, linkOptions, readSettings, sameFormat, type Settings } from './settings';
import { canonicalUri, type WorkspaceIndex } from './workspace/workspaceIndex';

/** As many as VS Code shows for one file. */
const DIAGNOSTICS_PER_FILE = 1000;
/** Go to Talk lists at most this many per answer (it asks again as the user types). */
const TALKS_PER_SEARCH = 500;
/** Changes to the index are acted on (diagnostics, code lenses, the view) this long after the last one. */
const INDEX_SETTLE_MS = 150;

export const SERVER_NAME = 'confnotes-language-server';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(LineDocument);
  const models = new DocumentModels();
  const settingsByUri = new Map<string, Promise<Settings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let canReadConfiguration = false;
  let canRegisterConfigurationChange = false;
  let ignoreLinkCommand = false;
  let fallbackSettings = defaultSettings;
  let foldingLimit: number | undefined;
  let canRefreshCodeLenses = false;
  let canFollowFolders = false;
  const workspace = new NotesWorkspace(connection);
  let online = new OnlineChecks(connection, null, false);
  const index = workspace.index;
  /** Bumped when a title, session or reference changes anywhere: reference diagnostics may change. */
  let namesVersion = 0;
  /** The names version each open document's reference diagnostics were computed with. */
  const validatedWith = new Map<string, number>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ignoreLinkCommand = init.ignoreLinkCommand === true;
    if (init.settings !== undefined) fallbackSettings = readSettings(init.settings);
    online = new OnlineChecks(connection, typeof init.cacheFolder === 'string' ? init.cacheFolder : defaultCacheFolder(), init.trusted !== false);
    foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    const client = params.capabilities;
    canRefreshCodeLenses = client.workspace?.codeLens?.refreshSupport === true;
    canFollowFolders = client.workspace?.workspaceFolders === true;
    workspace.configure(
      { watchFiles: client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true, showProgress: client.window?.workDoneProgress === true },
      params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []),
    );
    connection.console.info(`${SERVER_NAME} ${SERVER_VERSION} for ${params.clientInfo?.name ?? 'an unnamed client'} ${params.clientInfo?.version ?? ''}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: 'Conference Notes' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['[', '#'], resolveProvider: false },
        workspaceSymbolProvider: true,
        selectionRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  // Clients send setting changes only to servers that register for them (VS Code among them).
  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      connection.client.register(DidChangeConfigurationNotification.type, undefined).catch((e) => connection.console.warn(`could not register for setting changes: ${e}`));
    }
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => void workspace.foldersChanged(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
    }
    void workspaceSettings().then(useWorkspaceSettings);
  });
  /** Settings that hold for the whole workspace: which files are notes, how talk lines are read. */
  const useWorkspaceSettings = async (settings: Settings) => {
    if (!sameFormat(settings.format, formatInUse)) {
      formatInUse = settings.format;
      models.useFormat(settings.format);
      for (const document of documents.all()) void scheduleValidation(document.uri, true);
      void workspace.useFormat(settings.format);
    }
    await workspace.useFiles(settings.files);
  };
  let formatInUse = defaultSettings.format;
  // The end of the first indexing is news even when no notes file was found.
  void workspace.firstIndexing.then(() => {
    namesVersion++;
    namesSettled();
  });

  const workspaceSettings = (): Promise<Settings> =>
    canReadConfiguration
      ? connection.workspace.getConfiguration('confnotes').then((raw) => (raw === null || raw === undefined ? fallbackSettings : readSettings(raw)), () => fallbackSettings)
      : Promise.resolve(fallbackSettings);

  connection.onDidChangeWatchedFiles((params) => void workspace.filesChanged(params.changes));

  /** The index takes this open document's text (or only its names: see NotesWorkspace.takeOpen). */
  const syncOpen = (uri: string, namesOnly = false) => {
    const document = documents.get(uri);
    if (document) workspace.takeOpen(uri, document.version, models.get(document), namesOnly);
  };

  // Names changed somewhere: other files' references may resolve differently, counts of
  // references change, the outline changes. Acted on once changes settle.
  const namesSettled = () => {
    if (!workspace.isIndexed || shutDown) return;
    for (const document of documents.all()) {
      if (validatedWith.get(document.uri) !== namesVersion && models.get(document).references.length > 0) void scheduleValidation(document.uri, true);
    }
    if (canRefreshCodeLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    void connection.sendNotification(OutlineChangedNotification, {});
  };
  let settleTimer: NodeJS.Timeout | undefined;
  index.onDidChange((change) => {
    if (!change.names) return;
    namesVersion++;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(namesSettled, INDEX_SETTLE_MS);
  });

  /**
   * Workspace-wide answers wait for the first indexing (or the request's cancellation), with
   * every open document's text in the index — or, `namesOnly`, with their names current (for
   * answers that take positions from the document itself).
   */
  const indexFor = async (token: CancellationToken, namesOnly = false): Promise<WorkspaceIndex> => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    await workspace.whenIndexed(token);
    for (const document of documents.all()) syncOpen(document.uri, namesOnly);
    return index;
  };
  /** Does the position hold a `[[reference]]` (the only thing hover needs the index for)? */
  const onReference = (uri: string, position: Position) => withModel(uri, false, (m) => referenceAt(m, m.lines.offsetAt(position)) !== null);

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!canReadConfiguration) return Promise.resolve(fallbackSettings);
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'confnotes' })
        .then((raw) => (raw === null || raw === undefined ? fallbackSettings : readSettings(raw)), () => fallbackSettings);
      settingsByUri.set(uri, settings);
    }
    return settings;
  };
  const optionsCache = new WeakMap<Settings, ReturnType<typeof linkOptions>>();
  const linkOptionsFor = async (uri: string) => {
    const settings = await settingsFor(uri);
    let options = optionsCache.get(settings);
    if (!options) optionsCache.set(settings, (options = linkOptions(settings)));
    return options;
  };

  const toldAboutLongLines = new Set<string>();
  const validate = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const options = await linkOptionsFor(uri);
    // The document may have changed or closed while settings were read.
    if (documents.get(uri)?.version !== document.version) return;
    const model = models.get(document);
    syncOpen(uri, true);
    validatedWith.set(uri, workspace.isIndexed ? namesVersion : -1);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnosticsOf(model, options) });
    if (model.linesNotSearchedForLinks.length > 0 && !toldAboutLongLines.has(uri)) {
      toldAboutLongLines.add(uri);
      // A notification: showInformationMessage would be a request, and clients without it answer with an error.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: longLinesMessage(uri, model.linesNotSearchedForLinks) });
    }
  };
  /** Every diagnostic of a document: its links, its references, what the online check found. */
  const diagnosticsOf = (model: NotesDocument, options: Awaited<ReturnType<typeof linkOptionsFor>>): Diagnostic[] => [
    ...linkDiagnostics(model, options, DIAGNOSTICS_PER_FILE),
    // Before the first indexing ends, every reference would look unresolved; the end of it is a names change.
    ...(workspace.isIndexed ? referenceDiagnostics(model, index, options).slice(0, DIAGNOSTICS_PER_FILE) : []),
    ...onlineDiagnostics(model, online.verdicts, options).slice(0, DIAGNOSTICS_PER_FILE),
  ];
  const scheduleValidation = async (uri: string, immediately: boolean) => {
    clearTimeout(timers.get(uri));
    const delay = immediately ? 0 : (await settingsFor(uri)).diagnosticsDelay;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => { timers.delete(uri); void validate(uri); }, delay));
  };

  documents.onDidOpen((e) => void scheduleValidation(e.document.uri, true));
  documents.onDidChangeContent((e) => void scheduleValidation(e.document.uri, false));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    models.forget(e.document.uri);
    toldAboutLongLines.delete(e.document.uri);
    settingsByUri.delete(e.document.uri);
    validatedWith.delete(e.document.uri);
    workspace.closed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    if (!canReadConfiguration) {
      const section = (change.settings as { confnotes?: unknown } | null)?.confnotes;
      if (section !== undefined) fallbackSettings = readSettings(section);
    }
    for (const document of documents.all()) void scheduleValidation(document.uri, true);
    void workspaceSettings().then(useWorkspaceSettings);
  });

  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });

  /** A request on a document the server does not have open gets an empty answer, never an error. */
  const withModel = <R>(uri: string, empty: R, run: (model: ReturnType<DocumentModels['get']>) => R): R => {
    // The protocol: requests after `shutdown` are invalid.
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    const document = documents.get(uri);
    return document ? run(models.get(document)) : empty;
  };

  connection.onDocumentSymbol((p) => withModel(p.textDocument.uri, [], documentSymbols));
  connection.onFoldingRanges((p) => withModel(p.textDocument.uri, [], (m) => foldingRanges(m, { rangeLimit: foldingLimit })));
  connection.onDocumentLinks(async (p, token) => {
    // Links to talks need the index; a document without references does not wait for it.
    if (withModel(p.textDocument.uri, false, (m) => m.references.length > 0)) await indexFor(token);
    return withModel(p.textDocument.uri, [], (m) => documentLinks(m, m.references.length > 0 ? index : null));
  });
  connection.onHover(async (p, token) => {
    const options = await linkOptionsFor(p.textDocument.uri);
    // Hovers on links need no index; before the first indexing, references get none.
    const known = workspace.isIndexed && onReference(p.textDocument.uri, p.position) ? await indexFor(token) : null;
    return withModel(p.textDocument.uri, null, (m) => hover(m, m.lines.offsetAt(p.position), options, known));
  });
  connection.onCodeAction(async (p) => {
    const options = { ...(await linkOptionsFor(p.textDocument.uri)), ignoreLinkCommand, only: p.context.only };
    return withModel(p.textDocument.uri, [], (m) => codeActions(m, p.textDocument.uri, p.range, options, p.context.diagnostics));
  });
  connection.onRequest(TalksRequest, (p) => withModel(p.textDocument.uri, [], talkItems));
  connection.onRequest(AdjacentTalkRequest, (p) => withModel(p.textDocument.uri, null, (m) => adjacentHeading(m, m.lines.offsetAt(p.position), p.direction, p.unit ?? 'talk')));
  connection.onRequest(OverviewLinesRequest, (p) => withModel(p.textDocument.uri, { sessions: [], talks: [], looseTalks: [] }, overviewLines));
  connection.onSelectionRanges((p) => withModel(p.textDocument.uri, [], (m) => selectionRanges(m, p.positions.map((pos) => m.lines.offsetAt(pos)))));

  // Workspace-wide: answered from the index, once the first indexing is done.
  connection.onRequest(OutlineChildrenRequest, async (p, token) => outlineChildren(await indexFor(token), p.parent));
  connection.onRequest(OutlinePathRequest, async (p, token) => outlinePath(await indexFor(token), canonicalUri(p.uri), p.kind, p.ordinal));
  connection.onRequest(SearchTalksRequest, async (p, token) => searchTalks(await indexFor(token), p.query, Math.min(p.limit, TALKS_PER_SEARCH)));
  connection.onWorkspaceSymbol(async (p, token) => {
    await indexFor(token);
    return workspaceSymbols(index, p.query);
  });
  connection.onDefinition(async (p, token) => {
    await indexFor(token);
    return withModel(p.textDocument.uri, [], (m) => definition(m, index, m.lines.offsetAt(p.position)));
  });
  connection.onReferences(async (p, token) => {
    await indexFor(token);
    return withModel(p.textDocument.uri, [], (m) => backlinks(m, index, canonicalUri(p.textDocument.uri), m.lines.offsetAt(p.position), p.context.includeDeclaration));
  });
  connection.onCodeLens(async (p, token) => {
    await indexFor(token, true);
    return withModel(p.textDocument.uri, [], (m) => codeLenses(m, index, canonicalUri(p.textDocument.uri)));
  });
  connection.onCompletion(async (p, token) => {
    await indexFor(token);
    return withModel(p.textDocument.uri, null, (m) => completions(m, index, m.lines.offsetAt(p.position)));
  });
  connection.onPrepareRename(async (p, token) => {
    await indexFor(token);
    return withModel(p.textDocument.uri, null, (m) => refusalAsError(() => {
      const { range, placeholder } = renameTarget(m, index, canonicalUri(p.textDocument.uri), m.lines.offsetAt(p.position));
      return { range, placeholder };
    }));
  });
  connection.onRenameRequest(async (p, token) => {
    await indexFor(token);
    return withModel(p.textDocument.uri, null, (m) => refusalAsError(() => rename(m, index, canonicalUri(p.textDocument.uri), m.lines.offsetAt(p.position), p.newName)));
  });

  // Links online: only when asked, never in an untrusted workspace (onlineChecks.ts).
  connection.onNotification(WorkspaceTrustNotification, (p) => {
    online.trusted = p.trusted === true;
  });
  connection.onRequest(CheckLinksOnlineRequest, async (p, token) => {
    const files = p.scope === 'file' && p.uri ? [p.uri] : [...new Set([...documents.keys(), ...(await indexFor(token)).diskUris()])];
    const models = await modelsOf(files);
    const settings = p.scope === 'file' && p.uri ? await settingsFor(p.uri) : await workspaceSettings();
    const urls = [...models.values()].flatMap((m) => m.links.flatMap((l) => (l.target === null ? [] : [l.target])));
    const summary = await refusalAsError(() => online.run(p.scope === 'file' ? `file ${p.uri}` : 'workspace', urls, models.size, settings.online, token));
    await showOnlineResults(models);
    return summary;
  });
  documents.onDidSave((e) => {
    // Read afresh: a save is rare, and the cached settings may predate the client's first change event.
    settingsByUri.delete(e.document.uri);
    void settingsFor(e.document.uri).then(async (settings) => {
      if (settings.online.mode !== 'onSave') return;
      if (!online.trusted) {
        connection.console.info(`${e.document.uri}: links not checked online on save: this workspace is not trusted (Restricted Mode)`);
        return;
      }
      const model = models.get(e.document);
      const urls = model.links.flatMap((l) => (l.target === null ? [] : [l.target]));
      await online.run(`file ${e.document.uri}`, urls, 1, settings.online).catch((error) => connection.console.warn(`checking links on save: ${error}`));
      await showOnlineResults(new Map([[e.document.uri, model]]));
    });
  });
  /** Each file as the editor has it, or as it is on disk. */
  const modelsOf = async (uris: readonly string[]): Promise<Map<string, NotesDocument>> => {
    const found = new Map<string, NotesDocument>();
    for (const uri of uris) {
      const document = documents.get(uri);
      const model = document ? models.get(document) : await workspace.parseFromDisk(uri);
      if (model) found.set(uri, model);
    }
    return found;
  };
  /** Open files are checked again; closed ones with online problems get their diagnostics now (they go when the file next closes). */
  const showOnlineResults = async (checked: ReadonlyMap<string, NotesDocument>) => {
    for (const [uri, model] of checked) {
      if (documents.get(uri)) {
        void scheduleValidation(uri, true);
        continue;
      }
      const options = await linkOptionsFor(uri);
      if (onlineDiagnostics(model, online.verdicts, options).length > 0) await connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(model, options) });
    }
  };

  documents.listen(connection);
  connection.listen();
}

/** A refused rename or check reaches the user as the error's message. */
function refusalAsError<T>(run: () => T): T {
  const refused = (e: unknown) => {
    if (e instanceof RenameRefused || e instanceof CheckRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
    throw e;
  };
  try {
    const result = run();
    return (result instanceof Promise ? result.catch(refused) : result) as T;
  } catch (e) {
    return refused(e);
  }
}

function longLinesMessage(uri: string, lines: readonly number[]): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const which = lines.length === 1 ? `line ${lines[0] + 1} is` : `${lines.length} lines (the first is line ${lines[0] + 1}) are`;
  return `Conference Notes: in ${name}, ${which} longer than ${LONGEST_LINE_SEARCHED_FOR_LINKS.toLocaleString('en')} characters; links in such lines are not looked for.`;
}
