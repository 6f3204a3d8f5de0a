/** Starts the Conference Notes language server and registers the commands; nothing else lives here. */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerBulletKeys } from './bulletKeys';
import { CrashPolicy } from './crashPolicy';
import { goToTalk, moveToAdjacentTalk } from './talkCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'confnotes' }],
    initializationOptions: { ignoreLinkCommand: true },
    errorHandler: restartOnCrash(new CrashPolicy('Conference Notes')),
  };
  const languageClient = new LanguageClient('confnotes', 'Conference Notes', serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    vscode.commands.registerTextEditorCommand('confnotes.goToTalk', (editor) => goToTalk(languageClient, editor)),
    vscode.commands.registerTextEditorCommand('confnotes.nextTalk', (editor) => moveToAdjacentTalk(languageClient, editor, 'next')),
    vscode.commands.registerTextEditorCommand('confnotes.previousTalk', (editor) => moveToAdjacentTalk(languageClient, editor, 'previous')),
    vscode.commands.registerCommand('confnotes.restartServer', () => languageClient.restart()),
    vscode.commands.registerCommand('confnotes.ignoreLink', ignoreLink),
    registerBulletKeys(),
  );
  await languageClient.start();
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
