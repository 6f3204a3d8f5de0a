import { strict as assert } from 'node:assert';
import { hover } from '../../../server/src/features/hover';
import { defaultSettings, linkOptions } from '../../../server/src/settings';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { firstBullets } from '../../../server/src/features/hover';
import { withCursor } from '../../helpers';
import { workspaceWithCursor } from '../workspace/inMemoryWorkspace';

const hoverAt = (marked: string) => {
  const { text, offset } = withCursor(marked);
  const h = hover(parseNotes(text), offset, linkOptions(defaultSettings));
  return h && (h.contents as { value: string }).value;
};

describe('hover', () => {
  it('Should show a link target', () => {
    assert.equal(hoverAt('  • see nzoss.$0org.nz'), '**Link** → https://nzoss.org.nz/');
  });
  it('Should say why a link is flagged and what the fix is', () => {
    const value = hoverAt('  • github/steven$0-ellis')!;
    assert.match(value, /names github without its domain/);
    assert.match(value, /incomplete-link/);
    assert.match(value, /Quick fix: https:\/\/github.com\/steven-ellis/);
  });
  it('Should show nothing away from links and headings', () => {
    assert.equal(hoverAt('  • plain $0text x.org'), null);
  });
});

describe('hover on talks and sections', () => {
  it('Should say on a title line what the outline read and why', () => {
    assert.equal(hoverAt('Confident $0Systems\nInes Duarte, Acme\n\nnotes'), '**Talk** Confident Systems — Ines Duarte \\(Acme\\)\n\nRead as a talk: the speaker stands on the line below it.');
    assert.equal(hoverAt('Lighting$0 talks\n  • a'), '**Talk** Lighting talks\n\nRead as a talk: it calls itself a talk.');
  });
  it('Should name a section\'s talk on its heading, and leave a link on a title line to the link', () => {
    assert.equal(hoverAt('Talk by Ann Other\nWhy$0 bother\n  • a\nShadow DOM\n  • b'), '**Section** of Talk');
    assert.equal(hoverAt('Rust at Scale – Jane Doe (jane.$0example.org)\n  • a'), '**Link** → https://jane.example.org/');
  });
});

describe('hover on references', () => {
  const FILES = {
    'lca.notes': ['LCA 2016 – Friday – Session 1', 'Rockets by Ann Other', '  • one', '    • nested', '  • two *bold*', 'Closing', '  • y'],
    'pycon.notes': ['PyCon AU 2019 – Saturday – Lightning Talks', 'Closing', '  • z'],
  };
  const hoverOn = (line: string) => {
    const ws = workspaceWithCursor('here.notes', { ...FILES, 'here.notes': ['Mine by Bo Ng', line] });
    // The server reads a talk's bullets from its file: here, the in-memory one.
    const h = hover(ws.model, ws.offset, linkOptions(defaultSettings), ws.index, (talk) => firstBullets(ws.doc(talk.uri.slice(talk.uri.lastIndexOf('/') + 1)), talk.ordinal));
    return h && { value: (h.contents as { value: string }).value, range: h.range };
  };
  it("Should show the talk's title, speaker, session, file and first bullets, over the whole reference", () => {
    const h = hoverOn('  • [[rock$0ets|that one]]')!;
    assert.equal(h.value, '**Rockets** — Ann Other\n\nLCA 2016 · Friday · Session 1 · lca.notes, line 2\n\n- one\n- two \\*bold\\*');
    assert.deepEqual(h.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 24 } });
  });
  it('Should show a session with its talk count', () => {
    assert.equal(hoverOn('  • [[LCA 2016 – Friday – Session 1$0]]')!.value, '**LCA 2016 – Friday – Session 1**\n\n2 talks · lca.notes, line 1');
  });
  it('Should list the candidates of an ambiguous reference and say why an unresolved one names nothing', () => {
    const ambiguous = hoverOn('  • [[Clos$0ing]]')!.value;
    assert.match(ambiguous, /^"Closing" is the title of 2 talks/);
    assert.match(ambiguous, /\n\n- \*\*Closing\*\* · LCA 2016 · Friday · Session 1 · lca\.notes, line 6\n- \*\*Closing\*\* · PyCon AU 2019 · Saturday · Lightning Talks · pycon\.notes, line 2$/);
    assert.match(hoverOn('  • [[Rocket$0s2]]')!.value, /No talk or session is titled "Rockets2" in the workspace; did you mean "Rockets"\?/);
  });
});
