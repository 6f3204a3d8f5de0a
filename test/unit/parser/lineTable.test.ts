import { strict as assert } from 'node:assert';
import { LineTable } from '../../../server/src/parser/lineTable';
import { breakAfter, joinLines, splitLines } from '../../../server/src/parser/textLines';

const table = (text: string) => LineTable.of(splitLines(text));

describe('LineTable', () => {
  it('Should count LF, CRLF and CR as one line break each', () => {
    const t = table('a\nb\r\nc\rd');
    assert.equal(t.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => [t.lineStart(l), t.lineEnd(l)]), [[0, 1], [2, 3], [5, 6], [7, 8]]);
  });
  it('Should give UTF-16 columns after emoji, NBSP and combining marks', () => {
    const text = 'x\n😀\u00a0e\u0301 link';
    const t = table(text);
    const offset = text.indexOf('link');
    // 😀 is two UTF-16 code units, NBSP one, e + combining acute two: 2 + 1 + 2 + 1 (space) = 6
    assert.deepEqual(t.positionAt(offset), { line: 1, character: 6 });
    assert.equal(t.offsetAt({ line: 1, character: 6 }), offset);
  });
  it('Should clamp positions past the end of a line or of the text', () => {
    const t = table('ab\r\ncd');
    assert.equal(t.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(t.offsetAt({ line: 9, character: 0 }), 6);
    assert.deepEqual(t.positionAt(3), { line: 0, character: 2 }, 'between CR and LF is the end of the line');
    assert.deepEqual(t.positionAt(99), { line: 1, character: 2 });
  });
  it('Should map every offset back and forth', () => {
    const text = 'α\r\n\r\nβγ\n\rδ';
    const t = table(text);
    for (let o = 0; o <= text.length; o++) {
      const p = t.positionAt(o);
      const back = t.offsetAt(p);
      assert.ok(back === o || (text[o - 1] === '\r' && text[o] === '\n'), `offset ${o}`);
    }
  });
  it('Should split into lines and breaks that join back to the same text', () => {
    for (const text of ['', '\n', 'a', 'a\r\n', '\r\r\n\n\r', 'α\r\nβ\rγ\nδ', '\ufeffx\n']) {
      const split = splitLines(text);
      assert.equal(joinLines(split), text);
      assert.equal(split.lines.length, split.breaks.length);
      assert.equal(breakAfter(split, split.lines.length - 1), '');
      assert.ok(split.lines.every((l) => !/[\r\n]/.test(l)));
    }
    const split = splitLines('a\r\nb\rc\nd');
    assert.deepEqual(split.lines, ['a', 'b', 'c', 'd']);
    assert.deepEqual([0, 1, 2, 3].map((l) => breakAfter(split, l)), ['\r\n', '\r', '\n', '']);
  });
});
