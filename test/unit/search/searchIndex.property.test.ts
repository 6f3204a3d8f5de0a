/**
 * The search index kept up file by file (read from disk, opened, edited, closed, deleted, in any
 * order) answers exactly as one built at once from the files as they end up. Seeded;
 * FAST_CHECK_RUNS / FAST_CHECK_SEED change the run.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { searchSourceOf } from '../../../server/src/search/searchPassages';
import { SearchIndex, type QueryWord } from '../../../server/src/search/searchIndex';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 300);
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;

const WORDS = ['prometheus', 'alert', 'alerts', 'fatigue', 'Kernel', 'kernels', 'café', 'rust', 'rusty', 'unikernel', 'esp8266', 'wifi'];
const line = fc.oneof(
  fc.constantFrom('LCA 2016 – Friday – Session 1', 'Kiwicon 2019 – Monday – Session 2', 'Talk about things by Ann Other', 'Closing', ''),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => '  • ' + w.join(' ')),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ') + ' by Bo Ng'),
);
const text = fc.array(line, { maxLength: 12 }).map((l) => l.join('\n'));
const file = fc.constantFrom('a', 'b', 'c');
const step = fc.oneof(
  fc.record({ op: fc.constant('disk' as const), file, text }),
  fc.record({ op: fc.constant('delete' as const), file }),
  fc.record({ op: fc.constant('open' as const), file, text, version: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('close' as const), file }),
);
const query = fc.array(fc.record({ word: fc.constantFrom('prometheus', 'alert', 'kern', 'cafe', 'rust', 'fatigu', 'wifi', 'esp8266'), exact: fc.boolean() }), { minLength: 1, maxLength: 3 });

describe('SearchIndex kept up file by file (property)', () => {
  it('Should answer as an index built at once from the files as they end up', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.boolean(), (steps, queries, titleOnly) => {
        const kept = new SearchIndex();
        const disk = new Map<string, string>();
        const open = new Map<string, { version: number; text: string }>();
        for (const s of steps) {
          if (s.op === 'disk') {
            disk.set(s.file, s.text);
            kept.setFromDisk(s.file, searchSourceOf(parseNotes(s.text)), s.text.length);
          } else if (s.op === 'delete') {
            disk.delete(s.file);
            kept.deleteFromDisk(s.file);
          } else if (s.op === 'open') {
            // The same version of an open document is the same text (as editors send it).
            const held = open.get(s.file);
            const t = held?.version === s.version ? held.text : s.text;
            open.set(s.file, { version: s.version, text: t });
            kept.setOpen(s.file, s.version, searchSourceOf(parseNotes(t)));
          } else {
            open.delete(s.file);
            kept.close(s.file);
          }
        }
        const fresh = new SearchIndex();
        for (const name of ['a', 'b', 'c']) {
          const t = open.get(name)?.text ?? disk.get(name);
          if (t !== undefined) fresh.setFromDisk(name, searchSourceOf(parseNotes(t)), t.length);
        }
        for (const q of queries) {
          const a = kept.match(q as QueryWord[], titleOnly);
          const b = fresh.match(q as QueryWord[], titleOnly);
          const all = (m: typeof a) => Array.from({ length: m.count }, (_, i) => m.at(i));
          assert.deepEqual(all(a), all(b));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
