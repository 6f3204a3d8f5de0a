/** IdleCompaction: one collection once work stops after enough of it, none for a little work. */
import { strict as assert } from 'node:assert';
import { HeapGrowth, IdleCompaction } from '../../../server/src/node/serverMemory';

describe('IdleCompaction', () => {
  it('Should collect once after a million lines were parsed and work stopped, and not before', async () => {
    let collected = 0;
    const messages: string[] = [];
    let done: () => void = () => undefined;
    const compacted = new Promise<void>((resolve) => (done = resolve));
    const compaction = new IdleCompaction((m) => (messages.push(m), done()), () => collected++, 20, 1_000_000);
    compaction.worked(600_000);
    compaction.worked(300_000);
    // Still under the threshold: nothing scheduled, whatever the wait.
    assert.equal(collected, 0);
    for (let i = 0; i < 5; i++) compaction.worked(100_000);
    await compacted;
    assert.equal(collected, 3, 'one compaction (three collections) for the whole burst');
    assert.match(messages[0], /^memory compacted after 1400000 lines parsed: 3 collections, \d+ ms, \d+ MB resident$/);
    compaction.dispose();
  });

  it('Should collect at once when asked (a large document came), whatever the work counted', () => {
    let collected = 0;
    const compaction = new IdleCompaction(() => undefined, () => collected++, 20, 1_000_000);
    compaction.collectNow();
    assert.equal(collected, 1);
    compaction.dispose();
  });

  it('Should stop collecting when work comes back between two collections', async () => {
    let compaction: IdleCompaction;
    let collected = 0;
    const message = new Promise<string>((resolve) => {
      compaction = new IdleCompaction(resolve, () => {
        collected++;
        // A keystroke arrives during the first collection (too little work to compact again).
        if (collected === 1) compaction.worked(1);
      }, 0, 5);
    });
    compaction!.worked(5);
    assert.match(await message, /: 1 collections,/);
    assert.equal(collected, 1);
    compaction!.dispose();
  });

  it('Should collect with V8 itself when given no collector (the flag set at run time)', async () => {
    let garbage: unknown[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `garbage ${i}` }));
    const before = process.memoryUsage().heapUsed;
    garbage = null;
    const compacted = new Promise<string>((resolve) => new IdleCompaction(resolve, undefined, 0, 1).worked(1));
    assert.match(await compacted, /^memory compacted after 1 lines parsed/);
    const after = process.memoryUsage().heapUsed;
    assert.ok(after < before - 10e6, `the garbage went: ${Math.round(before / 1e6)} → ${Math.round(after / 1e6)} MB used`);
    assert.equal(garbage, null);
  });

  it('Should let the heap grow faster while any indexing runs, and set it back when the last ends, failed or not', async () => {
    const set: number[] = [];
    const growth = new HeapGrowth((percent) => set.push(percent));
    let finishFirst: () => void = () => undefined;
    const first = growth.during(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = growth.during(async () => {
      throw new Error('indexing failed');
    });
    await assert.rejects(second, /indexing failed/);
    assert.deepEqual(set, [100], 'still growing: the first runs');
    finishFirst();
    await first;
    assert.deepEqual(set, [100, 50]);
  });
});
