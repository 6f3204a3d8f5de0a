import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { outline } from '../../../server/src/cli/outline';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { describeScore, precision, realWorldFixtures, recall, score, talksOf, total } from '../../realworld/accuracy';

describe('real-world notes (test/fixtures/real-world)', () => {
  const fixtures = realWorldFixtures();
  const read = (file: string) => outline(file, parseNotes(readFileSync(file, 'utf8')));

  it('Should have at least 20 files in other people\'s styles, 6 of them plain text as kept in repositories, each with the outline a person reads', () => {
    assert.ok(fixtures.length >= 20, `${fixtures.length} files`);
    assert.ok(fixtures.filter((f) => f.name.startsWith('plain-')).length >= 6, 'plain-text files');
    for (const f of fixtures) assert.ok(f.expected.length > 0, f.name);
  });

  for (const fixture of fixtures) {
    it(`Should read ${fixture.name} as its writer meant`, () => {
      const s = score(fixture, read(fixture.file));
      assert.deepEqual(s.misses, [], describeScore(s, 1));
    });
  }

  it('Should keep speakers\' organisations apart from their names', () => {
    const kubecon = fixtures.find((f) => f.name.startsWith('kubecon'))!;
    const found = talksOf(read(kubecon.file)).map((t) => [t.speaker, t.organisation]);
    assert.deepEqual(found, kubecon.expected.map((t) => [t.speaker, t.organisation]));
  });

  it('Should keep 95% precision and recall of talks, 90% of sections, over all the files (printed, and for the plain-text files apart)', () => {
    const all = total(fixtures.map((f) => score(f, read(f.file))));
    const plain = fixtures.filter((f) => f.name.startsWith('plain-'));
    console.log(describeScore(all, fixtures.length).replace(/^/gm, '      '));
    console.log(describeScore(total(plain.map((f) => score(f, read(f.file)))), plain.length).replace(/^/gm, '      ').replace('real-world notes', 'of which plain text'));
    for (const [count, floor] of [[all.talks, 0.95], [all.sections, 0.9]] as const) {
      assert.ok(precision(count) >= floor && recall(count) >= floor, describeScore(all, fixtures.length));
    }
  });
});
