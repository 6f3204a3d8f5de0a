/** SearchService and where its index runs: answers in order, a stopped index started again with every file, and given up when it keeps stopping. */
import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SearchService, searchInThisThread, STOPS_BEFORE_GIVING_UP, type StartSearch } from '../../../server/src/lsp/searchService';
import { parseSearchQuery } from '../../../server/src/search/searchQuery';

const NOTES = 'Kiwicon 2019 – Friday – Session 1\n\nBreaking into cars by Ann Other\n  • CAN bus on the OBD port\n';

/** An index in this thread that the test can stop, as a worker thread dies. */
function stoppable(): { start: StartSearch; starts: () => number; stop: (why: string) => void } {
  let starts = 0;
  let stop: (why: string) => void = () => undefined;
  return {
    start: (replies, stopped) => {
      starts++;
      stop = stopped;
      return searchInThisThread(replies, stopped);
    },
    starts: () => starts,
    stop: (why) => stop(why),
  };
}

describe('SearchService', () => {
  const words = (query: string) => parseSearchQuery(query).words;

  it('Should find a file sent from disk, with the index in this thread (the browser\'s)', async () => {
    const search = new SearchService(searchInThisThread, () => undefined);
    search.setFromDisk('memfs:/k.notes', parseNotes(NOTES), NOTES);
    const page = await search.match(words('obd'), false, 10);
    assert.equal(page.count, 1);
    assert.equal((await search.stats()).words > 0, true);
  });

  it('Should start a stopped index again and ask for every file again, refusing what waited', async () => {
    const index = stoppable();
    let lost = 0;
    const logged: string[] = [];
    const search = new SearchService(index.start, (m) => logged.push(m), () => lost++);
    search.setFromDisk('memfs:/k.notes', parseNotes(NOTES), NOTES);
    const waiting = search.stats();
    index.stop('exit 1');
    await assert.rejects(waiting, /stopped/);
    assert.equal(lost, 1);
    assert.equal(search.diskCharsOf('memfs:/k.notes'), undefined, 'what the index held is forgotten');
    assert.match(logged.join('\n'), /stopped \(exit 1\); starting it again/);
    search.setFromDisk('memfs:/k.notes', parseNotes(NOTES), NOTES);
    assert.equal(index.starts(), 2);
    assert.equal((await search.match(words('obd'), false, 10)).count, 1);
  });

  it(`Should give up after ${STOPS_BEFORE_GIVING_UP} stops in a minute and say so, instead of reading the workspace again and again`, async () => {
    const index = stoppable();
    let lost = 0;
    const logged: string[] = [];
    const search = new SearchService(index.start, (m) => logged.push(m), () => lost++);
    for (let i = 0; i < STOPS_BEFORE_GIVING_UP; i++) {
      search.setFromDisk('memfs:/k.notes', parseNotes(NOTES), NOTES);
      index.stop('failed: Cannot find module searchWorker.js');
    }
    assert.equal(lost, STOPS_BEFORE_GIVING_UP - 1);
    assert.equal(index.starts(), STOPS_BEFORE_GIVING_UP);
    await assert.rejects(search.match(words('obd'), false, 10), /Search Notes is off: its index stopped 3 times in a minute \(last: failed: Cannot find module/);
    search.setFromDisk('memfs:/k.notes', parseNotes(NOTES), NOTES);
    assert.equal(index.starts(), STOPS_BEFORE_GIVING_UP, 'not started again');
    assert.match(logged.at(-1)!, /Search Notes is off/);
  });
});
