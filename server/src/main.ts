#!/usr/bin/env node
/** Entry point of `confnotes-language-server`: picks the transport and starts the server. */
import { createConnection, LSPErrorCodes, ProposedFeatures, type ConnectionStrategy, type RequestMessage } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION, startServer } from './lsp/server';
import { nodePlatform } from './node/nodePlatform';
import { keepHeapSmall } from './node/serverMemory';

/**
 * A request cancelled while it waits (behind the parse of a huge file, say) is answered
 * "cancelled" at once instead of being run later for nobody.
 */
const answerCancelledRequestsAtOnce: ConnectionStrategy = {
  cancelUndispatched: (message) => {
    const request = message as RequestMessage;
    return { jsonrpc: '2.0', id: request.id, error: { code: LSPErrorCodes.RequestCancelled, message: `${request.method} was cancelled before it ran` } };
  },
};

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write(`usage: ${SERVER_NAME} --stdio   (or --node-ipc, --socket=PORT, --pipe=NAME)\n`);
  process.exitCode = 2;
} else {
  // One failed promise (a client refusing a request, say) must not take every open file's features down.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`${SERVER_NAME}: unexpected error, carrying on: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
  });
  keepHeapSmall();
  startServer(createConnection(ProposedFeatures.all, answerCancelledRequestsAtOnce), nodePlatform);
}
