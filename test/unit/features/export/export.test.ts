/**
 * Export to Markdown and HTML loses nothing: read back with markdown-it and parse5, the sample
 * and generated notes give the same talks (with speakers), session and day headings, bullet tree
 * (depths and words), paragraphs' words and link targets as the model. Seeded; FAST_CHECK_RUNS /
 * FAST_CHECK_SEED change the run.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { exportHtml } from '../../../../server/src/features/export/exportHtml';
import { escapeText, exportMarkdown } from '../../../../server/src/features/export/exportMarkdown';
import { exportNotes } from '../../../../server/src/features/export/exportNotes';
import { parseNotes } from '../../../../server/src/parser/parseNotes';
import { SAMPLE } from '../../../helpers';
import { expectedStructure, htmlStructure, markdownStructure, type Structure } from './structure';
import { REAL_WORLD_LINES } from '../../realWorldLines';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 300);
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;

/** Every talk heading in order (among the others), every heading counted, bullets, paragraphs and links as the model has them. */
function assertSame(actual: Structure, text: string, decode = false): void {
  const doc = parseNotes(text);
  const expected = expectedStructure(doc);
  assert.equal(actual.headings.length, expected.headingCount, 'headings');
  const headingWords = actual.headings.map((h) => h.words);
  let at = 0;
  for (const talk of expected.talks) {
    at = headingWords.indexOf(talk, at);
    assert.ok(at >= 0, `the talk heading "${talk}" in ${JSON.stringify(headingWords)}`);
    at++;
  }
  assert.deepEqual(actual.bullets, expected.bullets, 'bullets');
  assert.deepEqual([actual.paragraphs.join(' ')].filter(Boolean), expected.paragraphs, 'paragraphs');
  assert.deepEqual(actual.hrefs, decode ? expected.hrefs.map(decodedHref) : expected.hrefs, 'links');
}

function decodedHref(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

describe('export to Markdown and HTML', () => {
  const sample = parseNotes(SAMPLE);

  it('Should give the sample 4 day headings, 10 session headings, 23 talk headings, every bullet and every link (Markdown)', () => {
    const md = exportMarkdown(sample);
    const read = markdownStructure(md);
    assert.deepEqual(read.headings.filter((h) => h.level === 1).map((h) => h.words), ['Linux.conf.au 2016 – Friday', 'Linux.conf.au 2016 – Thursday', 'Linux.conf.au 2016 – Wednesday', 'Linux.conf.au 2016 – Sysadmin Miniconf']);
    assert.equal(read.headings.filter((h) => h.level === 2).length, 10);
    assert.equal(read.headings.filter((h) => h.level === 3).length, 23);
    assert.ok(read.headings.some((h) => h.words === 'Helicopters and rocket-planes — Andrew Tridgell'));
    assert.equal(read.bullets.length, sample.bullets.count);
    assertSame(read, SAMPLE, true);
    // github/steven-ellis cannot be opened as written: kept as text, and said.
    assert.ok(md.includes('github/steven-ellis') && !md.includes('](github/steven-ellis'));
    assert.deepEqual(exportNotes(sample).unlinked.map((u) => [u.line, u.text]), [[8, 'github/steven-ellis']]);
  });

  it('Should give the sample the same in HTML, one valid document', () => {
    const html = exportHtml(sample);
    assert.match(html, /^<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta name="viewport"[^\n]*>\n<title>Linux\.conf\.au 2016 – Friday<\/title>\n<style>/);
    const read = htmlStructure(html);
    assert.equal(read.headings.filter((h) => h.level === 2).length, 10);
    assert.equal(read.headings.filter((h) => h.level === 3).length, 23);
    assertSame(read, SAMPLE);
  });

  it('Should start at a heading level, put a title and a table of contents first, and leave out day headings when asked', () => {
    const md = exportMarkdown(sample, { title: 'LCA 2016', headingLevel: 2, tableOfContents: true, dayHeadings: false });
    const read = markdownStructure(md);
    assert.deepEqual(read.headings[0], { level: 2, words: 'LCA 2016' });
    assert.deepEqual(read.headings[1], { level: 3, words: 'Linux.conf.au 2016 – Friday – Session 3' });
    assert.deepEqual(read.headings[2], { level: 4, words: 'Lighting talks' });
    assert.equal(read.hrefs[0], '#lighting-talks');
    assert.ok(md.includes('<a id="lighting-talks"></a>'));
    const fragment = exportHtml(sample, { fragment: true, headingLevel: 2 });
    assert.ok(!fragment.includes('<html>') && fragment.startsWith('<h2>Linux.conf.au 2016 – Friday</h2>'));
  });

  it('Should escape what Markdown and HTML would read as syntax', () => {
    const text = ['Talk *one* by Ann Other', '  • a_b [not a link] <b>bold</b> & `code` \\ | ~', '  • # not a heading', '  • 1986. not a list', '  • ![x]'].join('\n');
    const md = exportMarkdown(parseNotes(text));
    const read = markdownStructure(md);
    assert.deepEqual(read.bullets.map((b) => b.words), ['a_b [not a link] <b>bold</b> & `code` \\ | ~', '# not a heading', '1986. not a list', '![x]']);
    assert.deepEqual(read.headings, [{ level: 1, words: 'Talk *one* — Ann Other' }]);
    const html = exportHtml(parseNotes(text));
    assert.ok(html.includes('&lt;b&gt;bold&lt;/b&gt; &amp;'));
    assert.deepEqual(htmlStructure(html).bullets.map((b) => b.words)[0], 'a_b [not a link] <b>bold</b> & `code` \\ | ~');
    assert.equal(escapeText('# x', true), '\\# x');
  });

  it('Should link [[references]] to the talk\'s anchor, or to the other file exported', () => {
    const text = ['Prompt toolkits by Wilma Flint', '  • see [[Breaking into cars|the cars talk]] and [[kiwicon2019.notes#Breaking into cars]]'].join('\n');
    const md = exportMarkdown(parseNotes(text), { fileLink: (file) => file.replace(/\.notes$/, '.md') });
    assert.ok(md.includes('[the cars talk](#breaking-into-cars)'));
    assert.ok(md.includes('[Breaking into cars](kiwicon2019.md#breaking-into-cars)'));
  });

  it('Should lose nothing of generated notes: the same structure read back from Markdown and from HTML (property)', () => {
    const sampleLines = SAMPLE.split('\n');
    const line = fc.oneof(
      fc.constantFrom(...sampleLines),
      fc.constantFrom(...REAL_WORLD_LINES),
      fc.constantFrom('', '  • *starred* _under_ `tick` <tag> &amp; [[Closing]]', '    • deeper [x](y)', '\tcontinued text', '# hash', '1. one', '> quote', '---', '  - dash bullet', 'a | b', 'Lone paragraph line'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const doc = parseNotes(text);
        assertSame(markdownStructure(exportMarkdown(doc)), text, true);
        assertSame(htmlStructure(exportHtml(doc)), text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
