/**
 * The search index in a thread of its own (dist/searchWorker.js): the words of every file are
 * indexed while the main thread parses and summarizes the next files (2 cores: both at once),
 * and a search never holds up a keystroke. The main thread sends each file's text with its
 * passages (searchPassages.planPassages), so nothing is parsed twice.
 */
import { parentPort } from 'node:worker_threads';
import { SearchAnswerer, type ToSearch } from '../search/searchMessages';

if (parentPort) {
  const port = parentPort;
  const answerer = new SearchAnswerer();
  port.on('message', (m: ToSearch) => {
    const reply = answerer.answer(m);
    if (reply) port.postMessage(reply);
  });
}
