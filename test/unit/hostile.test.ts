/**
 * No catastrophic backtracking anywhere between the text and the answers: each adversarial
 * line, placed where every rule looks at it (a title line, a header line, a bullet), goes
 * through the parser and every feature; 4× the input must cost about 4× the time
 * (growthFactor compares medians: about 4 when linear, 16 when quadratic).
 */
import { strict as assert } from 'node:assert';
import { codeActions } from '../../server/src/features/codeActions';
import { documentLinks } from '../../server/src/features/documentLinks';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { hover } from '../../server/src/features/hover';
import { linkDiagnostics } from '../../server/src/features/diagnostics/linkDiagnostics';
import { LONGEST_LINE_SEARCHED_FOR_LINKS } from '../../server/src/parser/lineFacts';
import { findLinks } from '../../server/src/parser/links';
import { parseNotes } from '../../server/src/parser/parseNotes';
import { defaultSettings, linkOptions } from '../../server/src/settings';
import { SearchIndex } from '../../server/src/search/searchIndex';
import { searchSourceOf } from '../../server/src/search/searchPassages';
import { parseSearchQuery } from '../../server/src/search/searchQuery';
import { growthFactor } from '../helpers';

const options = linkOptions(defaultSettings);

function everything(text: string): void {
  const doc = parseNotes(text);
  documentSymbols(doc);
  foldingRanges(doc, {});
  documentLinks(doc);
  linkDiagnostics(doc, options);
  const middle = doc.lines.positionAt(text.length >> 1);
  hover(doc, text.length >> 1, options);
  codeActions(doc, 'file:///x.notes', { start: middle, end: middle }, { ...options, ignoreLinkCommand: true });
}

/** Adversarial strings; at 4n = 100,000 characters each (10,000 brackets). */
const ADVERSARIES: Array<[string, (n: number) => string]> = [
  ['a.a.a.a…', (n) => 'a.'.repeat(n / 2) + 'a'],
  ['http:// and a long host', (n) => 'http://' + 'a'.repeat(n)],
  ['http:// and a long path of slashes', (n) => 'http://' + '/'.repeat(n)],
  ['http:// and dotted labels', (n) => 'http://' + 'a.'.repeat(n / 2)],
  ['dashes', (n) => '-'.repeat(n)],
  ['spaced dashes', (n) => ' –'.repeat(n / 2) + ' x'],
  ['nested brackets around a link', (n) => '('.repeat(n / 10) + 'http://x.org/' + ')'.repeat(n / 10)],
  ['nested brackets in a link', (n) => 'http://x.org/' + '('.repeat(n / 10) + ')'.repeat(n / 10)],
  ['at signs and dots', (n) => 'a@'.repeat(n / 2) + 'b.org'],
  ['a word before colons', (n) => 'x' + ':'.repeat(n)],
  ['www. and dots', (n) => 'www.' + '.'.repeat(n)],
  ['by and dashes', (n) => 'by – '.repeat(n / 5)],
  // The talk-line shapes of docs/FORMAT.md: names, colons, parentheses, organisations.
  ['capitalised words', (n) => 'Ann '.repeat(n / 4) + 'Lee'],
  ['capitalised words and dashes', (n) => 'Ann Lee – '.repeat(n / 10) + 'Bo Ng'],
  ['colons and names', (n) => 'Ann Lee: '.repeat(n / 9) + 'Title'],
  ['parentheses and names', (n) => 'Ann Lee ('.repeat(n / 9) + 'Acme' + ')'.repeat(n / 9)],
  ['names joined by and, commas', (n) => 'Ann Lee and Bo Ng, '.repeat(n / 19) + 'Acme'],
  // How a line looks (docs/FORMAT.md, "Headings and prose"): quotes, closers, hashes, stars, handles, words of sentences.
  ['quotes', (n) => '“'.repeat(n / 2) + 'x' + '”'.repeat(n / 2)],
  ['closing quotes and brackets', (n) => 'x' + ')”’'.repeat(n / 3)],
  ['hashes', (n) => '#'.repeat(n) + ' x'],
  ['stars and spaces', (n) => '* '.repeat(n / 2) + 'x'],
  ['handles', (n) => 'Title @'.repeat(n / 7) + 'ann'],
  ['words of sentences', (n) => 'we were really there and '.repeat(n / 25) + 'then'],
  ['colons at the end', (n) => 'Key takeaways '.repeat(n / 14) + ':'.repeat(50)],
  ['days and slots', (n) => 'Day 2, 9:30 – '.repeat(n / 14) + 'Title'],
  // Long runs of white space after the words that open a shape (a group, a keynote, a day, a slot, thanks).
  ['a group word and spaces', (n) => 'Room' + ' '.repeat(n) + 'x'],
  ['a group word, a number and spaces', (n) => 'Track 2' + ' '.repeat(n) + 'x'],
  ['a keynote and spaces', (n) => 'Keynote' + ' '.repeat(n) + 'by x'],
  ['a day and spaces', (n) => 'Day 2' + ' '.repeat(n) + 'Title'],
  ['a slot and spaces', (n) => '9:30' + ' '.repeat(n) + 'Title'],
  ['thanks and spaces', (n) => 'Thanks to' + ' '.repeat(n) + 'the organisers'],
  ['a name and spaces', (n) => 'Ann' + ' '.repeat(n) + 'Lee, Acme'],
];

const PLACES: Array<[string, (line: string) => string]> = [
  ['as a talk title', (line) => `${line}\n  • a bullet`],
  ['in a session header', (line) => `LCA 2016 – Friday – ${line}`],
  ['in a bullet', (line) => `Talk by Ann Other\n  • ${line}`],
  ['as a heading over prose', (line) => `${line}\n\nThe talk covered it all.`],
  ['below a title', (line) => `Confident Systems\n${line}\n\nnotes`],
  ['after a rule, underlined', (line) => `-----\n${line}\n-----\nnotes`],
  ['as a first bullet', (line) => `Lightning talks\n  • ${line}\n  • notes`],
];

describe('hostile lines through the parser and every feature', function () {
  this.timeout(60000);
  for (const [name, make] of ADVERSARIES) {
    it(`Should find links in linear time with ${name}, up to 100,000 characters`, () => {
      const factor = growthFactor(make, (line) => findLinks(line, 0), 25000);
      assert.ok(factor < 10, `4× the input took ${factor.toFixed(1)}× the time`);
    });
    for (const [place, put] of PLACES) {
      // 80,000 characters at most: longer lines are not searched for links at all.
      it(`Should take linear time with ${name} ${place}`, () => {
        assert.ok(put(make(80000)).length < LONGEST_LINE_SEARCHED_FOR_LINKS);
        const factor = growthFactor((n) => put(make(n)), everything, 20000);
        assert.ok(factor < 10, `4× the input took ${factor.toFixed(1)}× the time`);
      });
    }
  }
});

describe('hostile files of many lines through the parser', function () {
  this.timeout(60000);
  // A file's conventions are learnt over all its lines: that must stay linear in their number.
  const FILES: Array<[string, (n: number) => string]> = [
    ['a long paragraph of prose', (n) => 'Confident Systems\n\n' + 'The speaker walked through two years of patches and the review they got, which\n'.repeat(n)],
    ['a long run of short lines', (n) => 'Confident Systems\n' + 'timid code\n'.repeat(n)],
    ['headings over prose', (n) => 'Shipping on Fridays\n\nA short talk, mostly war stories.\n\n'.repeat(n)],
    ['rules between talks', (n) => '-----\nConfident Systems\nInes Duarte\n\nnotes\n'.repeat(n)],
    ['underlined titles', (n) => 'Confident Systems\n=================\nnotes\n\n'.repeat(n)],
    ['speakerless headings under a talk', (n) => 'Talk by Ann Other\n' + 'Part\n  • a\n'.repeat(n)],
    ['lightning talks as bullets', (n) => 'Lightning talks\n' + '  • Pandas is not a database (Mikko Virtanen)\n'.repeat(n)],
    ['a table of contents', (n) => 'Contents\n\n' + 'Rust at Scale – Jane Doe\n'.repeat(n) + '\nRust at Scale – Jane Doe\n- notes\n'],
    ['hard-wrapped bullets', (n) => 'Talk – Ann Lee\n' + '- Functions: one entry block and possibly many exit blocks, so the\nprologue/epilogue insertion has to run once per exit and\n'.repeat(n)],
  ];
  for (const [name, make] of FILES) {
    it(`Should parse ${name} in linear time`, () => {
      const factor = growthFactor(make, everything, 2000);
      assert.ok(factor < 10, `4× the lines took ${factor.toFixed(1)}× the time`);
    });
  }
});

describe('hostile text through Search Notes', function () {
  this.timeout(60000);
  const QUERIES: Array<[string, (n: number) => string]> = [
    ['unclosed quotes', (n) => '"a '.repeat(n / 3)],
    ['filters without values', (n) => 'speaker: '.repeat(n / 9)],
    ['colons', (n) => 'a:b:'.repeat(n / 4)],
    ['emoji and accents', (n) => '🎉é '.repeat(n / 4)],
  ];
  for (const [name, make] of QUERIES) {
    it(`Should read a query of ${name} in linear time`, () => {
      const factor = growthFactor(make, (q) => parseSearchQuery(q), 20000);
      assert.ok(factor < 10, `4× the input took ${factor.toFixed(1)}× the time`);
    });
  }
  for (const [name, make] of ADVERSARIES) {
    it(`Should index and search a bullet of ${name} in linear time`, () => {
      const factor = growthFactor(
        (n) => `Talk by Ann Other\n  • ${make(n)}`,
        (text) => {
          const index = new SearchIndex();
          index.setFromDisk('a', searchSourceOf(parseNotes(text, { links: false })), text.length);
          index.match([{ word: 'a', exact: false }, { word: 'http', exact: false }]);
        },
        20000,
      );
      assert.ok(factor < 10, `4× the input took ${factor.toFixed(1)}× the time`);
    });
  }
});
