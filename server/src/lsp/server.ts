/**
 * The glue: `startServer` composes the units that own the server's state — settings
 * (`Configuration`), open documents (`OpenDocuments`), diagnostics (`DiagnosticsSchedule`),
 * the workspace (`NotesWorkspace`), online checks — from what the platform gives (Node's or a
 * browser worker's, `ServerPlatform`), and hands requests to features through
 * `registerDocumentRequests`, `WorkspaceRequests` and `registerOnlineChecks`. No parsing or
 * feature logic lives here.
 */
import { TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { Configuration } from './configuration';
import { DiagnosticsSchedule } from './diagnosticsSchedule';
import { registerDocumentRequests } from './documentRequests';
import { clientAbilities, type ClientAbilities } from './clientAbilities';
import { Lifecycle } from './lifecycle';
import { NotesWorkspace } from './notesWorkspace';
import { registerOnlineChecks } from './onlineCheckRequests';
import { ClientFiles, RoutedFiles } from '../io/clientFiles';
import { VERSION } from '../version';
import { OnlineChecks } from './onlineChecks';
import { OpenDocuments } from './openDocuments';
import { ListFilesRequest, ReadFileRequest } from '../protocol/requests';
import type { ServerPlatform } from './platform';
import { defaultSettings, sameFormat, type Settings } from '../settings';
import { WorkspaceRequests } from './workspaceRequests';

export const SERVER_NAME = 'confnotes-language-server';
export const SERVER_VERSION = VERSION;

export function startServer(connection: Connection, platform: ServerPlatform): void {
  const lifecycle = new Lifecycle();
  const configuration = new Configuration(connection);
  const compaction = platform.compaction?.((message) => connection.console.log(message));
  // The files the server reads itself (the disk); any other folder's (a virtual workspace, every one in a browser) through a client that serves them.
  let clientServesFiles = false;
  const own = platform.ownFiles?.((message) => connection.console.info(message)) ?? null;
  const fromClient = new ClientFiles({ list: (p) => connection.sendRequest(ListFilesRequest, p), read: (p) => connection.sendRequest(ReadFileRequest, p) }, (uri) => clientServesFiles && !own?.serves(uri));
  const files = new RoutedFiles(own ? [own, fromClient] : [fromClient]);
  const workspace = new NotesWorkspace(connection, files, platform.startSearch, compaction, platform.heapGrowth);
  const open = new OpenDocuments(workspace, lifecycle, compaction, (message) => connection.console.log(message));
  configuration.forgetWhenClosed(open.documents);
  // Made again at `initialize`, when the client says where to keep the cache and whether it trusts the workspace.
  let online = new OnlineChecks(connection, platform.online, undefined, false);
  const diagnostics = new DiagnosticsSchedule(connection, open, configuration, workspace, () => online, lifecycle);
  const requests = new WorkspaceRequests(workspace, open, lifecycle);
  let client: ClientAbilities | null = null;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientAbilities(params);
    clientServesFiles = client.servesFiles;
    configuration.initialize(client);
    online = new OnlineChecks(connection, platform.online, client.cacheFolder, client.trusted);
    diagnostics.canRefreshCodeLenses = client.refreshesCodeLenses;
    workspace.configure(client, params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    connection.console.info(`${SERVER_NAME} ${SERVER_VERSION} (${platform.name}) for ${params.clientInfo?.name ?? 'an unnamed client'} ${params.clientInfo?.version ?? ''}`);
    return { capabilities: CAPABILITIES, serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    configuration.initialized();
    if (client?.followsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => void workspace.foldersChanged(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
    }
    void configuration.workspace().then(useWorkspaceSettings);
  });

  /** Settings that hold for the whole workspace: which files are notes, how talk lines are read. */
  let formatInUse = defaultSettings.format;
  const useWorkspaceSettings = async (settings: Settings) => {
    if (!sameFormat(settings.format, formatInUse)) {
      formatInUse = settings.format;
      open.useFormat(settings.format);
      diagnostics.scheduleAll();
      void workspace.useFormat(settings.format);
    }
    await workspace.useFiles(settings.files);
  };
  connection.onDidChangeConfiguration((change) => configuration.changed(change));
  configuration.onDidChange(() => {
    diagnostics.scheduleAll();
    void configuration.workspace().then(useWorkspaceSettings);
  });
  connection.onDidChangeWatchedFiles((params) => void workspace.filesChanged(params.changes));
  connection.onShutdown(() => lifecycle.shutDown());

  registerDocumentRequests(connection, open, configuration, requests, () => client);
  requests.register(connection);
  registerOnlineChecks(connection, () => online, open, configuration, requests, diagnostics);

  open.documents.listen(connection);
  connection.listen();
}

const CAPABILITIES: InitializeResult['capabilities'] = {
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
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: ' ' },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};
