import { strict as assert } from 'node:assert';
import { overviewLines } from '../../../server/src/features/overview';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SAMPLE, parse } from '../../helpers';

describe('overviewLines', () => {
  it('Should list the session header lines and the talk title lines, in order', () => {
    assert.deepEqual(overviewLines(parse('Loose by Ann Other', 'LCA 2016 – Friday – Session 1', '', 'Rockets by Ann Other', '  • x', 'Planes by Di Ee', '  • y')), { sessions: [1], talks: [0, 3, 5], looseTalks: [0] });
  });
  it('Should give the sample 10 sessions and 23 talks, Closing on line 66', () => {
    const lines = overviewLines(parseNotes(SAMPLE));
    assert.equal(lines.sessions.length, 10);
    assert.equal(lines.talks.length, 23);
    assert.equal(lines.talks[1] + 1, 66);
  });
});
