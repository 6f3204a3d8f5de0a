import { strict as assert } from 'node:assert';
import { lineReadingActions } from '../../../server/src/features/lineReadings';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { readFormat } from '../../../server/src/settings';
import { joinLines } from '../../helpers';

const NOTES = joinLines('LCA 2016 – Friday – Session 1', '', 'Rockets by Ann Other', '  • x', 'Questions', '  • y', 'Morning tea', 'Later by Bo Ng', '  • z');
const titles = (line: number, text = NOTES) => lineReadingActions(parseNotes(text), line).map((a) => [a.title, ...(a.command?.arguments ?? [])]);

describe('lineReadings', () => {
  it('Should offer to read a section as a talk, and a talk as a section of the talk above', () => {
    assert.deepEqual(titles(4), [['Read this line as a talk', 'talk', 'Questions']]);
    assert.deepEqual(titles(7), [['Read this line as a section of "Rockets"', 'section', 'Later by Bo Ng']]);
  });
  it('Should offer to read a paragraph as a talk, and nothing on headers, bullets, blank lines or a first talk', () => {
    assert.deepEqual(titles(6), [['Read this line as a talk', 'talk', 'Morning tea']]);
    for (const line of [0, 1, 2, 3]) assert.deepEqual(titles(line), [], `line ${line}`);
    assert.deepEqual(titles(0, '- item at column 0'), []);
  });
  it('Should be taken at its word by the parser: the marked lines change what they are', () => {
    const format = readFormat({ talks: ['  questions '], sections: ['Later by Bo Ng'] });
    const doc = parseNotes(NOTES, { format });
    assert.deepEqual(doc.talks.map((t) => [t.title, t.sections.map((s) => s.title)]), [['Rockets', []], ['Questions', ['Later by Bo Ng']]]);
  });
});
