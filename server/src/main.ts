#!/usr/bin/env node
/** Entry point of `confnotes-language-server`: picks the transport and starts the server. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write(`usage: ${SERVER_NAME} --stdio   (or --node-ipc, --socket=PORT, --pipe=NAME)\n`);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
