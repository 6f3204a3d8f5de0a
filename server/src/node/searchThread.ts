/**
 * Search's index on Node: a thread of its own (dist/searchWorker.js, beside dist/server.js), so
 * that indexing the words of a workspace runs beside its parsing (2 cores: both at once) and a
 * search never holds up a keystroke. The index's code is in that file only, not in the server's.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartSearch } from '../lsp/searchService';
import type { FromSearch } from '../search/searchMessages';

export const searchInWorkerThread: StartSearch = (replies, stopped) => {
  const file = path.join(__dirname, 'searchWorker.js');
  const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  // The worker must not keep the server alive when its client has gone.
  worker.unref();
  worker.on('message', (reply: FromSearch) => replies(reply));
  worker.on('error', (e) => stopped(`failed: ${e.stack ?? e.message}`));
  worker.on('exit', (code) => stopped(`exit ${code}`));
  return { post: (message) => worker.postMessage(message) };
};
