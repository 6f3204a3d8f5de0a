/**
 * The server on Node (editors' `confnotes-language-server --stdio`, VS Code desktop): it reads
 * the disk itself, indexes words in a thread of its own, keeps its heap small, and checks links
 * online (the checker loaded on first use).
 */
import { DiskFiles } from '../io/diskFiles';
import { defaultCacheFolder } from '../linkCheck/cacheFolder';
import { checkLinks } from '../linkCheck/lazyChecker';
import { LinkCache } from '../linkCheck/linkCache';
import type { ServerPlatform } from '../lsp/platform';
import { searchInWorkerThread } from './searchThread';
import { HeapGrowth, IdleCompaction } from './serverMemory';

export const nodePlatform: ServerPlatform = {
  name: `Node ${process.versions.node}`,
  ownFiles: (log) => new DiskFiles(log),
  startSearch: searchInWorkerThread,
  compaction: (log) => new IdleCompaction(log),
  heapGrowth: new HeapGrowth(),
  online: { checkLinks, cache: (folder) => new LinkCache(folder ?? defaultCacheFolder()) },
};
