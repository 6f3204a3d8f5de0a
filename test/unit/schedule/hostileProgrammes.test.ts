/** Any bytes as a programme: a Programme or a ProgrammeError with a message, never another failure. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../helpers';
import { ProgrammeError } from '../../../server/src/schedule/programme';
import { readProgramme } from '../../../server/src/schedule/readProgramme';

const DIR = path.join(ROOT, 'test/fixtures/schedules');
const FIXTURES = readdirSync(DIR).map((f) => readFileSync(path.join(DIR, f), 'utf8'));

function readsOrRefuses(text: string): void {
  try {
    const programme = readProgramme(text, { timeZone: 'Pacific/Auckland' });
    for (const talk of programme.talks) assert.ok(Number.isFinite(talk.start) && Number.isFinite(talk.end), 'every talk has its times');
  } catch (e) {
    if (!(e instanceof ProgrammeError)) throw e;
    assert.ok(e.message.length > 0);
  }
}

describe('hostile programmes', () => {
  it('Should read or refuse every fixture cut short anywhere', () => {
    for (const text of FIXTURES) for (let end = 0; end < text.length; end += Math.max(1, Math.floor(text.length / 97))) readsOrRefuses(text.slice(0, end));
  });

  it('Should read or refuse fixtures with characters changed, lines dropped or repeated', () => {
    fc.assert(
      fc.property(fc.nat(FIXTURES.length - 1), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', '\n', '"', '<', '>', ':', '-', '}', ']', '\u0000', '🐦', 'T', 'Z', '+99:99', '25:61'))), { maxLength: 6 }), (which, edits) => {
        let text = FIXTURES[which];
        for (const [at, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + (insert.length % 3));
        }
        readsOrRefuses(text);
      }),
      { numRuns: 400 },
    );
  });
});
