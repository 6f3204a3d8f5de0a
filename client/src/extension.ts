/** Starts the Conference Notes language server and registers the commands and the view; nothing else lives here. */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { Location, Position } from 'vscode-languageserver-types';
import { SERVER_ENVIRONMENT, SHOW_REFERENCES_COMMAND, WorkspaceTrustNotification } from '../../server/src/protocol/requests';
import { registerBulletKeys } from './bulletKeys';
import { CrashPolicy } from './crashPolicy';
import { registerNotesView } from './notesView';
import { newSession } from './newSession';
import { checkLinksOnline } from './onlineCheck';
import { OverviewCommands } from './overview';
import { copyAs, exportFile } from './exportCommands';
import { recentSearches, searchNotes } from './searchNotes';
import { goToTalk, moveToAdjacent, recentTalks } from './talkCommands';
import { serveWorkspaceFiles } from './workspaceFiles';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT } },
    debug: { module, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'confnotes' }],
    initializationOptions: {
      ignoreLinkCommand: true,
      // Folders the server cannot read from disk (virtual workspaces) are listed and read here.
      servesFiles: true,
      // Links are checked online only in a trusted workspace; the server is told when trust is granted.
      trusted: vscode.workspace.isTrusted,
      cacheFolder: context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined,
    },
    errorHandler: restartOnCrash(new CrashPolicy('Conference Notes')),
  };
  const languageClient = new LanguageClient('confnotes', 'Conference Notes', serverOptions, clientOptions);
  client = languageClient;
  const recent = recentTalks(context.workspaceState);
  const searches = recentSearches(context.workspaceState);
  const overview = new OverviewCommands(languageClient);

  context.subscriptions.push(
    ...serveWorkspaceFiles(languageClient),
    vscode.commands.registerCommand('confnotes.goToTalk', () => goToTalk(languageClient, recent)),
    vscode.commands.registerCommand('confnotes.searchNotes', () => searchNotes(languageClient, searches)),
    vscode.commands.registerCommand('confnotes.exportMarkdown', () => exportFile(languageClient, 'markdown')),
    vscode.commands.registerCommand('confnotes.exportHtml', () => exportFile(languageClient, 'html')),
    vscode.commands.registerCommand('confnotes.copyMarkdown', () => copyAs(languageClient, 'markdown')),
    vscode.commands.registerCommand('confnotes.copyHtml', () => copyAs(languageClient, 'html')),
    vscode.commands.registerTextEditorCommand('confnotes.nextTalk', (editor) => moveToAdjacent(languageClient, editor, 'next', 'talk')),
    vscode.commands.registerTextEditorCommand('confnotes.previousTalk', (editor) => moveToAdjacent(languageClient, editor, 'previous', 'talk')),
    vscode.commands.registerTextEditorCommand('confnotes.nextSession', (editor) => moveToAdjacent(languageClient, editor, 'next', 'session')),
    vscode.commands.registerTextEditorCommand('confnotes.previousSession', (editor) => moveToAdjacent(languageClient, editor, 'previous', 'session')),
    vscode.commands.registerTextEditorCommand('confnotes.foldToSessions', (editor) => overview.show(editor, 'sessions')),
    vscode.commands.registerTextEditorCommand('confnotes.foldToTalks', (editor) => overview.show(editor, 'talks')),
    vscode.commands.registerTextEditorCommand('confnotes.showAll', (editor) => overview.show(editor, 'all')),
    vscode.commands.registerTextEditorCommand('confnotes.cycleOverview', (editor) => overview.cycle(editor)),
    vscode.commands.registerCommand('confnotes.restartServer', () => languageClient.restart()),
    vscode.commands.registerCommand('confnotes.checkLinksOnline', () => checkLinksOnline(languageClient)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.sendNotification(WorkspaceTrustNotification, { trusted: true })),
    vscode.commands.registerCommand('confnotes.ignoreLink', ignoreLink),
    vscode.commands.registerCommand('confnotes.markLine', markLine),
    vscode.commands.registerTextEditorCommand('confnotes.newSession', (editor) => newSession(languageClient, editor)),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (uri: string, position: Position, locations: Location[]) =>
      vscode.commands.executeCommand(
        'editor.action.showReferences',
        languageClient.protocol2CodeConverter.asUri(uri),
        languageClient.protocol2CodeConverter.asPosition(position),
        locations.map((l) => languageClient.protocol2CodeConverter.asLocation(l)),
      ),
    ),
    registerBulletKeys(),
  );
  await languageClient.start();
  context.subscriptions.push(registerNotesView(languageClient));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function restartOnCrash(policy: CrashPolicy): ErrorHandler {
  return {
    // Errors in single messages: carry on, as the stock handler does, until three in a row.
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const verdict = policy.serverDied();
      if (!verdict.restart) return { action: CloseAction.DoNotRestart, message: verdict.tell };
      if (verdict.tell) void vscode.window.showInformationMessage(verdict.tell);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** The server's "Ignore this link" quick fix: add the glob to `confnotes.links.ignore` where the user keeps settings. */
async function ignoreLink(glob: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('confnotes');
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('links.ignore');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (!current.includes(glob)) await config.update('links.ignore', [...current, glob], target);
}

/**
 * "Read this line as a talk / section": the line's text joins one list of `confnotes.reading`
 * and leaves the other (and the other's old name, `confnotes.format.*`, where it was written).
 */
async function markLine(as: 'talk' | 'section', line: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('confnotes');
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = (key: string) => {
    const inspected = config.inspect<string[]>(key);
    return (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  };
  const same = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === line.trim().replace(/\s+/g, ' ').toLowerCase();
  const [add, remove] = as === 'talk' ? ['talks', 'sections'] : ['sections', 'talks'];
  for (const key of [`reading.${remove}`, `format.${remove}`]) if (current(key).some(same)) await config.update(key, current(key).filter((l) => !same(l)), target);
  // Listed under the old name already: it is read as that.
  if (!current(`reading.${add}`).some(same) && !current(`format.${add}`).some(same)) await config.update(`reading.${add}`, [...current(`reading.${add}`), line], target);
}
