import { strict as assert } from 'node:assert';
import { documentLinks } from '../../../server/src/features/documentLinks';
import { parse } from '../../helpers';
import { uriOf, workspaceOf } from '../workspace/inMemoryWorkspace';

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

describe('documentLinks on references', () => {
  it('Should link the title of a reference that names one talk to its file and line, and leave the others', () => {
    const ws = workspaceOf({
      'lca.notes': ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • x', 'Closing', '  • y'],
      'here.notes': ['Mine by Bo Ng', '  • [[lca.notes # rockets|see]] x.org [[Nothing]]', 'Closing', '  • [[Closing]]'],
    });
    const links = documentLinks(ws.doc('here.notes'), ws.index);
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target, l.tooltip]), [
      [1, 18, 25, `${uriOf('lca.notes')}#L2`, 'Open Rockets by Ann Other (lca.notes, line 2)'],
      [1, 32, 37, 'https://x.org/', 'Open https://x.org/'],
    ]);
  });
});
