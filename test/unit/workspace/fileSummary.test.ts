import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { summarize } from '../../../server/src/workspace/fileSummary';
import { SAMPLE, growthFactor, joinLines } from '../../helpers';

describe('fileSummary', () => {
  it('Should keep each talk with its session, title line, ranges and first three top-level bullets', () => {
    const summary = summarize('file:///n/a.notes', parseNotes(joinLines('LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • one', '    • nested', '  • two', '  • three', '  • four', 'Planes by Bo Ng')));
    const [rockets, planes] = summary.talks;
    assert.deepEqual(
      [rockets.title, rockets.speaker, rockets.event, rockets.day, rockets.session, rockets.sessionOrdinal, rockets.line],
      ['Rockets', 'Ann Other', 'LCA 2016', 'Friday', 'Session 1', 0, 'Rockets by Ann Other'],
    );
    assert.deepEqual(rockets.firstBullets, ['one', 'two', 'three']);
    assert.deepEqual(planes.firstBullets, []);
    assert.deepEqual([rockets.selectionRange, rockets.titleRange], [
      { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } },
      { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } },
    ]);
    assert.deepEqual(summary.sessions.map((s) => [s.key, s.talkCount, s.range.end.line]), [['lca 2016 – friday – session 1', 2, 7]]);
  });
  it('Should give talks before any header no session', () => {
    const [talk] = summarize('file:///n/a.notes', parseNotes('Rockets by Ann Other')).talks;
    assert.deepEqual([talk.event, talk.sessionOrdinal], [null, null]);
  });
  it('Should summarize the sample: 23 talks, 10 sessions', () => {
    const summary = summarize('file:///n/lca2016.notes', parseNotes(SAMPLE));
    assert.equal(summary.talks.length, 23);
    assert.equal(summary.sessions.length, 10);
    // One talk of the sample has no bullets (the next talk follows its title line).
    assert.deepEqual(summary.talks.filter((t) => t.firstBullets.length === 0).map((t) => t.selectionRange.start.line + 1), [925]);
    assert.deepEqual(summary.talks.find((t) => t.title === 'LNAV')!.firstBullets.length, 3);
  });
  it('Should take time linear in the talks of a file (caught: first bullets rescanned every bullet per talk)', () => {
    const talks = (n: number) => Array.from({ length: n / 4 }, (_, i) => `Talk ${i} by Ann Other\n  • a\n  • b`).join('\n');
    const factor = growthFactor(talks, (text) => summarize('file:///n/a.notes', parseNotes(text)), 8000);
    assert.ok(factor < 8, `4× the talks took ${factor.toFixed(1)}× as long`);
  });
});
