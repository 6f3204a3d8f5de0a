import { strict as assert } from 'node:assert';
import { adjacentSession, adjacentTalk, talkAt, talkItems } from '../../../server/src/features/talks';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SAMPLE, withCursor } from '../../helpers';

describe('talks', () => {
  const doc = parseNotes(SAMPLE);

  it('Should list talks with speaker, event, day and session for Go to Talk', () => {
    const items = talkItems(doc, 'file:///notes/lca2016.notes');
    assert.equal(items.length, 23);
    assert.deepEqual(
      { ...items[2], range: undefined, selectionRange: undefined },
      {
        title: 'Free as in cheap gadgets: the ESP8266', speaker: 'Angus Gratton', event: 'Linux.conf.au 2016', day: 'Friday', session: 'Session 2',
        uri: 'file:///notes/lca2016.notes', ordinal: 2, line: 84, file: 'lca2016.notes', range: undefined, selectionRange: undefined,
      },
    );
    assert.equal(items[2].selectionRange.start.line, 84);
  });

  it('Should find the talk around an offset', () => {
    const { text, offset } = withCursor('Alpha by Ann Other\n  • a$0\nBeta by Bo Ng\n  • b');
    assert.equal(talkAt(parseNotes(text), offset)?.title, 'Alpha');
  });

  it('Should move to the next and previous talk titles by line, and stop at the ends', () => {
    const at = (line: number) => doc.lines.lineStart(line);
    const titleLine = (t: ReturnType<typeof adjacentTalk>) => (t ? doc.lines.lineAt(t.lineSpan.start) + 1 : null);
    assert.equal(titleLine(adjacentTalk(doc, at(0), 'next')), 3);
    assert.equal(titleLine(adjacentTalk(doc, at(2), 'next')), 66);
    assert.equal(titleLine(adjacentTalk(doc, at(10), 'previous')), 3);
    assert.equal(titleLine(adjacentTalk(doc, at(2), 'previous')), null);
    assert.equal(titleLine(adjacentTalk(doc, at(980), 'next')), null);
  });

  it('Should move to the next and previous session headers by line, and stop at the ends', () => {
    const at = (line: number) => doc.lines.lineStart(line);
    const headerLine = (s: ReturnType<typeof adjacentSession>) => (s ? doc.lines.lineAt(s.headerSpan.start) + 1 : null);
    assert.equal(headerLine(adjacentSession(doc, at(0), 'next')), 83);
    assert.equal(headerLine(adjacentSession(doc, at(100), 'next')), 178);
    assert.equal(headerLine(adjacentSession(doc, at(100), 'previous')), 83);
    assert.equal(headerLine(adjacentSession(doc, at(82), 'previous')), 1);
    assert.equal(headerLine(adjacentSession(doc, at(0), 'previous')), null);
    assert.equal(headerLine(adjacentSession(doc, at(950), 'next')), null);
  });
});
