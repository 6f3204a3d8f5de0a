import { strict as assert } from 'node:assert';
import type { SelectionRange } from 'vscode-languageserver-types';
import { selectionRanges } from '../../../server/src/features/selectionRanges';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { joinLines, withCursor } from '../../helpers';

/** Each step of Expand Selection from the cursor, as the text it selects. */
const expansions = (...lines: string[]) => {
  const { text, offset } = withCursor(joinLines(...lines));
  const doc = parseNotes(text);
  const texts: string[] = [];
  for (let r: SelectionRange | undefined = selectionRanges(doc, [offset])[0]; r; r = r.parent) {
    texts.push(text.slice(doc.lines.offsetAt(r.range.start), doc.lines.offsetAt(r.range.end)));
  }
  return texts;
};

describe('selectionRanges', () => {
  const NOTES = ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • parent', '    • child with more$0 words', '      • grandchild', '    • sibling', 'Planes by Bo Ng', '  • x'];
  it('Should grow word → bullet → bullet with children → parent bullet with children → talk → session (= day here)', () => {
    assert.deepEqual(expansions(...NOTES), [
      'more',
      'child with more words',
      '• child with more words\n      • grandchild',
      '• parent\n    • child with more words\n      • grandchild\n    • sibling',
      NOTES.slice(1, 6).join('\n').replace('$0', ''),
      NOTES.join('\n').replace('$0', ''),
    ]);
  });
  it('Should grow from a title line to its talk, session and day', () => {
    assert.deepEqual(expansions('LCA 2016 – Friday – Session 1', 'Rock$0ets by Ann Other', '  • a', 'LCA 2016 – Friday – Session 2', 'Closing', '  • b').slice(0, 1), ['Rockets']);
    const steps = expansions('LCA 2016 – Friday – Session 1', 'Rock$0ets by Ann Other', '  • a', 'LCA 2016 – Friday – Session 2', 'Closing', '  • b');
    assert.deepEqual(steps.slice(1), ['Rockets by Ann Other\n  • a', 'LCA 2016 – Friday – Session 1\nRockets by Ann Other\n  • a', 'LCA 2016 – Friday – Session 1\nRockets by Ann Other\n  • a\nLCA 2016 – Friday – Session 2\nClosing\n  • b']);
  });
  it('Should count columns in UTF-16 units after emoji', () => {
    const { text, offset } = withCursor('Talk by Ann Other\n  • 🎉 par$0ty');
    const [r] = selectionRanges(parseNotes(text), [offset]);
    assert.deepEqual(r.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } });
  });
  it('Should answer an empty range on a blank line outside any talk', () => {
    const { text, offset } = withCursor('$0\nTalk by Ann Other\n  • a');
    const [r] = selectionRanges(parseNotes(text), [offset]);
    assert.deepEqual([r.range, r.parent], [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, undefined]);
  });
  it('Should grow from a bullet to its section, then to the talk', () => {
    assert.deepEqual(expansions('Talk by Ann Other', 'Why', '  • a$0b', 'How', '  • c'), ['ab', '• ab', 'Why\n  • ab', 'Talk by Ann Other\nWhy\n  • ab\nHow\n  • c']);
  });
});
