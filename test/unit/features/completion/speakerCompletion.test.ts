import { strict as assert } from 'node:assert';
import { speakerCompletions } from '../../../../server/src/features/completion/speakerCompletion';
import { SAMPLE, withCursor } from '../../../helpers';
import { workspaceOf } from '../../workspace/inMemoryWorkspace';

const offered = (line: string, files: Record<string, string | string[]> = { 'lca2016.notes': SAMPLE }) => {
  const { text, offset } = withCursor(line);
  const ws = workspaceOf({ ...files, 'new.notes': [text] });
  const doc = ws.doc('new.notes');
  return speakerCompletions(doc, ws.index, 0, offset).map((i) => [i.label, i.detail, i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : null]);
};

describe('speakerCompletion', () => {
  it('Should offer the speakers that match after " by ", most talks first, with their last talk', () => {
    assert.deepEqual(offered('Rockets by Andrew $0').map(([l, d]) => [l, d]), [
      ['Andrew McDonnell', '2 talks, last: Creating bespoke logging systems and dashboards with Grafana, in fifteen minutes'],
      ['Andrew Stuart', '1 talk, last: The future belongs to unikernels. Linux will soon no longer be used in Internet facing production systems.'],
      ['Andrew Tridgell', '1 talk, last: Helicopters and rocket-planes'],
    ]);
  });
  it('Should offer them after a dash too, matching any word of the name', () => {
    assert.deepEqual(offered('LNAV – wayp$0').map(([l]) => l), ['Paul Wayper']);
  });
  it('Should offer them at the start of a line, followed by a dash, where the file puts speakers first', () => {
    const files = { 'a.notes': ['Priya Raman – Shipping on Fridays', '  • x', 'Tom Reed – Postgres at 3 a.m.'] };
    assert.deepEqual(offered('Pri$0', files), [['Priya Raman', '1 talk, last: Shipping on Fridays', 'Priya Raman – ']]);
    assert.deepEqual(offered('Pri$0'), [], 'the sample puts speakers last');
  });
  it('Should offer nothing on bullets or before any separator in a title-first file', () => {
    assert.deepEqual(offered('  • by Andrew $0'), []);
    assert.deepEqual(offered('Rockets and Andrew$0'), []);
  });
});
