import { strict as assert } from 'node:assert';
import { searchTalks } from '../../../server/src/features/talkSearch';
import { SAMPLE } from '../../helpers';
import { uriOf, workspaceOf } from '../workspace/inMemoryWorkspace';

describe('talkSearch (Go to Talk across the workspace)', () => {
  const ws = workspaceOf({ 'lca2016.notes': SAMPLE, 'kiwicon.notes': ['Kiwicon 2019 – Friday – Session 1', 'Breaking into cars by Ann Other', '  • x'] });
  it('Should find talks of any file, best first, with title, speaker, event, day, session, file and number', () => {
    const [first] = searchTalks(ws.index, 'breaking', 10);
    assert.deepEqual(first, { title: 'Breaking into cars', speaker: 'Ann Other', event: 'Kiwicon 2019', day: 'Friday', session: 'Session 1', uri: uriOf('kiwicon.notes'), ordinal: 0, line: 1, file: 'kiwicon.notes' });
    assert.equal(searchTalks(ws.index, 'prom wilk', 10)[0].speaker, 'Jamie Wilkinson');
  });
  it('Should list talks only, never sessions', () => {
    assert.ok(searchTalks(ws.index, 'friday', 50).length > 0);
    assert.ok(searchTalks(ws.index, 'session', 50).every((t) => !/Session \d/.test(t.title)));
  });
  it('Should list the first talks for an empty query, within the limit', () => {
    assert.equal(searchTalks(ws.index, '', 5).length, 5);
    assert.equal(searchTalks(ws.index, '', 500).length, 24);
  });
});
