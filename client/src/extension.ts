/** The extension on the desktop (and in a remote's Node extension host): the server runs as a Node process beside it. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_ENVIRONMENT } from '../../server/src/protocol/requests';
import { activateWith, CLIENT_ID, CLIENT_NAME, clientOptions } from './activation';
import { copyHtmlWithTool } from './htmlClipboard';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT } },
    debug: { module, transport: TransportKind.ipc, options: { env: SERVER_ENVIRONMENT, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(context));
  client = languageClient;
  await activateWith(context, languageClient, { copyHtml: copyHtmlWithTool, restart: () => languageClient.restart() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
