/**
 * The search index in a thread of its own (dist/searchWorker.js): the words of every file are
 * indexed while the main thread parses and summarizes the next files (2 cores: both at once),
 * and a search never holds up a keystroke. The main thread sends each file's text with its
 * passages (searchPassages.planPassages), so nothing is parsed twice.
 */
import { parentPort } from 'node:worker_threads';
import type { FromSearch, ToSearch } from './searchMessages';
import { SearchIndex } from '../search/searchIndex';


/** An empty index (for the in-thread fallback, searchService.ts). */
export function newIndex(): SearchIndex {
  return new SearchIndex();
}

/** Answers one message; exported for the in-thread fallback (searchService.ts). */
export function handle(index: SearchIndex, m: ToSearch, timing: { ms: number }): FromSearch | null {
  switch (m.op) {
    case 'disk': {
      const t = performance.now();
      index.setFromDisk(m.uri, m, m.text.length);
      timing.ms += performance.now() - t;
      return null;
    }
    case 'deleteDisk':
      index.deleteFromDisk(m.uri);
      return null;
    case 'open':
      index.setOpen(m.uri, m.version, m);
      return null;
    case 'close':
      index.close(m.uri);
      return null;
    case 'match':
      return { id: m.id, page: index.page(m.words, m.titleOnly, m.ranks) };
    case 'stats': {
      const stats = { ms: timing.ms, bytes: index.bytes(), words: index.words };
      timing.ms = 0;
      return { id: m.id, stats };
    }
  }
}

if (parentPort) {
  const port = parentPort;
  const index = new SearchIndex();
  const timing = { ms: 0 };
  port.on('message', (m: ToSearch) => {
    try {
      const reply = handle(index, m, timing);
      if (reply) port.postMessage(reply);
    } catch (e) {
      if ('id' in m) port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies FromSearch);
    }
  });
}
