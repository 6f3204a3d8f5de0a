import { strict as assert } from 'node:assert';
import { rename, RenameRefused, renameTarget } from '../../../server/src/features/rename';
import type { TextEdit } from 'vscode-languageserver-types';
import { workspaceWithCursor } from '../workspace/inMemoryWorkspace';

const A = ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Closing', '  • y'];
const B = ['Planes by Bo Ng', '  • [[rockets]] and [[a.notes#Rockets|the talk]]', '  • [[Closing]] [[LCA 2016 – Friday – Session 1]]'];
const at = (name: 'a.notes' | 'b.notes', marked: string[]) => workspaceWithCursor(name, { 'a.notes': A, 'b.notes': B, [name]: marked });
const edits = (changes: Record<string, TextEdit[]> | undefined) =>
  Object.entries(changes ?? {}).flatMap(([uri, list]) => list.map((e) => `${uri.slice(14)}:${e.range.start.line}:${e.range.start.character}-${e.range.end.character}=${e.newText}`)).sort();

describe('rename', () => {
  it('Should select just the title (not the speaker) for typing over', () => {
    const ws = at('a.notes', ['LCA 2016 – Friday – Session 1', 'Rock$0ets by Ann Other', '  • x']);
    const target = renameTarget(ws.model, ws.index, ws.uri, ws.offset);
    assert.deepEqual([target.range, target.placeholder], [{ start: { line: 1, character: 0 }, end: { line: 1, character: 7 } }, 'Rockets']);
  });
  it('Should change the title and every reference in the workspace, keeping file parts and labels', () => {
    const ws = at('a.notes', ['LCA 2016 – Friday – Session 1', 'Rockets by Ann $0Other', '  • x', 'Closing', '  • y']);
    assert.deepEqual(edits(rename(ws.model, ws.index, ws.uri, ws.offset, ' Rocket planes ').changes), [
      'a.notes:1:0-7=Rocket planes',
      'b.notes:1:30-37=Rocket planes',
      'b.notes:1:6-13=Rocket planes',
    ]);
  });
  it('Should rename from a reference as from the title', () => {
    const ws = at('b.notes', ['Planes by Bo Ng', '  • [[rock$0ets]] and [[a.notes#Rockets|the talk]]']);
    const target = renameTarget(ws.model, ws.index, ws.uri, ws.offset);
    assert.deepEqual([target.range.start.character, target.placeholder], [6, 'rockets']);
    assert.equal(edits(rename(ws.model, ws.index, ws.uri, ws.offset, 'Jets').changes).length, 3);
  });
  it('Should refuse, with a reason, on sessions, ambiguous or unresolved references and plain text', () => {
    const refused = (name: 'a.notes' | 'b.notes', marked: string[]): string => {
      const ws = at(name, marked);
      try {
        renameTarget(ws.model, ws.index, ws.uri, ws.offset);
      } catch (e) {
        assert.ok(e instanceof RenameRefused);
        return e.message;
      }
      assert.fail('the rename was not refused');
    };
    assert.match(refused('a.notes', ['LCA 2016 – Fri$0day – Session 1']), /Sessions are renamed by editing their header/);
    assert.match(refused('b.notes', ['Planes by Bo Ng', 'Closing', '  • [[Clos$0ing]]']), /is the title of 2 talks; name the file first/);
    assert.match(refused('b.notes', ['Planes by Bo Ng', '  • [[Nothing$0]]']), /No talk is titled "Nothing"/);
    assert.match(refused('b.notes', ['Planes by Bo Ng', '  • plain $0text']), /Only a talk title or a \[\[reference\]\]/);
  });
  it('Should refuse a new title that is empty or would break references', () => {
    const ws = at('a.notes', ['LCA 2016 – Friday – Session 1', 'Rock$0ets by Ann Other']);
    for (const name of ['', '  ', 'a]]b', 'a|b', 'a#b', 'two\nlines']) assert.throws(() => rename(ws.model, ws.index, ws.uri, ws.offset, name), RenameRefused, JSON.stringify(name));
  });
  it('Should refuse a title another talk has, since its references would become ambiguous, but allow a change of case', () => {
    const ws = at('a.notes', ['LCA 2016 – Friday – Session 1', 'Rock$0ets by Ann Other', '  • x']);
    assert.throws(() => rename(ws.model, ws.index, ws.uri, ws.offset, 'planes'), /"Planes" is already the title of a talk in b.notes/);
    assert.equal(edits(rename(ws.model, ws.index, ws.uri, ws.offset, 'ROCKETS').changes).length, 3);
  });
});
