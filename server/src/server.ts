/**
 * The glue: wires LSP requests to features. No parsing or feature logic lives here.
 */
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
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
import { LONGEST_LINE_SEARCHED_FOR_LINKS } from './parser/lineFacts';
import { adjacentTalk, talkItems } from './features/talks';
import { AdjacentTalkRequest, TalksRequest, type InitializationOptions } from './protocol';
import { defaultSettings, linkOptions, readSettings, type Settings } from './settings';

/** As many as VS Code shows for one file. */
const DIAGNOSTICS_PER_FILE = 1000;

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
    if (canRegisterConfigurationChange) {
      connection.client.register(DidChangeConfigurationNotification.type, undefined).catch((e) => connection.console.warn(`could not register for setting changes: ${e}`));
    }
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

  const toldAboutLongLines = new Set<string>();
  const validate = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const options = await linkOptionsFor(uri);
    // The document may have changed or closed while settings were read.
    if (documents.get(uri)?.version !== document.version) return;
    const model = models.get(document);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: linkDiagnostics(model, options, DIAGNOSTICS_PER_FILE) });
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

function longLinesMessage(uri: string, lines: readonly number[]): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const which = lines.length === 1 ? `line ${lines[0] + 1} is` : `${lines.length} lines (the first is line ${lines[0] + 1}) are`;
  return `Conference Notes: in ${name}, ${which} longer than ${LONGEST_LINE_SEARCHED_FOR_LINKS.toLocaleString('en')} characters; links in such lines are not looked for.`;
}
