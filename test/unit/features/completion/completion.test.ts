import { strict as assert } from 'node:assert';
import { completions } from '../../../../server/src/features/completion/completion';
import { workspaceWithCursor } from '../../workspace/inMemoryWorkspace';

const FILES = {
  'lca.notes': ['LCA 2016 – Friday – Session 1', 'Monitoring with Prometheus by Jamie Wilkinson', '  • x', 'Closing', '  • y'],
  'pycon.notes': ['PyCon AU 2019 – Saturday – Lightning Talks', 'Closing', '  • z'],
};
const complete = (line: string) => {
  const ws = workspaceWithCursor('here.notes', { ...FILES, 'here.notes': ['Mine by Bo Ng', line] });
  return completions(ws.model, ws.index, ws.offset);
};

describe('completion', () => {
  it('Should offer workspace talks and sessions right after [[, closing the reference', () => {
    const list = complete('  • see [[$0')!;
    assert.equal(list.isIncomplete, true);
    const prometheus = list.items.find((i) => i.label === 'Monitoring with Prometheus')!;
    assert.deepEqual(prometheus.labelDetails, { detail: ' — Jamie Wilkinson', description: 'LCA 2016' });
    assert.equal(prometheus.detail, 'LCA 2016 · Friday · Session 1 · lca.notes');
    assert.deepEqual(prometheus.textEdit, { range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, newText: 'Monitoring with Prometheus]]' });
    // Caught in the editor: the filter text held a line number, and VS Code dropped every item as soon as a letter was typed.
    assert.equal(prometheus.filterText, 'Monitoring with Prometheus by Jamie Wilkinson');
    assert.ok(list.items.some((i) => i.label === 'PyCon AU 2019 – Saturday – Lightning Talks'));
  });
  it('Should rank by what is typed, matching speaker words too, and keep the server order', () => {
    const list = complete('  • see [[prom wilk$0')!;
    assert.equal(list.items[0].label, 'Monitoring with Prometheus');
    assert.deepEqual(list.items.map((i) => i.sortText), [...list.items.map((i) => i.sortText!)].sort());
    assert.equal(list.items[0].filterText, 'prom wilk Monitoring with Prometheus by Jamie Wilkinson');
  });
  it('Should replace the ]] the editor closed already, and what stands before it', () => {
    const item = complete('  • [[Prom$0etheus]] more')!.items[0];
    assert.deepEqual(item.textEdit, { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 18 } }, newText: 'Monitoring with Prometheus]]' });
  });
  it('Should qualify a title that several files share with its file', () => {
    const labels = complete('  • [[Clos$0')!.items.map((i) => i.label);
    assert.deepEqual(labels.filter((l) => l.endsWith('Closing')).sort(), ['lca.notes#Closing', 'pycon.notes#Closing']);
  });
  it('Should offer only the named file\'s talks after file.notes#', () => {
    const list = complete('  • [[pycon.notes#$0')!;
    assert.deepEqual(list.items.map((i) => i.label), ['Closing', 'PyCon AU 2019 – Saturday – Lightning Talks']);
    assert.equal((list.items[0].textEdit as { range: { start: { character: number } } }).range.start.character, 18);
  });
  it('Should offer nothing outside [[, after a closed reference or after a label bar', () => {
    assert.equal(complete('  • see Prom$0'), null);
    assert.equal(complete('  • [[Closing]] and $0'), null);
    assert.equal(complete('  • [[Closing|the $0'), null);
  });
});
