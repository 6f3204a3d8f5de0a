import { strict as assert } from 'node:assert';
import { outlineChildren, outlinePath } from '../../../server/src/features/workspaceOutline';
import type { OutlineNode } from '../../../server/src/protocol/types';
import { SAMPLE } from '../../helpers';
import { uriOf, workspaceOf } from '../workspace/inMemoryWorkspace';
import type { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

/** The whole tree, level by level as the view asks for it, as indented lines: label (description). */
const render = (index: WorkspaceIndex, parent: OutlineNode | null = null, depth = 0): string[] =>
  outlineChildren(index, parent?.id ?? null).flatMap((n) => [`${'  '.repeat(depth)}${n.label} (${n.description})`, ...(n.hasChildren ? render(index, n, depth + 1) : [])]);

describe('workspaceOutline', () => {
  const ws = workspaceOf({
    'lca-fri.notes': ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Planes by Di Ee', '  • y'],
    'lca-sat.notes': ['lca  2016 – Saturday – Session 1', 'Closing', '  • z', 'LCA 2016 – friday – Late', 'Extra by Cy Dee'],
    'loose.notes': ['Talk before any header by Bo Ng', 'PyCon AU 2019 – Saturday – Lightning Talks', 'Prompts by Wilma Flint'],
  });

  it('Should group talks by event → day → session, merging events and days across files, with talk counts', () => {
    assert.deepEqual(render(ws.index), [
      'LCA 2016 (4 talks)',
      '  Friday (3 talks)',
      '    Session 1 (2 talks)',
      '      Rockets (Ann Other)',
      '      Planes (Di Ee)',
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
    const one = workspaceOf({ 'a.notes': ['Loose by Ann Other', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other'] });
    const [event, file] = outlineChildren(one.index, null);
    const [day] = outlineChildren(one.index, event.id);
    const [session] = outlineChildren(one.index, day.id);
    const [talk] = outlineChildren(one.index, session.id);
    assert.deepEqual([event.target, session.kind, session.target], [null, 'session', { uri: uriOf('a.notes'), ordinal: 0, line: 1 }]);
    assert.deepEqual([talk.kind, talk.target], ['talk', { uri: uriOf('a.notes'), ordinal: 1, line: 2 }]);
    assert.deepEqual([file.kind, outlineChildren(one.index, file.id)[0].target], ['file', { uri: uriOf('a.notes'), ordinal: 0, line: 0 }]);
  });
  it('Should give the path from the top to a talk or session, the nodes being those the levels give', () => {
    const path = outlinePath(ws.index, uriOf('lca-sat.notes'), 'talk', 1);
    assert.deepEqual(path.map((n) => n.label), ['LCA 2016', 'Friday', 'Late', 'Extra']);
    assert.deepEqual(path[1], outlineChildren(ws.index, path[0].id)[0]);
    assert.deepEqual(outlinePath(ws.index, uriOf('loose.notes'), 'talk', 0).map((n) => n.kind), ['file', 'talk']);
    assert.deepEqual(outlinePath(ws.index, uriOf('lca-fri.notes'), 'session', 0).map((n) => n.label), ['LCA 2016', 'Friday', 'Session 1']);
    assert.deepEqual(outlinePath(ws.index, uriOf('lca-fri.notes'), 'talk', 9), []);
    assert.deepEqual(outlinePath(ws.index, uriOf('nowhere.notes'), 'talk', 0), []);
  });
  it('Should keep node ids when lines move, and answer nothing for an id that is gone', () => {
    const ids = (text: string[]) => {
      const index = workspaceOf({ 'a.notes': text, 'b.notes': SAMPLE }).index;
      return outlinePath(index, uriOf('a.notes'), 'talk', 0).map((n) => n.id);
    };
    assert.deepEqual(ids(['', '', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other']), ids(['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other']));
    assert.deepEqual(outlineChildren(ws.index, 's\tfile:///notes/gone.notes\t0'), []);
    assert.deepEqual(outlineChildren(ws.index, 'nonsense'), []);
  });
  it('Should hold the sample as one event of four days and 23 talks', () => {
    const index = workspaceOf({ 'lca2016.notes': SAMPLE }).index;
    const [event] = outlineChildren(index, null);
    assert.deepEqual([event.label, event.talkCount, outlineChildren(index, event.id).map((d) => `${d.label} ${d.talkCount}`)], ['Linux.conf.au 2016', 23, ['Friday 7', 'Thursday 6', 'Wednesday 5', 'Sysadmin Miniconf 5']]);
  });
  it('Should list a talk\'s sections under it, each with its line below the talk\'s title', () => {
    const index = workspaceOf({ 'w.notes': ['X 2021 – Day 1 – Session 1', 'Web Components by Dana Whitfield', '', 'Why bother', '  • a', 'Shadow DOM', '  • b'] }).index;
    const [talk] = render(index).filter((l) => l.includes('Web Components'));
    assert.equal(talk.trim(), 'Web Components (Dana Whitfield)');
    const talkNode = outlinePath(index, uriOf('w.notes'), 'talk', 0).at(-1)!;
    assert.equal(talkNode.hasChildren, true);
    assert.deepEqual(outlineChildren(index, talkNode.id).map((n) => [n.kind, n.label, n.target?.line, n.target?.offset, n.hasChildren]), [
      ['section', 'Why bother', 3, 2, false],
      ['section', 'Shadow DOM', 5, 4, false],
    ]);
  });
});
