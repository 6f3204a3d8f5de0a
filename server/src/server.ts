/**
 * The glue: wires LSP requests to features. No parsing or feature logic lives here.
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { DocumentModels } from './documentModels';
import { backlinks } from './features/backlinks';
import { codeActions, referenceCodeActions } from './features/codeActions';
import { codeLenses } from './features/codeLenses';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { linkDiagnostics } from './features/linkDiagnostics';
import { overviewLines } from './features/overview';
import { toRange } from './features/ranges';
import { referenceDiagnostics } from './features/referenceDiagnostics';
import { rename, RenameRefused, renameTarget } from './features/rename';
import { selectionRanges } from './features/selectionRanges';
import { workspaceSymbols } from './features/workspaceSymbols';
import { LineDocument } from './lineDocument';
import { LONGEST_LINE_SEARCHED_FOR_LINKS } from './parser/lineFacts';
import { adjacentSession, adjacentTalk, talkItems, workspaceOutline } from './features/talks';
import {
  AdjacentTalkRequest,
  IndexChangedNotification,
  OverviewLinesRequest,
  TalksRequest,
  WorkspaceOutlineRequest,
  type InitializationOptions,
} from './protocol';
import { defaultSettings, linkOptions, readSettings, type Settings } from './settings';
import { summarize } from './workspace/fileSummary';
import { Indexer, type IndexProgress } from './indexer';
import { WorkspaceIndex } from './workspace/workspaceIndex';

/** As many as VS Code shows for one file. */
const DIAGNOSTICS_PER_FILE = 1000;
/** Workspaces with at least this many notes files show indexing progress. */
const FILES_WORTH_A_PROGRESS_BAR = 50;
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
  let workspaceFolders: string[] = [];
  let canWatchFiles = false;
  let canFollowFolders = false;
  let canShowProgress = false;
  let canRefreshCodeLenses = false;
  const index = new WorkspaceIndex();
  const indexer = new Indexer(index, (message) => connection.console.info(message));
  /** The version of each open document the index holds. */
  const indexedVersions = new Map<string, number>();
  /** The index version each open document's diagnostics were computed with. */
  const validatedWith = new Map<string, number>();
  let indexed = false;
  let markIndexed: () => void = () => {};
  const firstIndexing = new Promise<void>((resolve) => (markIndexed = resolve));
  let indexedFiles: readonly string[] = [];
  let watcherRegistration: Promise<Disposable> | null = null;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ignoreLinkCommand = init.ignoreLinkCommand === true;
    if (init.settings !== undefined) fallbackSettings = readSettings(init.settings);
    foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    const workspace = params.capabilities.workspace;
    canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canFollowFolders = workspace?.workspaceFolders === true;
    canShowProgress = params.capabilities.window?.workDoneProgress === true;
    canRefreshCodeLenses = workspace?.codeLens?.refreshSupport === true;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    connection.console.info(`${SERVER_NAME} ${SERVER_VERSION} for ${params.clientInfo?.name ?? 'an unnamed client'} ${params.clientInfo?.version ?? ''}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
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
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        for (const uri of removed) index.deleteFolder(uri);
        workspaceFolders = [...workspaceFolders.filter((u) => !removed.has(u)), ...e.added.map((f) => f.uri)];
        void reindex(indexedFiles);
      });
    }
    void workspaceSettings().then((settings) => reindex(settings.files));
  });

  const workspaceSettings = (): Promise<Settings> =>
    canReadConfiguration
      ? connection.workspace.getConfiguration('confnotes').then((raw) => (raw === null || raw === undefined ? fallbackSettings : readSettings(raw)), () => fallbackSettings)
      : Promise.resolve(fallbackSettings);

  /** (Re)reads every notes file of the workspace folders; watches them from then on. */
  const reindex = async (files: readonly string[]) => {
    if (files.join('\0') !== indexedFiles.join('\0') || !watcherRegistration) watchFiles(files);
    indexedFiles = files;
    indexer.configure(workspaceFolders, files);
    try {
      await indexer.indexAll(canShowProgress ? progressReporter() : null);
    } catch (e) {
      connection.console.error(`indexing the workspace failed: ${e instanceof Error ? e.stack : e}`);
    }
    if (!indexed) {
      indexed = true;
      markIndexed();
      indexChanged();
    }
  };

  const watchFiles = (files: readonly string[]) => {
    if (!canWatchFiles) return;
    void watcherRegistration?.then((d) => d.dispose());
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: files.map((globPattern) => ({ globPattern })) });
    watcherRegistration.catch((e) => connection.console.warn(`could not watch notes files: ${e}`));
  };

  const progressReporter = (): IndexProgress => {
    let reporter: Promise<WorkDoneProgressServerReporter> | null = null;
    let cancelled = false;
    return {
      begin: (total) => {
        if (total < FILES_WORTH_A_PROGRESS_BAR) return;
        reporter = connection.window.createWorkDoneProgress().then((r) => {
          r.begin('Indexing notes', 0, `0 of ${total} files`, true);
          r.token.onCancellationRequested(() => (cancelled = true));
          return r;
        });
        reporter.catch(() => (reporter = null));
      },
      report: (done, total) => void reporter?.then((r) => r.report(Math.round((done / total) * 100), `${done} of ${total} files`)),
      end: () => void reporter?.then((r) => r.done()),
      get cancelled() {
        return cancelled;
      },
    };
  };

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted) indexer.fileDeleted(change.uri);
      else await indexer.fileChanged(change.uri);
    }
  });

  /** The index holds this open document's current text. */
  const syncOpen = (uri: string) => {
    const document = documents.get(uri);
    if (!document || indexedVersions.get(uri) === document.version) return;
    indexedVersions.set(uri, document.version);
    index.setOpen(summarize(uri, models.get(document)));
  };

  let settleTimer: NodeJS.Timeout | undefined;
  const indexChanged = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      if (!indexed) return;
      for (const document of documents.all()) if (validatedWith.get(document.uri) !== index.version) void scheduleValidation(document.uri, true);
      if (canRefreshCodeLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
      void connection.sendNotification(IndexChangedNotification);
    }, INDEX_SETTLE_MS);
  };
  index.onDidChange(indexChanged);

  /** Workspace-wide answers wait for the first indexing (or the request's cancellation). */
  const whenIndexed = async (token: CancellationToken): Promise<void> => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    if (!indexed) {
      await new Promise<void>((resolve, reject) => {
        const listener = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled while the workspace was indexed')));
        void firstIndexing.then(() => {
          listener.dispose();
          resolve();
        });
      });
    }
    for (const document of documents.all()) syncOpen(document.uri);
  };

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
    syncOpen(uri);
    const diagnostics = linkDiagnostics(model, options, DIAGNOSTICS_PER_FILE);
    // Before the first indexing ends, every reference would look unresolved.
    if (indexed) diagnostics.push(...referenceDiagnostics(model, index, options).slice(0, DIAGNOSTICS_PER_FILE));
    validatedWith.set(uri, indexed ? index.version : -1);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    if (model.linesNotSearchedForLinks.length > 0 && !toldAboutLongLines.has(uri)) {
      toldAboutLongLines.add(uri);
      // A notification: showInformationMessage would be a request, and clients without it answer with an error.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: longLinesMessage(uri, model.linesNotSearchedForLinks) });
    }
  };
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
    indexedVersions.delete(e.document.uri);
    validatedWith.delete(e.document.uri);
    index.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    if (!canReadConfiguration) {
      const section = (change.settings as { confnotes?: unknown } | null)?.confnotes;
      if (section !== undefined) fallbackSettings = readSettings(section);
    }
    for (const document of documents.all()) void scheduleValidation(document.uri, true);
    void workspaceSettings().then((settings) => {
      if (settings.files.join('\0') !== indexedFiles.join('\0')) void reindex(settings.files);
    });
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
    await whenIndexed(token);
    return withModel(p.textDocument.uri, [], (m) => documentLinks(m, index));
  });
  connection.onHover(async (p) => {
    const options = await linkOptionsFor(p.textDocument.uri);
    if (indexed) syncOpen(p.textDocument.uri);
    return withModel(p.textDocument.uri, null, (m) => hover(m, m.lines.offsetAt(p.position), options, indexed ? index : null));
  });
  connection.onCodeAction(async (p) => {
    const options = { ...(await linkOptionsFor(p.textDocument.uri)), ignoreLinkCommand, only: p.context.only };
    return withModel(p.textDocument.uri, [], (m) => [
      ...codeActions(m, p.textDocument.uri, p.range, options),
      ...(options.only && !options.only.some((k) => 'quickfix'.startsWith(k)) ? [] : referenceCodeActions(p.textDocument.uri, p.context.diagnostics)),
    ]);
  });
  connection.onRequest(TalksRequest, (p) => withModel(p.textDocument.uri, [], talkItems));
  connection.onRequest(AdjacentTalkRequest, (p) =>
    withModel(p.textDocument.uri, null, (m) => {
      const offset = m.lines.offsetAt(p.position);
      if (p.unit === 'session') {
        const session = adjacentSession(m, offset, p.direction);
        return session ? toRange(m, session.headerSpan) : null;
      }
      const talk = adjacentTalk(m, offset, p.direction);
      return talk ? toRange(m, talk.lineSpan) : null;
    }),
  );
  connection.onRequest(OverviewLinesRequest, (p) => withModel(p.textDocument.uri, { sessions: [], talks: [] }, overviewLines));
  connection.onSelectionRanges((p) => withModel(p.textDocument.uri, [], (m) => selectionRanges(m, p.positions.map((pos) => m.lines.offsetAt(pos)))));

  // Workspace-wide: answered from the index, once the first indexing is done.
  connection.onRequest(WorkspaceOutlineRequest, async (_p, token) => {
    await whenIndexed(token);
    return workspaceOutline(index);
  });
  connection.onWorkspaceSymbol(async (p, token) => {
    await whenIndexed(token);
    return workspaceSymbols(index, p.query);
  });
  connection.onDefinition(async (p, token) => {
    await whenIndexed(token);
    return withModel(p.textDocument.uri, [], (m) => definition(m, index, m.lines.offsetAt(p.position)));
  });
  connection.onReferences(async (p, token) => {
    await whenIndexed(token);
    return withModel(p.textDocument.uri, [], (m) => backlinks(m, index, p.textDocument.uri, m.lines.offsetAt(p.position), p.context.includeDeclaration));
  });
  connection.onCodeLens(async (p, token) => {
    await whenIndexed(token);
    return codeLenses(index, p.textDocument.uri);
  });
  connection.onCompletion(async (p, token) => {
    await whenIndexed(token);
    return withModel(p.textDocument.uri, null, (m) => completions(m, index, m.lines.offsetAt(p.position)));
  });
  connection.onPrepareRename(async (p, token) => {
    await whenIndexed(token);
    return withModel(p.textDocument.uri, null, (m) => refusalAsError(() => {
      const { range, placeholder } = renameTarget(m, index, p.textDocument.uri, m.lines.offsetAt(p.position));
      return { range, placeholder };
    }));
  });
  connection.onRenameRequest(async (p, token) => {
    await whenIndexed(token);
    return withModel(p.textDocument.uri, null, (m) => refusalAsError(() => rename(m, index, p.textDocument.uri, m.lines.offsetAt(p.position), p.newName)));
  });

  documents.listen(connection);
  connection.listen();
}

/** A refused rename reaches the user as the error's message. */
function refusalAsError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RenameRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
    throw e;
  }
}

function longLinesMessage(uri: string, lines: readonly number[]): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const which = lines.length === 1 ? `line ${lines[0] + 1} is` : `${lines.length} lines (the first is line ${lines[0] + 1}) are`;
  return `Conference Notes: in ${name}, ${which} longer than ${LONGEST_LINE_SEARCHED_FOR_LINKS.toLocaleString('en')} characters; links in such lines are not looked for.`;
}
