import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { firstBullets } from '../../../server/src/features/hover';
import { headingRange, titleRange, wholeRange } from '../../../server/src/features/ranges';
import { documentNames, sameNames, summarize } from '../../../server/src/workspace/fileSummary';
import { SAMPLE, growthFactor, joinLines } from '../../helpers';

describe('fileSummary', () => {
  it('Should keep each talk with its session, title line and ranges; its first three top-level bullets read from its file', () => {
    const doc = parseNotes(joinLines('LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • one', '    • nested', '  • two', '  • three', '  • four', 'Planes by Bo Ng'));
    const summary = summarize('file:///n/a.notes', doc);
    const [rockets, planes] = summary.talks;
    assert.deepEqual(
      [rockets.title, rockets.speaker, rockets.event, rockets.day, rockets.session, rockets.sessionOrdinal, rockets.heading, planes.ordinal],
      ['Rockets', 'Ann Other', 'LCA 2016', 'Friday', 'Session 1', 0, 'Rockets by Ann Other', 1],
    );
    assert.deepEqual(firstBullets(doc, 0), ['one', 'two', 'three']);
    assert.deepEqual(firstBullets(doc, 1), []);
    assert.deepEqual(firstBullets(doc, 2), [], 'no such talk');
    assert.deepEqual([headingRange(rockets), titleRange(rockets), wholeRange(rockets)], [
      { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } },
      { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } },
      { start: { line: 1, character: 0 }, end: { line: 6, character: 8 } },
    ]);
    assert.deepEqual(summary.sessions.map((s) => [s.key, s.talkCount, wholeRange(s).end.line]), [['lca 2016 – friday – session 1', 2, 7]]);
  });
  it('Should place titles and references by UTF-16 columns after emoji, and share session strings among talks', () => {
    const summary = summarize('file:///n/a.notes', parseNotes(joinLines('LCA 2016 – Friday – Session 1', '🎉 Party by Ann Other', '  • 😀 see [[🎉 Party]]', 'Other by Bo Ng')));
    assert.deepEqual(titleRange(summary.talks[0]), { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    const [reference] = summary.references;
    assert.deepEqual([reference.line, reference.character, reference.endCharacter, reference.targetStart, reference.targetEnd], [2, 11, 23, 13, 21]);
    assert.equal(summary.talks[0].event, summary.talks[1].event);
    assert.ok(Object.is(summary.talks[0].event, summary.sessions[0].event));
  });
  it('Should give talks before any header no session', () => {
    const [talk] = summarize('file:///n/a.notes', parseNotes('Rockets by Ann Other')).talks;
    assert.deepEqual([talk.event, talk.sessionOrdinal], [null, null]);
  });
  it('Should summarize the sample: 23 talks, 10 sessions', () => {
    const doc = parseNotes(SAMPLE);
    const summary = summarize('file:///n/lca2016.notes', doc);
    assert.equal(summary.talks.length, 23);
    assert.equal(summary.sessions.length, 10);
    // One talk of the sample has no bullets (the next talk follows its title line).
    assert.deepEqual(summary.talks.filter((t) => firstBullets(doc, t.ordinal).length === 0).map((t) => t.line + 1), [925]);
    const lnav = summary.talks.find((t) => t.title === 'LNAV')!;
    assert.equal(firstBullets(doc, lnav.ordinal).length, 3);
    assert.ok(firstBullets(doc, lnav.ordinal).every((b) => b.length <= 120 && !b.startsWith('•')));
  });
  it('Should take time linear in the talks of a file (caught: first bullets rescanned every bullet per talk)', () => {
    const talks = (n: number) => Array.from({ length: n / 4 }, (_, i) => `Talk ${i} by Ann Other\n  • a\n  • b`).join('\n');
    const factor = growthFactor(talks, (text) => summarize('file:///n/a.notes', parseNotes(text)), 8000);
    assert.ok(factor < 8, `4× the talks took ${factor.toFixed(1)}× as long`);
  });
  it('Should keep document names when lines only move, and change them with a title, a session or a reference', () => {
    const doc = (...lines: string[]) => parseNotes(joinLines(...lines));
    const base = documentNames(doc('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • [[Planes]]'));
    const same = (...lines: string[]) => {
      const other = doc(...lines);
      // Both ways of comparing agree: the walk (what a keystroke does) and the names made anew.
      assert.equal(sameNames(other, base), JSON.stringify(documentNames(other)) === JSON.stringify(base));
      return sameNames(other, base);
    };
    assert.ok(same('', 'Loose by Ann Other', '', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • [[Planes]] and more'));
    assert.ok(!same('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rocket by Ann Other', '  • [[Planes]]'));
    assert.ok(!same('LCA 2016 – Friday – Session 1', 'Loose by Ann Other', 'Rockets by Ann Other', '  • [[Planes]]'), 'a talk moved into the session');
    assert.ok(!same('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • [[Plane]]'));
    assert.ok(!same('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • [[Planes]] [[Planes]]'), 'one more reference');
    assert.ok(!same('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', 'Fuel', '  • [[Planes]]'), 'a section');
    assert.ok(!same('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other'), 'the reference removed: the names are a prefix of those held');
  });
});
