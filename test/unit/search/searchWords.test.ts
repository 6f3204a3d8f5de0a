import { strict as assert } from 'node:assert';
import { forEachWord, normalizeWord, wordsOf } from '../../../server/src/workspace/searchWords';
import { SearchTerms } from '../../../server/src/workspace/searchTerms';
import { parseSearchQuery, passesFilter } from '../../../server/src/workspace/searchQuery';

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
    const ids = [terms.idAt(line, 0, 10, true), terms.idAt(line, 15, 25, true), terms.idAt(line, 30, 40, true)];
    assert.equal(new Set(ids).size, 1);
    assert.equal(terms.word(ids[0]), 'prometheus');
    assert.equal(terms.find('prometheus'), ids[0]);
    assert.equal(terms.find('grafana'), undefined);
    assert.equal(terms.idAt('Café', 0, 4, false), terms.idOf('cafe'));
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
  it('Should pass a filter when each of its words begins a word of the value', () => {
    assert.ok(passesFilter(['wilk'], 'Jamie Wilkinson'));
    assert.ok(passesFilter(['jamie', 'wilkinson'], 'Jamie Wilkinson'));
    assert.ok(!passesFilter(['kinson'], 'Jamie Wilkinson'));
    assert.ok(!passesFilter(['x'], null));
  });
});
