import { strict as assert } from 'node:assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/features/codeActions';
import { defaultSettings, linkOptions, readSettings } from '../../../server/src/settings';
import { parse } from '../../helpers';

const URI = 'file:///notes.notes';
const DOC = parse('Talk by Ann Other', '  • see github/steven-ellis', '  • htts://x.org', '  • fine.org');
const line = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 0 } });
const actions = (n: number, extra: Partial<Parameters<typeof codeActions>[3]> = {}) =>
  codeActions(DOC, URI, line(n), { ...linkOptions(defaultSettings), ignoreLinkCommand: true, ...extra });
const edit = (a: ReturnType<typeof actions>[number]) => (a.edit?.changes?.[URI] as TextEdit[] | undefined)?.[0];

describe('codeActions', () => {
  it('Should turn github/steven-ellis into https://github.com/steven-ellis, preferred', () => {
    const [fix] = actions(1);
    assert.equal(fix.title, 'Change to https://github.com/steven-ellis');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(edit(fix), { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 27 } }, newText: 'https://github.com/steven-ellis' });
  });
  it('Should offer both fixes for an ambiguous scheme typo, neither preferred', () => {
    const fixes = actions(2).filter((a) => a.edit);
    assert.deepEqual(fixes.map((a) => [edit(a)!.newText, a.isPreferred]), [['http://x.org', false], ['https://x.org', false]]);
  });
  it('Should offer "Ignore this link" as a client command with a literal glob', () => {
    const ignore = actions(1).find((a) => a.command)!;
    assert.deepEqual(ignore.command, { title: 'Ignore this link', command: 'confnotes.ignoreLink', arguments: ['github/steven-ellis'] });
    assert.equal(actions(1, { ignoreLinkCommand: false }).some((a) => a.command), false, 'not offered to clients without the command');
  });
  it('Should offer nothing on lines without a reported problem, for ignored links or for other kinds', () => {
    assert.deepEqual(actions(3), []);
    assert.deepEqual(actions(1, linkOptions(readSettings({ links: { severity: { 'incomplete-link': 'ignore' } } }))), []);
    assert.deepEqual(actions(1, { only: ['refactor'] }), []);
    assert.equal(actions(1, { only: ['quickfix'] }).length, 2);
  });
});
