import { strict as assert } from 'node:assert';
import { LineFactsCache } from '../../../server/src/parser/lineFactsCache';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { applyEdit, splitLines, type TextLines } from '../../../server/src/parser/textLines';

const talks = (text: string | TextLines, cache?: LineFactsCache) => parseNotes(text, { cache }).talks.map((t) => `${t.title} · ${t.speaker}`);
/** All of the reading a fresh parse must agree with: talks with their spans and reasons, and sections. */
const model = (text: string | TextLines, cache?: LineFactsCache) => {
  const doc = parseNotes(text, { cache });
  return {
    talks: doc.talks.map((t) => [t.title, t.speaker, t.reading, t.titleSpan, t.speakerSpan, t.span]),
    sections: doc.sections.map((s) => [s.title, s.headingSpan, s.span]),
  };
};

describe('the reading of the last parse (readingCache.ts)', () => {
  const start = ['Lightning talks', '  • Pandas is not a database (Mikko Virtanen)', '', 'Confident Systems', '  • Ines Duarte', '  • retries and budgets', '  • more notes', 'Closing', '  • thanks'];
  const typeAtEnd = (lines: TextLines, line: number, text: string) => applyEdit(lines, { line, character: lines.lines[line].length }, { line, character: lines.lines[line].length }, text);
  /** The notes above as a document's lines, and a cache to parse its versions with. */
  const opened = () => ({ cache: new LineFactsCache(), lines: splitLines(start.join('\n')) });
  /** The version parsed with the cache reads as a fresh parse of its text. */
  const sameAsFresh = (lines: TextLines, cache: LineFactsCache) => assert.deepEqual(model(lines, cache), model(lines.lines.join('\n')));

  it('Should take the last reading over when a bullet of notes is typed into, and give what a fresh parse gives', () => {
    const document = opened();
    const cache = document.cache;
    let lines = document.lines;
    talks(lines, cache);
    lines = typeAtEnd(lines, 5, ' at scale');
    sameAsFresh(lines, cache);
    assert.equal(cache.reading.taken, 1);
  });
  it('Should read again when the bullet typed into is a talk\'s first bullet or one under Lightning talks', () => {
    const document = opened();
    const cache = document.cache;
    let lines = document.lines;
    assert.deepEqual(talks(lines, cache), ['Pandas is not a database · Mikko Virtanen', 'Confident Systems · Ines Duarte', 'Closing · null']);
    lines = typeAtEnd(lines, 4, ', Acme');
    sameAsFresh(lines, cache);
    // No longer a talk line: `Lightning talks` is a talk again, read from its bullets.
    lines = typeAtEnd(lines, 1, ' (slides soon)');
    assert.deepEqual(talks(lines, cache), ['Lightning talks · null', 'Confident Systems · Ines Duarte', 'Closing · null']);
    assert.equal(cache.reading.taken, 0);
  });
  it('Should read again when a line of text is typed into, or lines come or go', () => {
    const document = opened();
    const cache = document.cache;
    let lines = document.lines;
    talks(lines, cache);
    lines = typeAtEnd(lines, 3, ' by Ines Duarte');
    sameAsFresh(lines, cache);
    lines = typeAtEnd(lines, 6, '\n  • one more');
    sameAsFresh(lines, cache);
    assert.equal(cache.reading.taken, 0);
  });
});
