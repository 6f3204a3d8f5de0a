import { strict as assert } from 'node:assert';
import { documentLinks } from '../../../server/src/features/documentLinks';
import { parse } from '../../helpers';

describe('documentLinks', () => {
  it('Should make every openable link clickable, bare hosts and www as https', () => {
    const links = documentLinks(parse('Talk by Ann Other', '  • nzoss.org.nz, www.x.org and http://jmap.io', '  • mail ann@x.org'));
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]), [
      [1, 4, 16, 'https://nzoss.org.nz/'],
      [1, 18, 27, 'https://www.x.org/'],
      [1, 32, 46, 'http://jmap.io/'],
      [2, 9, 18, 'mailto:ann@x.org'],
    ]);
  });
  it('Should open an incomplete site link at its likely address, and skip links that cannot open', () => {
    const links = documentLinks(parse('  • github/steven-ellis and http://300.1.1.1/'));
    assert.deepEqual(links.map((l) => l.target), ['https://github.com/steven-ellis']);
  });
  it('Should not link anything in a session header', () => {
    assert.deepEqual(documentLinks(parse('Linux.conf.au 2016 – Friday – Session 1')), []);
  });
  it('Should place links by UTF-16 columns after emoji and NBSP', () => {
    const [link] = documentLinks(parse('  • 🎉\u00a0x.org'));
    assert.deepEqual(link.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } });
  });
});
