import { strict as assert } from 'node:assert';
import { findReferences, referenceKey } from '../../../server/src/parser/references';
import { parse, textOf } from '../../helpers';

const refs = (line: string) => findReferences(line, 0).map((r) => ({ target: r.target, file: r.file, label: r.label, text: line.slice(r.span.start, r.span.end), targetText: line.slice(r.targetSpan.start, r.targetSpan.end) }));

describe('references', () => {
  it('Should read [[Title]] with its span from [[ to ]] and the title trimmed', () => {
    assert.deepEqual(refs('see [[ LNAV ]] too'), [{ target: 'LNAV', file: null, label: null, text: '[[ LNAV ]]', targetText: 'LNAV' }]);
  });
  it('Should read [[Title|shown text]] and keep the title apart from the label', () => {
    assert.deepEqual(refs('[[Closing|the end]]'), [{ target: 'Closing', file: null, label: 'the end', text: '[[Closing|the end]]', targetText: 'Closing' }]);
  });
  it('Should read [[file.notes#Title]] and [[dir/file.confnotes # Title]]', () => {
    assert.deepEqual(refs('[[lca2016.notes#Closing]]').map((r) => [r.file, r.target, r.targetText]), [['lca2016.notes', 'Closing', 'Closing']]);
    assert.deepEqual(refs('[[2016/lca.confnotes # Closing]]').map((r) => [r.file, r.target]), [['2016/lca.confnotes', 'Closing']]);
  });
  it('Should keep a # that follows no notes file name in the title', () => {
    assert.deepEqual(refs('[[C# for Linux people]]').map((r) => [r.file, r.target]), [[null, 'C# for Linux people']]);
  });
  it('Should read several references on a line, and an Event – Day – Session one', () => {
    assert.deepEqual(refs('[[A]] and [[Linux.conf.au 2016 – Friday – Session 3]]').map((r) => r.target), ['A', 'Linux.conf.au 2016 – Friday – Session 3']);
  });
  it('Should read no reference from empty, unclosed, single-bracket or bracket-nested text', () => {
    for (const line of ['[[]]', '[[  |x]]', '[[Title', 'Title]]', '[Title]', '[[a [b]]', '[[a]b]]']) assert.deepEqual(refs(line), [], line);
  });
  it('Should not read a reference across lines', () => {
    assert.deepEqual(parse('Talk by Ann Other', '  • [[a', '  b]]').references, []);
  });
  it('Should find references in bullets, paragraphs and titles but not in session headers', () => {
    const doc = parse('LCA 2016 – Friday – [[Session 1]]', 'Talk about [[X]] by Ann Other', '  • see [[Y]]', 'Paragraph [[Z]]');
    assert.deepEqual(doc.references.map((r) => textOf(doc, r.targetSpan)), ['X', 'Y', 'Z']);
  });
  it('Should not report the words of a reference as links', () => {
    const doc = parse('Talk by Ann Other', '  • [[lca2016.notes#Closing]] and lca2016.org');
    assert.deepEqual(doc.links.map((l) => l.text), ['lca2016.org']);
  });
  it('Should compare titles ignoring case, runs of white space and the kind of dash', () => {
    assert.equal(referenceKey('  LCA 2016 -  Friday — Session\u00a03 '), referenceKey('lca 2016 – friday – session 3'));
    assert.notEqual(referenceKey('Rocket planes'), referenceKey('Rocket-planes'));
  });
});
