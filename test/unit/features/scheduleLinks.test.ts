/** Add Links from Schedule: a bullet of the page, slides and recording under each talk the programme has, nothing else changed, nothing added twice. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import type { NotesDocument } from '../../../server/src/parser/model';
import { scheduleLinkInsertions, withInsertions } from '../../../server/src/features/scheduleLinks';
import { matchTalk } from '../../../server/src/schedule/matchTalk';
import type { Programme, ProgrammeTalk } from '../../../server/src/schedule/programme';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, SAMPLE } from '../../helpers';

const talk = (title: string, speakers: string[], url: string | null, extra: Partial<ProgrammeTalk> = {}): ProgrammeTalk => ({
  id: null, title, speakers, start: 0, end: 0, room: null, track: null, url, links: [], abstract: null, cancelled: false, ...extra,
});
const programmeOf = (talks: ProgrammeTalk[]): Programme => ({ format: 'frab-json', event: null, timeZone: 'UTC', talks });

/** What must survive: the outline (titles, speakers, sessions) and every link, in order. */
const outline = (doc: NotesDocument) => doc.talks.map((t) => [t.title, t.speaker, t.session ? `${t.session.event} – ${t.session.day} – ${t.session.name}` : null]);
const links = (doc: NotesDocument) => doc.links.map((l) => l.text);
/** Each bullet's level and text, the added ones left out: the new bullet nests under nothing of the writer's. */
const bullets = (doc: NotesDocument) =>
  Array.from({ length: doc.bullets.count }, (_, i) => [doc.bullets.level(i), doc.text.slice(doc.bullets.textSpan(i).start, doc.bullets.textSpan(i).end)] as const).filter(([level, text]) => !(level === 1 && /^(Page|Slides|Recording): /.test(text)));

describe('Add Links from Schedule', () => {
  it('Should put one bullet of the page, slides and recording under the talk, in the file\'s style, and nothing twice', () => {
    const notes = 'KOSC 2026 – Tuesday – Session 1\n\nHelicopters and rocket-planes by Andrew Tridgell\n  • autopilots\n  • slides at https://kosc.example.nz/slides/heli.pdf\n\nOther talk by Bo Ng\n  • x\n';
    const programme = programmeOf([
      talk('Helicopters and Rocket Planes', ['Andrew Tridgell'], 'https://kosc.example.nz/2026/talk/HELI01/', {
        links: [{ kind: 'slides', url: 'https://kosc.example.nz/slides/heli.pdf' }, { kind: 'recording', url: 'https://media.example.nz/heli.mp4' }, { kind: 'other', url: 'https://feedback.example.nz/1' }],
      }),
    ]);
    const doc = parseNotes(notes);
    const added = withInsertions(notes, scheduleLinkInsertions(doc, programme));
    assert.equal(added, notes.replace('heli.pdf\n', 'heli.pdf\n  • Page: https://kosc.example.nz/2026/talk/HELI01/ · Recording: https://media.example.nz/heli.mp4\n'));
    assert.deepEqual(scheduleLinkInsertions(parseNotes(added), programme), [], 'a second run adds nothing');
  });

  it('Should write the bullet as the talk\'s own last one (column 0, tabs, stars), and leave out an address that would not read back as one link', () => {
    const programme = programmeOf([talk('Rockets', ['Ann Other'], 'https://conf.example.org/rockets/', { links: [{ kind: 'slides', url: 'https://conf.example.org/my slides.pdf' }, { kind: 'recording', url: 'https://v.example.org/r.mp4.' }] })]);
    for (const [written, bullet] of [['- one\n- two', '- '], ['\t* one\n\t\t* sub', '\t* '], ['  • one\n    • sub', '  • ']]) {
      const notes = `KOSC 2026 – Tuesday – Session 1\n\nRockets by Ann Other\n${written}\n`;
      const added = withInsertions(notes, scheduleLinkInsertions(parseNotes(notes), programme));
      assert.equal(added, `${notes}${bullet}Page: https://conf.example.org/rockets/\n`, JSON.stringify(written));
    }
  });

  it('Should match a title misspelt by a letter or two only with a speaker in common, and refuse a title of two talks it cannot tell apart', () => {
    const programme = [talk('Machine Ethics and Emerging Technologies', ['Paul Wayper'], null), talk('Closing', ['Kim Lee'], null), talk('Closing', ['Ann Other'], null)];
    assert.equal(matchTalk('Machine Ethics and Emerging Technologys', 'Paul Wayper', programme)?.title, 'Machine Ethics and Emerging Technologies');
    assert.equal(matchTalk('Machine Ethics and Emerging Technologys', 'Someone Else', programme), null);
    assert.equal(matchTalk('Closing', null, programme), null, 'two programme talks of that title');
    assert.deepEqual(matchTalk('Closing', 'Ann', programme)?.speakers, ['Ann Other']);
    assert.equal(matchTalk('Kōrero about unicode!', null, [talk('Korero About Unicode', [], null)])?.title, 'Korero About Unicode');
    assert.equal(matchTalk('Opening', null, [talk('Closing', [], null)]), null);
    assert.equal(matchTalk('Intro', null, [talk('Outro', [], null)]), null, 'two letters off a short title is another title');
  });

  it('Should keep the outline of every other writer\'s notes (headings over prose, speakers below, rules, underlines) with a bullet under each talk', () => {
    const dir = path.join(ROOT, 'test/fixtures/real-world');
    for (const name of readdirSync(dir).filter((f) => !f.endsWith('.json'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const base = parseNotes(text);
      const programme = programmeOf(base.talks.map((t, i) => talk(t.title, t.speaker ? [t.speaker] : [], `https://conf.example.org/talk/${i}/`, { links: [{ kind: 'recording', url: `https://media.example.org/${i}.mp4` }] })));
      const insertions = scheduleLinkInsertions(base, programme);
      const after = parseNotes(withInsertions(text, insertions));
      assert.deepEqual(outline(after), outline(base), name);
      assert.deepEqual(bullets(after), bullets(base), `${name}: every bullet at its level`);
      assert.deepEqual(scheduleLinkInsertions(after, programme), [], `${name}: idempotent`);
    }
  });

  it('Should keep the words, links and outline of the sample and only add bullets; a second run adds nothing (property)', () => {
    const doc = parseNotes(SAMPLE);
    const kinds = fc.constantFrom('page', 'slides', 'recording', 'none');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(doc.talks.length - 1), fc.array(kinds, { maxLength: 3 }), fc.boolean(), fc.boolean()), { maxLength: 30 }), fc.boolean(), (picks, crlf) => {
        const text = crlf ? SAMPLE.replace(/\n/g, '\r\n') : SAMPLE;
        const base = parseNotes(text);
        const talks = picks.map(([i, wanted, misspelt, held]) => {
          const t = base.talks[i];
          const title = misspelt && t.title.length > 12 ? t.title.slice(0, -1) + (t.title.endsWith('x') ? 'y' : 'x') : t.title;
          const url = wanted.includes('page') ? (held && base.links.find((l) => l.span.start > t.span.start && l.span.end <= t.span.end)?.target) || `https://conf.example.org/talk/${i}/` : null;
          const links = wanted.filter((k) => k === 'slides' || k === 'recording').map((kind) => ({ kind: kind as 'slides' | 'recording', url: `https://media.example.org/${i}/${kind}` }));
          return talk(title, t.speaker ? [t.speaker] : [], url, { links });
        });
        const programme = programmeOf(talks);
        const insertions = scheduleLinkInsertions(base, programme);
        const added = withInsertions(text, insertions);
        const after = parseNotes(added);
        // Only added: taking each insertion out again gives the text back.
        assert.equal(withoutInserted(added, insertions), text);
        assert.deepEqual(outline(after), outline(base));
        assert.deepEqual(bullets(after), bullets(base), 'every bullet at its level');
        assert.equal(after.bullets.count, base.bullets.count + insertions.filter((i) => /•/.test(i.text)).length);
        const before = links(base);
        assert.deepEqual(links(after).filter((l) => before.includes(l)), before, 'every link kept, in order');
        for (const i of insertions) assert.match(i.text, /^\r?\n(  • )?(Page|Slides|Recording): /, 'a bullet in the file\'s style, or a line in a talk of prose');
        assert.deepEqual(scheduleLinkInsertions(after, programme), [], 'idempotent');
      }),
      { numRuns: 100 },
    );
  });
});

/** The text with each insertion taken out again: each was made at an offset of the original, so the ones before it, taken out, leave it there. */
function withoutInserted(added: string, insertions: ReturnType<typeof scheduleLinkInsertions>): string {
  let result = added;
  let shift = insertions.reduce((n, i) => n + i.text.length, 0);
  for (const i of [...insertions].sort((a, b) => b.offset - a.offset)) {
    shift -= i.text.length;
    const at = i.offset + shift;
    assert.equal(result.slice(at, at + i.text.length), i.text);
    result = result.slice(0, at) + result.slice(at + i.text.length);
  }
  return result;
}
