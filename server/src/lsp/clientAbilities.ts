/** What the client can do, read once from `initialize` (its capabilities and our initializationOptions) into one record. */
import type { InitializeParams } from 'vscode-languageserver';
import type { InitializationOptions } from '../protocol/requests';

export interface ClientAbilities {
  /** It answers `workspace/configuration` (else settings come in initializationOptions and didChangeConfiguration). */
  readonly readsConfiguration: boolean;
  /** It sends setting changes to servers that register for them (VS Code does). */
  readonly registersConfigurationChange: boolean;
  /** It registers file watchers for the server. */
  readonly watchesFiles: boolean;
  readonly showsProgress: boolean;
  /** It tells of workspace folders added and removed. */
  readonly followsFolders: boolean;
  /** It can be told to ask for code lenses again. */
  readonly refreshesCodeLenses: boolean;
  /** VS Code's `editor.foldingMaximumRegions`, as the client says it. */
  readonly foldingLimit: number | undefined;
  /** It has the commands that write settings (`confnotes.ignoreLink`, `confnotes.markLine`). */
  readonly settingsCommands: boolean;
  /** It lists and reads the folders the server cannot read itself (`confnotes/listFiles`, `confnotes/readFile`). */
  readonly servesFiles: boolean;
  /** The workspace is trusted: links may be checked online. */
  readonly trusted: boolean;
  /** Where the online check keeps its cache, when the client names a folder. */
  readonly cacheFolder: string | undefined;
  /** Settings sent with `initialize`, for a client without `workspace/configuration`. */
  readonly settings: unknown;
}

export function clientAbilities(params: InitializeParams): ClientAbilities {
  const { workspace, window, textDocument } = params.capabilities;
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  return {
    readsConfiguration: workspace?.configuration === true,
    registersConfigurationChange: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchesFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    showsProgress: window?.workDoneProgress === true,
    followsFolders: workspace?.workspaceFolders === true,
    refreshesCodeLenses: workspace?.codeLens?.refreshSupport === true,
    foldingLimit: textDocument?.foldingRange?.rangeLimit,
    settingsCommands: init.ignoreLinkCommand === true,
    servesFiles: init.servesFiles === true,
    trusted: init.trusted !== false,
    cacheFolder: typeof init.cacheFolder === 'string' ? init.cacheFolder : undefined,
    settings: init.settings,
  };
}
