import { strict as assert } from 'node:assert';
import { fixesInData } from '../../../../server/src/features/codeActions';
import { referenceDiagnostics } from '../../../../server/src/features/diagnostics/referenceDiagnostics';
import type { TextEdit } from 'vscode-languageserver-types';
import { defaultSettings, readSettings } from '../../../../server/src/settings';
import { uriOf, workspaceOf } from '../../workspace/inMemoryWorkspace';

const FILES = {
  'lca.notes': ['LCA 2016 – Friday – Session 1', 'Helicopters and rocket-planes by Andrew Tridgell', '  • x', 'Closing', '  • y'],
  'pycon.notes': ['PyCon AU 2019 – Saturday – Lightning Talks', 'Closing', '  • z'],
};
const check = (lines: string[], settings = defaultSettings) => {
  const ws = workspaceOf({ ...FILES, 'here.notes': ['Mine by Bo Ng', ...lines] });
  return referenceDiagnostics(ws.doc('here.notes'), ws.index, settings);
};

describe('referenceDiagnostics', () => {
  it('Should flag a reference to no talk on its title part, with the nearest titles as fixes', () => {
    const [d] = check(['  • see [[Helicopter and rocket planes|that]]']);
    assert.deepEqual([d.code, d.severity, d.range], ['unresolved-reference', 2, { start: { line: 1, character: 10 }, end: { line: 1, character: 38 } }]);
    assert.equal(d.message, 'No talk or session is titled "Helicopter and rocket planes" in the workspace; did you mean "Helicopters and rocket-planes"?');
    assert.deepEqual(d.data, { fixes: ['Helicopters and rocket-planes'] });
  });
  it('Should flag an unknown title with no near one, without fixes', () => {
    const [d] = check(['  • [[Quantum basket weaving]]']);
    assert.deepEqual([d.code, d.data], ['unresolved-reference', { fixes: [] }]);
    assert.doesNotMatch(String(d.message), /did you mean/);
  });
  it('Should flag a title several files share, offering file#Title for each', () => {
    const [d] = check(['  • [[closing]]']);
    assert.equal(d.code, 'ambiguous-reference');
    assert.equal(d.message, '"closing" is the title of 2 talks (lca.notes, pycon.notes); name the file: [[lca.notes#closing]]');
    assert.deepEqual(d.data, { fixes: ['lca.notes#closing', 'pycon.notes#closing'] });
  });
  it('Should accept resolved references, sessions and file-qualified titles', () => {
    assert.deepEqual(check(['  • [[Helicopters and Rocket-Planes]] [[pycon.notes#Closing]] [[LCA 2016 - Friday - Session 1]]']), []);
  });
  it('Should flag a file-qualified title missing from that file, and fix the file part when the talk is elsewhere', () => {
    const [d] = check(['  • [[pycon.notes#Helicopters and rocket-planes]]']);
    assert.equal(d.message, 'No talk or session is titled "Helicopters and rocket-planes" in pycon.notes; it is in lca.notes');
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 47 } });
    assert.deepEqual(d.data, { fixes: ['Helicopters and rocket-planes'] });
    assert.deepEqual(check(['  • [[nowhere.notes#Closing]]'])[0].data, { fixes: ['lca.notes#Closing', 'pycon.notes#Closing'] });
    assert.deepEqual(check(['  • [[lca.notes#Clsoing]]'])[0].data, { fixes: ['lca.notes#Closing'] });
  });
  it('Should follow the severity settings, ignore included', () => {
    const settings = readSettings({ links: { severity: { 'unresolved-reference': 'error', 'ambiguous-reference': 'ignore' } } });
    assert.deepEqual(check(['  • [[Nope]] [[Closing]]'], settings).map((d) => [d.code, d.severity]), [['unresolved-reference', 1]]);
  });
  it('Should turn the fixes into quick fixes that replace the title part', () => {
    const diagnostics = check(['  • [[closing]] [[Helicopter and rocket planes]]']);
    const actions = fixesInData(uriOf('here.notes'), diagnostics.map((d) => ({ ...d, source: 'confnotes' })));
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, (a.edit!.changes![uriOf('here.notes')] as TextEdit[])[0].newText]),
      [['Refer to lca.notes#closing', false, 'lca.notes#closing'], ['Refer to pycon.notes#closing', false, 'pycon.notes#closing'], ['Change to [[Helicopters and rocket-planes]]', true, 'Helicopters and rocket-planes']],
    );
  });
  it('Should make no quick fix from diagnostics of other sources or codes', () => {
    const [d] = check(['  • [[Helicopter and rocket planes]]']);
    assert.deepEqual(fixesInData(uriOf('here.notes'), [{ ...d, source: 'other' }, { ...d, code: 'unknown-tld' }]), []);
  });
});
