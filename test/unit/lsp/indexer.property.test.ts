/**
 * The workspace indexed in slices while files change on disk: whatever the order in which the
 * first indexing, the change events (as NotesWorkspace passes them on, one at a time) and the
 * parses' slices interleave, the index ends as one built at once from the files as they end up.
 * Every step of a parse is a turn of its own here. Seeded; FAST_CHECK_RUNS / FAST_CHECK_SEED.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { Indexer } from '../../../server/src/lsp/indexer';
import { DiskFiles } from '../../../server/src/io/diskFiles';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SearchService, searchInThisThread } from '../../../server/src/lsp/searchService';
import { summarize } from '../../../server/src/workspace/fileSummary';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { SAMPLE } from '../../helpers';
import { REAL_WORLD_LINES } from '../realWorldLines';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000) / 10;
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;

const line = fc.oneof(fc.constantFrom(...SAMPLE.split('\n')), fc.constantFrom(...REAL_WORLD_LINES), fc.constantFrom('See [[Closing]] and [[lca2016.notes#LNAV]]', ''));
const text = fc.array(line, { maxLength: 30 }).map((l) => l.join('\n'));
const name = fc.constantFrom('a.notes', 'b.notes', 'sub/c.notes', 'd.notes');
const change = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), name, text }),
  fc.record({ kind: fc.constant('delete' as const), name }),
  fc.record({ kind: fc.constant('turns' as const), count: fc.integer({ min: 0, max: 8 }) }),
);

const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('Indexer, parsing in slices while files change (property)', function () {
  this.timeout(120000);

  it('Should end with the index of the files as they are on disk at the end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, text), fc.array(change, { maxLength: 12 }), async (initial, changes) => {
        const folder = mkdtempSync(path.join(tmpdir(), 'confnotes-indexer-'));
        const disk = new Map<string, string>();
        try {
          for (const [file, content] of Object.entries(initial)) {
            writeNotes(folder, file, content);
            disk.set(file, content);
          }
          const index = new WorkspaceIndex();
          const search = new SearchService(searchInThisThread, () => undefined);
          const indexer = new Indexer(new DiskFiles(), index, search, () => undefined, undefined, 0);
          indexer.configure([URI.file(folder).toString()], ['**/*.notes']);
          const indexing = indexer.indexAll(null);
          // Watched-file events, handled one at a time in the order they came (NotesWorkspace.filesChanged).
          let events: Promise<void> = Promise.resolve();
          for (const c of changes) {
            if (c.kind === 'turns') {
              await turns(c.count);
              continue;
            }
            const uri = URI.file(path.join(folder, c.name)).toString();
            if (c.kind === 'write') {
              writeNotes(folder, c.name, c.text);
              disk.set(c.name, c.text);
              events = events.then(() => indexer.fileChanged(uri));
            } else if (disk.has(c.name)) {
              unlinkSync(path.join(folder, c.name));
              disk.delete(c.name);
              events = events.then(() => indexer.fileDeleted(uri));
            }
          }
          assert.equal(await indexing, 'done');
          await events;

          const expected = [...disk.keys()].map((file) => URI.file(path.join(folder, file)).toString()).sort();
          assert.deepEqual([...index.diskUris()].sort(), expected);
          for (const file of disk.keys()) {
            const uri = URI.file(path.join(folder, file)).toString();
            assert.deepEqual(index.get(uri), summarize(uri, parseNotes(disk.get(file)!, { links: false })), file);
            assert.equal(search.diskCharsOf(uri), disk.get(file)!.length, `search holds ${file} as it is on disk`);
          }
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

function writeNotes(folder: string, file: string, content: string): void {
  const full = path.join(folder, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}
