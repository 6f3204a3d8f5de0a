import { strict as assert } from 'node:assert';
import { backlinks } from '../../../server/src/features/backlinks';
import { workspaceWithCursor } from '../workspace/inMemoryWorkspace';

const FILES = {
  'a.notes': ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • see [[Planes]]'],
  'b.notes': ['Planes by Bo Ng', '  • after [[rockets]] and [[Rockets|that talk]]', '  • [[LCA 2016 – Friday – Session 1]]'],
};
const referencesAt = (name: 'a.notes' | 'b.notes', marked: string[], includeDeclaration = false) => {
  const ws = workspaceWithCursor(name, { ...FILES, [name]: marked });
  return backlinks(ws.model, ws.index, ws.uri, ws.offset, includeDeclaration).map((l) => `${l.uri.slice(14)}:${l.range.start.line}:${l.range.start.character}`);
};

describe('backlinks (find all references)', () => {
  it('Should find every reference to the talk whose title line holds the cursor, across files', () => {
    assert.deepEqual(referencesAt('a.notes', ['LCA 2016 – Friday – Session 1', 'Rock$0ets by Ann Other', '  • see [[Planes]]']), ['b.notes:1:10', 'b.notes:1:26']);
  });
  it('Should include the title itself when asked to', () => {
    assert.deepEqual(referencesAt('a.notes', ['LCA 2016 – Friday – Session 1', 'Rockets by Ann $0Other', '  • see [[Planes]]'], true), ['a.notes:1:0', 'b.notes:1:10', 'b.notes:1:26']);
  });
  it('Should find them from a reference as from the title', () => {
    assert.deepEqual(referencesAt('b.notes', ['Planes by Bo Ng', '  • after [[rock$0ets]] and [[Rockets|that talk]]', '  • [[LCA 2016 – Friday – Session 1]]']), ['b.notes:1:10', 'b.notes:1:26']);
  });
  it('Should find references to a session from its header', () => {
    assert.deepEqual(referencesAt('a.notes', ['LCA 2016 – Friday $0– Session 1', 'Rockets by Ann Other', '  • see [[Planes]]']), ['b.notes:2:4']);
  });
  it('Should find nothing on a bullet', () => {
    assert.deepEqual(referencesAt('a.notes', ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • s$0ee [[Planes]]']), []);
  });
});
