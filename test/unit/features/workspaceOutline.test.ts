import { strict as assert } from 'node:assert';
import { workspaceOutline, type OutlineNode } from '../../../server/src/features/workspaceOutline';
import { SAMPLE } from '../../helpers';
import { uriOf, workspaceOf } from '../workspace/inMemoryWorkspace';

/** The tree as indented lines: label (description). */
const render = (nodes: readonly OutlineNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label} (${n.description})`, ...render(n.children, depth + 1)]);

describe('workspaceOutline', () => {
  it('Should group talks by event → day → session, merging events and days across files, with talk counts', () => {
    const ws = workspaceOf({
      'lca-fri.notes': ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Planes', '  • y'],
      'lca-sat.notes': ['lca  2016 – Saturday – Session 1', 'Closing', '  • z', 'LCA 2016 – friday – Late', 'Extra by Cy Dee'],
      'loose.notes': ['Talk before any header by Bo Ng', 'PyCon AU 2019 – Saturday – Lightning Talks', 'Prompts by Wilma Flint'],
    });
    assert.deepEqual(render(workspaceOutline(ws.index)), [
      'LCA 2016 (4 talks)',
      '  Friday (3 talks)',
      '    Session 1 (2 talks)',
      '      Rockets (Ann Other)',
      '      Planes ()',
      '    Late (1 talk)',
      '      Extra (Cy Dee)',
      '  Saturday (1 talk)',
      '    Session 1 (1 talk)',
      '      Closing ()',
      'PyCon AU 2019 (1 talk)',
      '  Saturday (1 talk)',
      '    Lightning Talks (1 talk)',
      '      Prompts (Wilma Flint)',
      'loose.notes (1 talk)',
      '  Talk before any header (Bo Ng)',
    ]);
  });
  it('Should say where each talk and session is: file, number in the file and line', () => {
    const ws = workspaceOf({ 'a.notes': ['Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other'] });
    const [event, file] = workspaceOutline(ws.index);
    const session = event.children[0].children[0];
    assert.deepEqual([session.kind, session.target], ['session', { uri: uriOf('a.notes'), ordinal: 0, line: 1 }]);
    assert.deepEqual([session.children[0].kind, session.children[0].target], ['talk', { uri: uriOf('a.notes'), ordinal: 1, line: 2 }]);
    assert.deepEqual([file.kind, file.children[0].target], ['file', { uri: uriOf('a.notes'), ordinal: 0, line: 0 }]);
    assert.equal(event.target, null);
  });
  it('Should keep node ids stable when lines move and unique across the tree', () => {
    const ids = (text: string[]) => collect(workspaceOutline(workspaceOf({ 'a.notes': text, 'b.notes': SAMPLE }).index));
    const collect = (nodes: readonly OutlineNode[]): string[] => nodes.flatMap((n) => [n.id, ...collect(n.children)]);
    const before = ids(['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other']);
    assert.deepEqual(ids(['', '', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other']), before);
    assert.equal(new Set(before).size, before.length);
  });
  it('Should hold the sample as one event of four days and 23 talks', () => {
    const [event] = workspaceOutline(workspaceOf({ 'lca2016.notes': SAMPLE }).index);
    assert.deepEqual([event.label, event.talkCount, event.children.map((d) => `${d.label} ${d.talkCount}`)], ['Linux.conf.au 2016', 23, ['Friday 7', 'Thursday 6', 'Wednesday 5', 'Sysadmin Miniconf 5']]);
  });
});
