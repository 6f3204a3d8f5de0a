/**
 * What the extension is, whichever host runs it (desktop: extension.ts; a browser's web worker:
 * browserExtension.ts): the client's options, and the commands, keys and view it registers
 * around a started client. The two entries only make the client and say what their host can do.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import type { Location, Position } from 'vscode-languageserver-types';
import { SHOW_REFERENCES_COMMAND, WorkspaceTrustNotification } from '../../server/src/protocol/requests';
import { registerBulletKeys } from './bulletKeys';
import { CrashPolicy } from './crashPolicy';
import { registerNotesView } from './notesView';
import { newSession } from './newSession';
import { checkLinksOnline } from './onlineCheck';
import { OverviewCommands } from './overview';
import { copyAs, exportFile, type HtmlClipboard } from './exportCommands';
import { recentSearches, searchNotes } from './searchNotes';
import { goToTalk, moveToAdjacent, recentTalks } from './talkCommands';
import { serveWorkspaceFiles } from './workspaceFiles';

export const CLIENT_ID = 'confnotes';
export const CLIENT_NAME = 'Conference Notes';

/** What the host can do that another cannot. */
export interface ClientHost {
  readonly copyHtml: HtmlClipboard;
  /** Restart Language Server (the desktop's client waits for a debugged server's port to be free). */
  readonly restart: () => Promise<void>;
}

export function clientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
  // The extension's own channel: the library would make one per start and drop it on a restart, and the log with it.
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  return {
    documentSelector: [{ language: 'confnotes' }],
    outputChannel,
    initializationOptions: {
      ignoreLinkCommand: true,
      // Folders the server cannot read itself (virtual workspaces; every folder in a browser) are listed and read here.
      servesFiles: true,
      // Links are checked online only in a trusted workspace; the server is told when trust is granted.
      trusted: vscode.workspace.isTrusted,
      cacheFolder: context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined,
    },
    errorHandler: restartOnCrash(new CrashPolicy(CLIENT_NAME)),
  };
}

/** Registers everything around the client and starts it. */
export async function activateWith(context: vscode.ExtensionContext, languageClient: BaseLanguageClient, host: ClientHost): Promise<void> {
  const recent = recentTalks(context.workspaceState);
  const searches = recentSearches(context.workspaceState);
  const overview = new OverviewCommands(languageClient);

  context.subscriptions.push(
    ...serveWorkspaceFiles(languageClient),
    vscode.commands.registerCommand('confnotes.goToTalk', () => goToTalk(languageClient, recent)),
    vscode.commands.registerCommand('confnotes.searchNotes', () => searchNotes(languageClient, searches)),
    vscode.commands.registerCommand('confnotes.exportMarkdown', () => exportFile(languageClient, 'markdown')),
    vscode.commands.registerCommand('confnotes.exportHtml', () => exportFile(languageClient, 'html')),
    vscode.commands.registerCommand('confnotes.copyMarkdown', () => copyAs(languageClient, 'markdown', host.copyHtml)),
    vscode.commands.registerCommand('confnotes.copyHtml', () => copyAs(languageClient, 'html', host.copyHtml)),
    vscode.commands.registerTextEditorCommand('confnotes.nextTalk', (editor) => moveToAdjacent(languageClient, editor, 'next', 'talk')),
    vscode.commands.registerTextEditorCommand('confnotes.previousTalk', (editor) => moveToAdjacent(languageClient, editor, 'previous', 'talk')),
    vscode.commands.registerTextEditorCommand('confnotes.nextSession', (editor) => moveToAdjacent(languageClient, editor, 'next', 'session')),
    vscode.commands.registerTextEditorCommand('confnotes.previousSession', (editor) => moveToAdjacent(languageClient, editor, 'previous', 'session')),
    vscode.commands.registerTextEditorCommand('confnotes.foldToSessions', (editor) => overview.show(editor, 'sessions')),
    vscode.commands.registerTextEditorCommand('confnotes.foldToTalks', (editor) => overview.show(editor, 'talks')),
    vscode.commands.registerTextEditorCommand('confnotes.showAll', (editor) => overview.show(editor, 'all')),
    vscode.commands.registerTextEditorCommand('confnotes.cycleOverview', (editor) => overview.cycle(editor)),
    vscode.commands.registerCommand('confnotes.restartServer', async () => {
      await host.restart();
      vscode.window.setStatusBarMessage(`${CLIENT_NAME}: language server restarted`, 5000);
    }),
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
