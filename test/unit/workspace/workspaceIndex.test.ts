import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { summarize } from '../../../server/src/workspace/fileSummary';
import { targetName, type IndexChange, type Resolution } from '../../../server/src/workspace/workspaceIndex';
import { SAMPLE } from '../../helpers';
import { uriOf, workspaceOf } from './inMemoryWorkspace';

const LCA = ['LCA 2016 – Friday – Session 1', '', 'Helicopters and rocket-planes by Andrew Tridgell', '  • MAVLink', 'Closing', '  • thanks'];
const PYCON = ['PyCon AU 2019 – Saturday – Lightning Talks', 'Closing', '  • see you next year'];

const described = (r: Resolution) =>
  r.kind === 'resolved' ? `${r.target.uri.slice(14)}:${r.target.line}` : r.kind === 'ambiguous' ? `ambiguous ${r.candidates.map((c) => c.uri.slice(14)).join(' ')}` : `unresolved ${r.suggestions.join(' | ')}`;

describe('WorkspaceIndex', () => {
  it('Should score at most 1,000 targets for a letter that begins words of thousands: those whose title begins with it first', () => {
    // 3,000 talks with a word beginning with "m" inside their titles, 10 whose titles begin with it, late in file order.
    const inside = Array.from({ length: 3000 }, (_, i) => `Talk ${i} about monitoring by Ann Other\n  • x`);
    const leading = Array.from({ length: 10 }, (_, i) => `Metrics ${i} by Bo Ng\n  • y`);
    const { index } = workspaceOf({ 'a.notes': inside.join('\n'), 'z.notes': leading.join('\n') });
    const found = index.search('m', 10).map(targetName);
    assert.deepEqual([...found].sort(), leading.map((_, i) => `Metrics ${i}`).sort());
    assert.equal(index.search('monitoring', 5000).length, 1000, 'a thousand scored');
    assert.equal(index.search('metrics 7', 5).map(targetName)[0], 'Metrics 7', 'a narrower query is scored in full');
  });

  it('Should find a misspelt word only with its first letter right (the letters of the rest in order)', () => {
    const { index } = workspaceOf({ 'a.notes': 'Prometheus alerting by Ann Other\n  • x' });
    assert.deepEqual(index.search('prometeus', 5).map(targetName), ['Prometheus alerting']);
    assert.deepEqual(index.search('prmetheus', 5).map(targetName), ['Prometheus alerting']);
    assert.deepEqual(index.search('rometheus', 5).map(targetName), [], 'the first letter dropped: not read');
  });

  const { index } = workspaceOf({ 'lca.notes': LCA, 'pycon.notes': PYCON });
  const resolve = (target: string, file: string | null = null) => described(index.resolve({ target, file }));

  it('Should resolve a title in any file, ignoring case and surrounding white space', () => {
    assert.equal(resolve('helicopters AND rocket-planes'), 'lca.notes:2');
  });
  it('Should resolve a session by Event – Day – Session, whatever the dashes', () => {
    assert.equal(resolve('PyCon AU 2019 - Saturday - Lightning Talks'), 'pycon.notes:0');
  });
  it('Should call a title shared by talks of several files ambiguous, in file order', () => {
    assert.equal(resolve('Closing'), 'ambiguous lca.notes pycon.notes');
  });
  it('Should resolve a shared title once the file is named, by name or by path end', () => {
    assert.equal(resolve('Closing', 'pycon.notes'), 'pycon.notes:1');
    assert.equal(resolve('Closing', 'notes/LCA.notes'), 'lca.notes:4');
    assert.equal(resolve('Closing', 'other.notes'), 'unresolved Closing');
  });
  it('Should suggest the nearest titles for an unknown one, best first', () => {
    assert.equal(resolve('Helicopter and rocket planes'), 'unresolved Helicopters and rocket-planes');
    assert.equal(resolve('Clsoing'), 'unresolved Closing');
    assert.equal(resolve('Something else entirely'), 'unresolved ');
  });
  it('Should list the references that resolve to a talk, across files', () => {
    const ws = workspaceOf({ 'a.notes': ['Rockets by Ann Other', '  • x'], 'b.notes': ['Other by Bo Ng', '  • see [[rockets]]', '  • and [[Rockets|them]] [[nothing]]'] });
    const rockets = ws.index.talks().find((t) => t.title === 'Rockets')!;
    assert.deepEqual(ws.index.referencesTo(rockets).map((r) => [r.uri.slice(14), r.line, r.character]), [['b.notes', 1, 8], ['b.notes', 2, 8]]);
    assert.deepEqual(ws.index.referencesTo(ws.index.talks().find((t) => t.title === 'Other')!), []);
  });
  it('Should let an open document win over its disk copy, and fall back to the disk copy when it closes', () => {
    const ws = workspaceOf({ 'a.notes': ['Rockets by Ann Other'] });
    ws.index.setOpen(summarize(uriOf('a.notes'), parseNotes('Planes by Ann Other')));
    assert.deepEqual(ws.index.talks().map((t) => t.title), ['Planes']);
    ws.index.close(uriOf('a.notes'));
    assert.deepEqual(ws.index.talks().map((t) => t.title), ['Rockets']);
  });
  it('Should keep an open document that has no disk copy until it closes', () => {
    const ws = workspaceOf({});
    ws.index.setOpen(summarize('untitled:Untitled-1', parseNotes('Planes by Ann Other')));
    ws.index.deleteFromDisk('untitled:Untitled-1');
    assert.equal(ws.index.talks().length, 1);
    ws.index.close('untitled:Untitled-1');
    assert.equal(ws.index.talks().length, 0);
  });
  it('Should forget files deleted from disk, and every file under a deleted folder', () => {
    const ws = workspaceOf({ 'a.notes': ['A by Ann Other'], 'b.notes': ['B by Bo Ng'] });
    ws.index.setFromDisk(summarize('file:///elsewhere/c.notes', parseNotes('C by Cy Twombly')));
    ws.index.deleteFromDisk(uriOf('a.notes'));
    assert.equal(described(ws.index.resolve({ target: 'A', file: null })).startsWith('unresolved'), true);
    ws.index.deleteFolder('file:///notes');
    assert.deepEqual(ws.index.talks().map((t) => t.title), ['C']);
  });
  it('Should say whether names changed or only positions moved', () => {
    const ws = workspaceOf({});
    const changes: IndexChange[] = [];
    ws.index.onDidChange((c) => changes.push(c));
    const open = (text: string) => ws.index.setOpen(summarize(uriOf('a.notes'), parseNotes(text)));
    open('A by Ann Other\n  • [[B]]');
    open('\n\nA by Ann Other\n  • [[B]]');
    open('\n\nA by Ann Other\n  • [[B]] and more words');
    open('\n\nA by Ann Other\n  • [[C]]');
    open('\n\nA2 by Ann Other\n  • [[C]]');
    assert.deepEqual(changes.map((c) => c.names), [true, false, false, true, true]);
  });
  it('Should find talks fuzzily on title, speaker, event and day, best first', () => {
    const ws = workspaceOf({ 'lca2016.notes': SAMPLE, 'pycon.notes': PYCON });
    const top = (query: string) => targetName(ws.index.search(query, 10)[0]);
    assert.equal(top('prom wilk'), 'An introduction to monitoring and alerting with timeseries at scale, with Prometheus');
    assert.equal(top('tridgell'), 'Helicopters and rocket-planes');
    assert.equal(top('pycon saturday'), 'PyCon AU 2019 – Saturday – Lightning Talks');
    assert.deepEqual(ws.index.search('zzqqx', 10), []);
    assert.deepEqual(ws.index.search('ansible', 10), [], 'letters strewn across long titles are no match');
    assert.equal(ws.index.search('', 5).length, 5);
  });
});
