/**
 * The extension in a browser (vscode.dev, github.dev, code-server's web worker extension host):
 * the server runs in a worker of its own, started from its script's text (a Blob URL) because
 * the host refuses workers from the extension's own URI where that is a remote one; every file
 * reaches the server through this client (workspaceFiles.ts). Links are checked offline only,
 * as the status bar says (onlineNote.ts).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith, CLIENT_ID, CLIENT_NAME, clientOptions } from './activation';
import { showOfflineLinksNote } from './onlineNote';

/** The browser's Worker, as much of it as is used here (the project's TypeScript libraries are Node's). */
declare class Worker {
  constructor(url: string, options?: { name?: string });
  terminate(): void;
}

let client: LanguageClient | undefined;
let worker: Worker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const script = serverScript(vscode.Uri.joinPath(context.extensionUri, 'dist/browserServer.js'));
  const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, () => startServer(script), clientOptions(context));
  client = languageClient;
  context.subscriptions.push(showOfflineLinksNote());
  const restart = async () => {
    await languageClient.stop();
    await languageClient.start();
  };
  // The clipboard of a web worker takes text only: HTML goes as its source.
  await activateWith(context, languageClient, { copyHtml: async () => false, restart });
  languageClient.outputChannel.appendLine(`${CLIENT_NAME} runs in ${vscode.env.uiKind === vscode.UIKind.Web ? 'the web' : 'a'} worker extension host (no Node: ${typeof process === 'undefined'}), its server in a worker of its own.`);
}

export async function deactivate(): Promise<void> {
  try {
    await client?.stop();
  } finally {
    worker?.terminate();
  }
}

/** The server's script as a Blob URL, read once (a restart starts a new worker from the same URL). */
function serverScript(uri: vscode.Uri): () => Promise<string> {
  let url: Promise<string> | undefined;
  return () => (url ??= readScript(uri).then((code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))));
}

/** From the web (vscode.dev serves extensions over https) or through the workbench's file systems (a remote's extension). */
async function readScript(uri: vscode.Uri): Promise<Uint8Array | ArrayBuffer> {
  if (!/^https?$/.test(uri.scheme)) return vscode.workspace.fs.readFile(uri);
  const response = await fetch(uri.toString());
  if (!response.ok) throw new Error(`the language server's script could not be loaded from ${uri.toString()}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * A new worker for each start (a restart leaves no old one running), spoken to through its
 * messages. The transports are made here: the host's own `Worker` (VS Code wraps the browser's)
 * makes objects that are no `instanceof Worker`, which the library would take for transports.
 */
async function startServer(script: () => Promise<string>): Promise<MessageTransports> {
  worker?.terminate();
  const started = new Worker(await script(), { name: `${CLIENT_NAME} language server` });
  worker = started;
  return { reader: new BrowserMessageReader(started), writer: new BrowserMessageWriter(started) };
}
