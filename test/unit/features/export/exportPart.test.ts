import { strict as assert } from 'node:assert';
import { exportPart } from '../../../../server/src/features/export/exportPart';
import { parseNotes } from '../../../../server/src/parser/parseNotes';
import { SAMPLE } from '../../../helpers';
import { markdownStructure } from './structure';

describe('exportPart (Export Notes, Copy as Markdown / HTML)', () => {
  const doc = parseNotes(SAMPLE);

  it('Should copy the talk at the cursor alone, its heading first', () => {
    // Line 230 (0-based) is a bullet of "Helicopters and rocket-planes".
    const part = exportPart(doc, { kind: 'cursor', line: 230 }, 'markdown');
    assert.deepEqual([part.what, part.title], ['talk', 'Helicopters and rocket-planes']);
    const read = markdownStructure(part.text);
    assert.deepEqual(read.headings, [{ level: 1, words: 'Helicopters and rocket-planes — Andrew Tridgell' }]);
    assert.equal(read.bullets[0].words, 'The wonderful and crazy world of Open Autopilots');
  });

  it('Should copy the session whose header the cursor is on, with its talks', () => {
    const part = exportPart(doc, { kind: 'cursor', line: 82 }, 'html', { fragment: true });
    assert.deepEqual([part.what, part.title], ['session', 'Linux.conf.au 2016 – Friday – Session 2']);
    assert.ok(part.text.startsWith('<h1>Linux.conf.au 2016 – Friday – Session 2</h1>\n<h2 id="free-as-in-cheap-gadgets-the-esp8266">'));
    assert.ok(!part.text.includes('<html>'));
  });

  it('Should copy the lines of a selection, a selection ending at a line start leaving that line out', () => {
    const part = exportPart(doc, { kind: 'selection', range: { start: { line: 4, character: 3 }, end: { line: 6, character: 0 } } }, 'markdown');
    assert.equal(part.what, 'selection');
    assert.equal(part.text, '- New Zealand Open Source Society\n  - [nzoss.org.nz](https://nzoss.org.nz/)\n');
  });

  it('Should export the whole file, and name the links written as text', () => {
    const part = exportPart(doc, { kind: 'file' }, 'markdown');
    assert.equal(markdownStructure(part.text).headings.filter((h) => h.level === 3).length, 23);
    assert.deepEqual(part.unlinked.map((u) => u.text), ['github/steven-ellis']);
  });
});
