/** Entry point of the server in a browser's worker (dist/browserServer.js): the connection is the worker's own messages. */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserPlatform } from './browser/browserPlatform';
import { startServer } from './lsp/server';

// The worker's global scope, which speaks to the client that started the worker.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), browserPlatform);
