import { strict as assert } from 'node:assert';
import { foldingRanges } from '../../../server/src/features/foldingRanges';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SAMPLE, parse } from '../../helpers';

const folds = (...lines: string[]) => foldingRanges(parse(...lines)).map((r) => [r.startLine, r.endLine]);

describe('foldingRanges', () => {
  it('Should fold each session, each talk and each bullet with children', () => {
    assert.deepEqual(
      folds('LCA 2016 – Friday – Session 1', '', 'Talk by Ann Other', '  • a', '    • a1', '  • b', '', 'Other talk by Bo Ng', '  • c'),
      [[0, 8], [2, 5], [3, 4], [7, 8]],
    );
  });
  it('Should not fold a title or bullet that has nothing under it', () => {
    assert.deepEqual(folds('One by Ann Other', 'Two by Bo Ng', '  • leaf'), [[1, 2]]);
  });
  it('Should end a fold at the last non-blank line, not on trailing blanks', () => {
    assert.deepEqual(folds('Talk by Ann Other', '  • a', '', '\u00a0', ''), [[0, 1]]);
  });
  it('Should fold the sample: 10 sessions, 23 talks and the bullet groups, sorted by line', () => {
    const ranges = foldingRanges(parseNotes(SAMPLE));
    assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 80), 'Friday Session 3');
    assert.ok(ranges.some((r) => r.startLine === 2 && r.endLine === 63), 'Lighting talks');
    assert.ok(ranges.some((r) => r.startLine === 6 && r.endLine === 8), 'LCA 2015 give-aways bullet');
    assert.deepEqual(ranges.map((r) => r.startLine), [...ranges.map((r) => r.startLine)].sort((a, b) => a - b));
    assert.ok(ranges.every((r) => r.startLine < r.endLine));
  });
  it('Should keep sessions and talks before bullet groups when over the limit', () => {
    const doc = parseNotes(SAMPLE);
    const all = foldingRanges(doc);
    const limited = foldingRanges(doc, { rangeLimit: 33 });
    assert.ok(all.length > 33);
    assert.equal(limited.length, 33);
    const sessionAndTalkLines = new Set([...doc.sessions, ...doc.talks].map((x) => doc.lines.lineAt(x.span.start)));
    assert.deepEqual(new Set(limited.map((r) => r.startLine)), sessionAndTalkLines);
  });
  it('Should fold each section of a talk, inside the talk', () => {
    assert.deepEqual(folds('Talk by Ann Other', 'Why', '  • a', '  • b', 'How', '  • c', '    • c1'), [[0, 6], [1, 3], [4, 6], [5, 6]]);
  });
});
