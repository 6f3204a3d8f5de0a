import { strict as assert } from 'node:assert';
import { forEachWord, forEachWordSpan, normalizeWord, wordsOf } from '../../../server/src/search/searchWords';
import { SearchTerms } from '../../../server/src/search/searchTerms';
import { parseSearchQuery, passesFilter } from '../../../server/src/search/searchQuery';

describe('search words', () => {
  it('Should split at anything but letters and digits, in lower case without accents', () => {
    assert.deepEqual(wordsOf('  • Café au LAIT: github.com/LABHR/octohatrack, n_dead_tup 100G'), ['cafe', 'au', 'lait', 'github', 'com', 'labhr', 'octohatrack', 'n', 'dead', 'tup', '100g']);
    assert.equal(normalizeWord('Ångström'), 'angstrom');
    assert.deepEqual(wordsOf('東京 talk'), ['東京', 'talk']);
  });
  it('Should give UTF-16 offsets after emoji and non-ASCII text', () => {
    const places: Array<[string, number, number]> = [];
    forEachWord('🎉 • über – Prometheus', (w, s, e) => places.push([w, s, e]));
    // 🎉 is two UTF-16 units; • and – one each.
    assert.deepEqual(places, [['uber', 5, 9], ['prometheus', 12, 22]]);
  });
  it('Should number each word once, looked up where it stands in any case', () => {
    const terms = new SearchTerms();
    const line = 'Prometheus and PROMETHEUS and prometheus';
    const ids: number[] = [];
    forEachWordSpan(line, (start, end, hash) => ids.push(terms.idAt(line, start, end, hash)));
    ids.splice(1, 1);
    ids.splice(2, 1);
    assert.equal(new Set(ids).size, 1);
    assert.equal(terms.word(ids[0]), 'prometheus');
    assert.equal(terms.find('prometheus'), ids[0]);
    assert.equal(terms.find('grafana'), undefined);
    assert.equal(terms.idAt('Café', 0, 4, -1), terms.idOf('cafe'));
    // The table grows past its first size and finds every word again.
    const many = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const numbered = many.map((w) => terms.idOf(w));
    assert.deepEqual(many.map((w) => terms.find(w)), numbered);
  });
});

describe('parseSearchQuery', () => {
  it('Should read words, phrases and filters', () => {
    const q = parseSearchQuery('alert "Alert Fatigue" speaker:"jamie wilkinson" event:lca day:Wed in:title');
    assert.deepEqual(q.words, [
      { word: 'alert', exact: false },
      { word: 'alert', exact: true },
      { word: 'fatigue', exact: true },
    ]);
    assert.deepEqual(q.phrases, [['alert', 'fatigue']]);
    assert.deepEqual(q.filters, [
      { key: 'speaker', words: ['jamie', 'wilkinson'] },
      { key: 'event', words: ['lca'] },
      { key: 'day', words: ['wed'] },
    ]);
    assert.equal(q.titleOnly, true);
    assert.deepEqual(q.problems, []);
  });
  it('Should search the words of what only looks like a filter, and say what it did not understand', () => {
    const q = parseSearchQuery('http://jmap.io in:speaker "unclosed phrase');
    assert.deepEqual(q.words.map((w) => w.word), ['http', 'jmap', 'io', 'unclosed', 'phrase']);
    assert.deepEqual(q.problems, ['in:speaker is not a scope: in:title is']);
  });
  it('Should search the first 32 words and say so, a phrase whole or not at all', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const q = parseSearchQuery(many);
    assert.equal(q.words.length, 32);
    assert.deepEqual(q.problems, ['only the first 32 words are searched']);
    const phrase = parseSearchQuery(`${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')} "a b c"`);
    assert.deepEqual([phrase.words.length, phrase.phrases], [30, []]);
  });
  it('Should pass a filter when each of its words begins a word of the value', () => {
    assert.ok(passesFilter(['wilk'], 'Jamie Wilkinson'));
    assert.ok(passesFilter(['jamie', 'wilkinson'], 'Jamie Wilkinson'));
    assert.ok(!passesFilter(['kinson'], 'Jamie Wilkinson'));
    assert.ok(!passesFilter(['x'], null));
  });
});

describe('SearchIndex ranking', () => {
  it('Should rank thousands of passages best first, the first ones at once and the rest when asked, ties by file and line', () => {
    const { SearchIndex } = require('../../../server/src/search/searchIndex') as typeof import('../../../server/src/search/searchIndex');
    const { parseNotes } = require('../../../server/src/parser/parseNotes') as typeof import('../../../server/src/parser/parseNotes');
    const { searchSourceOf } = require('../../../server/src/search/searchPassages') as typeof import('../../../server/src/search/searchPassages');
    const index = new SearchIndex();
    for (const file of ['a', 'b']) {
      // 700 talks a file; talk i says `needle` (i % 5) + 1 times among filler words: many ties.
      const talks = Array.from({ length: 700 }, (_, i) => `Talk ${i} by Ann Other\n  • ${'needle '.repeat((i % 5) + 1)}hay hay hay`);
      const text = talks.join('\n');
      index.setFromDisk(file, searchSourceOf(parseNotes(text)), text.length);
    }
    const match = index.match([{ word: 'needle', exact: false }]);
    assert.equal(match.count, 1400);
    const ranked = Array.from({ length: match.count }, (_, i) => match.at(i));
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      assert.ok(a.score > b.score || (a.score === b.score && (a.uri < b.uri || (a.uri === b.uri && a.line < b.line))), `rank ${i}`);
    }
    assert.equal(new Set(ranked.map((p) => `${p.uri}:${p.line}`)).size, 1400);
  });
});
