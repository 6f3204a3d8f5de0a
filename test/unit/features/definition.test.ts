import { strict as assert } from 'node:assert';
import { definition } from '../../../server/src/features/definition';
import { workspaceWithCursor } from '../workspace/inMemoryWorkspace';

const OTHER = ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Closing', '  • y'];
const definitionAt = (marked: string[], files: Record<string, string[]> = { 'other.notes': OTHER }) => {
  const ws = workspaceWithCursor('here.notes', { ...files, 'here.notes': marked });
  return definition(ws.model, ws.index, ws.offset).map((l) => `${l.uri.slice(14)}:${l.range.start.line}`);
};

describe('definition', () => {
  it('Should go from a reference to the title line of the talk it names, in another file', () => {
    assert.deepEqual(definitionAt(['Mine by Bo Ng', '  • see [[roc$0kets]]']), ['other.notes:1']);
  });
  it('Should go to a session header from an Event – Day – Session reference', () => {
    assert.deepEqual(definitionAt(['Mine by Bo Ng', '  • [[LCA 2016 - Friday - Session 1$0]]']), ['other.notes:0']);
  });
  it('Should work anywhere from [[ to ]], label included', () => {
    assert.deepEqual(definitionAt(['Mine by Bo Ng', '  • $0[[Rockets|the talk]]']), ['other.notes:1']);
    assert.deepEqual(definitionAt(['Mine by Bo Ng', '  • [[Rockets|the talk]]$0']), ['other.notes:1']);
  });
  it('Should offer every candidate of an ambiguous title', () => {
    assert.deepEqual(definitionAt(['Closing', '  • not [[Clo$0sing]] again']), ['here.notes:0', 'other.notes:3']);
  });
  it('Should give nothing for an unresolved reference or away from references', () => {
    assert.deepEqual(definitionAt(['Mine by Bo Ng', '  • [[Nothing$0 here]]']), []);
    assert.deepEqual(definitionAt(['Mine by Bo Ng', '  • Rock$0ets']), []);
  });
});
