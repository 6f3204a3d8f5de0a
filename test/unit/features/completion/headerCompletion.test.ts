import { strict as assert } from 'node:assert';
import { headerCompletions, nextHeaders } from '../../../../server/src/features/completion/headerCompletion';
import { parseNotes } from '../../../../server/src/parser/parseNotes';
import { joinLines, SAMPLE, withCursor } from '../../../helpers';

const offered = (...lines: string[]) => {
  const { text, offset } = withCursor(joinLines(...lines));
  const doc = parseNotes(text);
  const { line, character } = doc.lines.positionAt(offset);
  return headerCompletions(doc, line, character).map((i) => [i.label, i.detail]);
};

describe('headerCompletion', () => {
  it('Should offer the next session and the next day after the nearest header above', () => {
    assert.deepEqual(offered('Linux.conf.au 2016 – Friday – Session 3', '', 'Talk by Ann Other', '  • x', '', '$0'), [
      ['Linux.conf.au 2016 – Friday – Session 4', 'the next session'],
      ['Linux.conf.au 2016 – Saturday – Session 1', 'the next day'],
    ]);
  });
  it('Should count days by number, keep the separator written, and filter by what is typed', () => {
    assert.deepEqual(offered('PGConf 2021 - Day 1 - Session 2', 'x', '$0').map(([l]) => l), ['PGConf 2021 - Day 1 - Session 3', 'PGConf 2021 - Day 2 - Session 1']);
    assert.deepEqual(offered('PGConf 2021 - Day 1 - Session 2', 'PGConf 2021 - Day 2$0').map(([l]) => l), ['PGConf 2021 - Day 2 - Session 1']);
  });
  it('Should offer nothing on an indented line, a line with text after the cursor, or with no header above', () => {
    assert.deepEqual(offered('LCA 2016 – Friday – Session 3', '  $0'), []);
    assert.deepEqual(offered('LCA 2016 – Friday – Session 3', '$0Talk'), []);
    assert.deepEqual(offered('$0', 'LCA 2016 – Friday – Session 3'), []);
  });
  it('Should go on from Session 1 of the sample\'s Sysadmin Miniconf to Session 4 and to no next day', () => {
    const doc = parseNotes(SAMPLE);
    assert.deepEqual(nextHeaders(doc, doc.lines.lineCount - 1).map((h) => h.header), ['Linux.conf.au 2016 – Sysadmin Miniconf – Session 4']);
  });
});
