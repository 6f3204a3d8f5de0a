import { strict as assert } from 'node:assert';
import { codeLenses } from '../../../server/src/features/codeLenses';
import { SHOW_REFERENCES_COMMAND } from '../../../server/src/protocol/types';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { uriOf, workspaceOf } from '../workspace/inMemoryWorkspace';

describe('codeLenses', () => {
  const ws = workspaceOf({
    'a.notes': ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Unloved by Cy Dee', '  • y'],
    'b.notes': ['Planes by Bo Ng', '  • [[Rockets]], [[rockets|again]]', '  • [[LCA 2016 – Friday – Session 1]]'],
  });
  it('Should put "N references" above each referenced talk and session, and nothing above the others', () => {
    const lenses = codeLenses(ws.doc('a.notes'), ws.index, uriOf('a.notes'));
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[0, '1 reference'], [1, '2 references']]);
  });
  it('Should hand the client the locations to show', () => {
    const [, rockets] = codeLenses(ws.doc('a.notes'), ws.index, uriOf('a.notes'));
    assert.equal(rockets.command?.command, SHOW_REFERENCES_COMMAND);
    const [uri, position, locations] = rockets.command!.arguments!;
    assert.deepEqual([uri, position], [uriOf('a.notes'), { line: 1, character: 0 }]);
    assert.deepEqual((locations as Array<{ uri: string; range: { start: { character: number } } }>).map((l) => [l.uri, l.range.start.character]), [[uriOf('b.notes'), 4], [uriOf('b.notes'), 17]]);
  });
  it('Should give none for a file without referenced talks or one it does not know', () => {
    assert.deepEqual(codeLenses(ws.doc('b.notes'), ws.index, uriOf('b.notes')), []);
    assert.deepEqual(codeLenses(ws.doc('b.notes'), ws.index, uriOf('nowhere.notes')), []);
  });
  it('Should place lenses where the titles are now, when the index holds an older summary with the same names', () => {
    const moved = parseNotes(['', '', 'LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Unloved by Cy Dee', '  • y'].join('\n'));
    assert.deepEqual(codeLenses(moved, ws.index, uriOf('a.notes')).map((l) => l.range.start.line), [2, 3]);
  });
});
