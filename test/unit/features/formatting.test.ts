import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bulletStyle, formatting, type LayoutOptions, DEFAULT_LAYOUT } from '../../../server/src/features/formatting';
import type { NotesDocument } from '../../../server/src/parser/model';
import { ruleShape } from '../../../server/src/parser/lineRules';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { joinLines, SAMPLE } from '../../helpers';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 300);
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;

/** The text after Format Document (or Format Selection of lines first..last). */
function format(text: string, options: LayoutOptions = DEFAULT_LAYOUT, first?: number, last?: number): string {
  const doc = TextDocument.create('file:///x.notes', 'confnotes', 1, text);
  return TextDocument.applyEdits(doc, formatting(parseNotes(text), options, first, last));
}

/** What must survive formatting: the outline with speakers and sections, and the bullet tree (depths and texts). */
function outlineOf(doc: NotesDocument) {
  const b = doc.bullets;
  return {
    sessions: doc.sessions.map((s) => [s.event, s.day, s.name, s.talks.length]),
    talks: doc.talks.map((t) => [t.title, t.speaker, t.organisation, t.sections.map((s) => s.title)]),
    bullets: Array.from({ length: b.count }, (_, i) => [b.level(i), b.parent(i), doc.text.slice(b.textSpan(i).start, b.textSpan(i).end).trimEnd()]),
    links: doc.links.map((l) => l.target),
  };
}

/** The words of a text: every line without its bullet marker, white space taken out. */
function words(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[ \t]*[•\-*◦‣▪](?=\s|$)/, ''))
    .join('')
    .replace(/\s+/g, '');
}

describe('formatting', () => {
  it('Should rewrite - and * bullets to the file\'s own marker at its indent, nesting kept', () => {
    assert.equal(
      format(joinLines('Talk by Ann Other', '  • first', '- second', '  * child', '\t\t• grandchild', '')),
      joinLines('Talk by Ann Other', '  • first', '  • second', '    • child', '      • grandchild', ''),
    );
  });
  it('Should take the most used marker and the step between levels of the file', () => {
    const doc = parseNotes(joinLines('Talk', '- a', '    - b', '- c', '* d', ''));
    assert.deepEqual(bulletStyle(doc), { marker: '-', base: 0, step: 4 });
    assert.deepEqual(bulletStyle(parseNotes(SAMPLE)), { marker: '•', base: 2, step: 2 });
  });
  it('Should follow the settings for the marker and the indent', () => {
    assert.equal(format(joinLines('Talk', '  • a', '    • b', ''), { bulletMarker: '-', indent: 4, maxBlankLines: 2 }), joinLines('Talk', '    - a', '        - b', ''));
  });
  it('Should remove trailing white space, empty lines of white space, and keep at most N blank lines in a row', () => {
    assert.equal(format(joinLines('Talk   ', '\u00a0\u00a0', '', '', '', '  • a \t', '')), joinLines('Talk', '', '', '  • a', ''));
    assert.equal(format(joinLines('a', '', '', '', '  • b', ''), { ...DEFAULT_LAYOUT, maxBlankLines: 0 }), joinLines('a', '  • b', ''));
    // Between two lines of text a blank line says where a heading or a paragraph ends: one stays.
    assert.equal(format(joinLines('a', '', '  ', '', 'b', ''), { ...DEFAULT_LAYOUT, maxBlankLines: 0 }), joinLines('a', '', 'b', ''));
    // … and one before a rule, which would underline the line above without it (found by the property below).
    assert.equal(format(joinLines('A', '', '', ' ---', '- b', ''), { ...DEFAULT_LAYOUT, maxBlankLines: 0 }), joinLines('A', '', ' ---', '- b', ''));
    // … and where that one blank line is all there is, no edit at all.
    assert.deepEqual(formatting(parseNotes(joinLines('a', '', 'b', '')), { ...DEFAULT_LAYOUT, maxBlankLines: 0 }), []);
  });
  it('Should end with one line break, in the file\'s own line ends, and keep a BOM', () => {
    assert.equal(format('\ufeffTalk\r\n  - a\r\n\r\n\r\n\r\n\r\n'), '\ufeffTalk\r\n  - a\r\n');
    assert.equal(format('Talk\r\n  • a'), 'Talk\r\n  • a\r\n');
    assert.equal(format(''), '');
    assert.equal(format('\n\n  \n'), '');
  });
  it('Should change nothing in headers, titles, paragraphs, continuation lines and links', () => {
    const text = joinLines('LCA 2016 – Friday – Session 1', '', 'Talk – Ann Other', 'A paragraph,  with  spaces', '  • see  http://x.org/a', '      continued   here', '');
    assert.equal(format(text), text);
  });
  it('Should leave a formatted file as it is: the sample needs only white space taken out', () => {
    const once = format(SAMPLE);
    assert.equal(formatting(parseNotes(once)).length, 0);
    // One space after a marker, as the file's own bullets have it (`  •  Results` had two).
    const withText = (text: string) => text.split('\n').map((l) => l.trimEnd().replace(/^( *•)\s+/, '$1 ')).filter((l) => l !== '');
    assert.deepEqual(withText(once), withText(SAMPLE), 'every line with text as it was, but for white space');
  });
  it('Should leave rules, underlines and bullets nested by their stars as written', () => {
    const text = joinLines('Confident Systems', '=================', 'Ines Duarte', '', '* * *', '', 'Talk', '* top', '** two stars', '*** three', '-----', '');
    assert.equal(format(text), text);
    assert.equal(format(joinLines('Talk', '    - a', '        - b', '-----', '')), joinLines('Talk', '    - a', '        - b', '-----', ''));
  });
  it('Should format only the selected lines', () => {
    const text = joinLines('Talk', '  • x', '  • y', '  • z', '- a', '- b  ', '');
    assert.equal(format(text, DEFAULT_LAYOUT, 5, 5), joinLines('Talk', '  • x', '  • y', '  • z', '- a', '  • b', ''));
  });

  describe('properties (seeded)', () => {
    const line = fc.oneof(
      fc.constantFrom(...SAMPLE.split('\n').slice(0, 120)),
      fc.constantFrom('', ' ', '\u00a0', '\t', 'Talk by Ann Other', 'Why bother', 'Priya Raman – Shipping on Fridays', 'Edge Caching — Wen Li (Fastly)', 'LCA 2017 – Monday – Session 1', 'Closing', 'Live Demo  '),
      // Plain-text notes (docs/FORMAT.md, "Rules and underlines"): rules, underlines, names below titles, prose, wraps, stars.
      fc.constantFrom('-----', '=====  ', '* * *', '- - -', '~~~~', '___', ' ---', 'Confident Systems', 'Ines Duarte', 'Dana Whitfield, Staff Engineer, Acme', '## Reproducible Labs', 'The talk covered three ways to run jobs.', 'prologue/epilogue insertion has to run once per exit', '- Functions: one entry block and possibly many exit blocks, so the', '** two stars', '*** three stars', 'Day 2', 'My key takeaways were:'),
      fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '\t', '\t\t', '      '), fc.constantFrom('•', '-', '*', '◦'), fc.constantFrom(' ', '  ', '\u00a0'), fc.constantFrom('point', 'see github.com/x', '', 'a  b', '-5 degrees'), fc.constantFrom('', ' ', '\t')).map((p) => p.join('')),
      fc.string({ maxLength: 12 }),
    );
    const notes = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));
    const options = fc.record({ bulletMarker: fc.constantFrom('auto', '•', '-', '*') as fc.Arbitrary<LayoutOptions['bulletMarker']>, indent: fc.constantFrom('auto', 1, 2, 4) as fc.Arbitrary<LayoutOptions['indent']>, maxBlankLines: fc.integer({ min: 0, max: 3 }) });

    it('Should be idempotent, keep the outline, the bullet tree and the links, and every word', () => {
      fc.assert(
        fc.property(notes, options, (text, layout) => {
          const once = format(text, layout);
          assert.equal(format(once, layout), once, 'idempotent');
          assert.deepEqual(outlineOf(parseNotes(once)), outlineOf(parseNotes(text)));
          assert.equal(words(once), words(text));
          // Rules and underlines are not rewritten (nor bullets): the same lines, in the same order.
          const rules = (t: string) => t.split(/\r?\n/).filter((l) => ruleShape(l.replace(/^\uFEFF/, '')) !== null).map((l) => l.trim());
          assert.deepEqual(rules(once), rules(text));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  });
});
