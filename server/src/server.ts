/**
 * The glue: wires LSP requests to features. No parsing or feature logic lives here.
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { DocumentModels } from './documentModels';
import { codeActions } from './features/codeActions';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { linkDiagnostics } from './features/linkDiagnostics';
import { toRange } from './features/ranges';
import { LineDocument } from './lineDocument';
import { adjacentTalk, talkItems } from './features/talks';
import { AdjacentTalkRequest, TalksRequest, type InitializationOptions } from './protocol';
import { defaultSettings, linkOptions, readSettings, type Settings } from './settings';

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

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ignoreLinkCommand = init.ignoreLinkCommand === true;
    if (init.settings !== undefined) fallbackSettings = readSettings(init.settings);
    foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    connection.console.info(`${SERVER_NAME} ${SERVER_VERSION} for ${params.clientInfo?.name ?? 'an unnamed client'} ${params.clientInfo?.version ?? ''}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Conference Notes' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  // Clients send setting changes only to servers that register for them (VS Code among them).
  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  });

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

  const validate = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const options = await linkOptionsFor(uri);
    // The document may have changed or closed while settings were read.
    if (documents.get(uri)?.version !== document.version) return;
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: linkDiagnostics(models.get(document), options) });
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
    settingsByUri.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    if (!canReadConfiguration) {
      const section = (change.settings as { confnotes?: unknown } | null)?.confnotes;
      if (section !== undefined) fallbackSettings = readSettings(section);
    }
    for (const document of documents.all()) void scheduleValidation(document.uri, true);
  });

  /** A request on a document the server does not have open gets an empty answer, never an error. */
  const withModel = <R>(uri: string, empty: R, run: (model: ReturnType<DocumentModels['get']>) => R): R => {
    const document = documents.get(uri);
    return document ? run(models.get(document)) : empty;
  };

  connection.onDocumentSymbol((p) => withModel(p.textDocument.uri, [], documentSymbols));
  connection.onFoldingRanges((p) => withModel(p.textDocument.uri, [], (m) => foldingRanges(m, { rangeLimit: foldingLimit })));
  connection.onDocumentLinks((p) => withModel(p.textDocument.uri, [], documentLinks));
  connection.onHover(async (p) => {
    const options = await linkOptionsFor(p.textDocument.uri);
    return withModel(p.textDocument.uri, null, (m) => hover(m, m.lines.offsetAt(p.position), options));
  });
  connection.onCodeAction(async (p) => {
    const options = { ...(await linkOptionsFor(p.textDocument.uri)), ignoreLinkCommand, only: p.context.only };
    return withModel(p.textDocument.uri, [], (m) => codeActions(m, p.textDocument.uri, p.range, options));
  });
  connection.onRequest(TalksRequest, (p) => withModel(p.textDocument.uri, [], talkItems));
  connection.onRequest(AdjacentTalkRequest, (p) =>
    withModel(p.textDocument.uri, null, (m) => {
      const talk = adjacentTalk(m, m.lines.offsetAt(p.position), p.direction);
      return talk ? toRange(m, talk.lineSpan) : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
