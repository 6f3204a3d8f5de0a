/** `confnotes schedule show|notes` on programmes of every format: the JSON shape, the skeleton `confnotes outline` reads back, errors with their place. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';

const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/schedules');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, TZ: 'America/Los_Angeles' } });

describe('confnotes schedule', () => {
  it('Should show a day\'s talks of one room as JSON: times with the programme\'s offset, local days, links by kind (the machine in another zone)', () => {
    const r = run(['schedule', 'show', path.join(FIXTURES, 'kosc2026.schedule.xml'), '--day', '2026-01-20', '--room', 'room b', '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      event: 'KOSC 2026',
      timeZone: 'Pacific/Auckland',
      talks: [
        {
          title: 'Kōrero about Unicode',
          speakers: ['Mere Tūhoe', 'Zoë Ng'],
          start: '2026-01-20T09:00:00+13:00',
          end: '2026-01-20T09:30:00+13:00',
          day: '2026-01-20',
          room: 'Room B',
          url: 'https://kosc.example.nz/2026/talk/KORE02/',
          links: [{ kind: 'page', url: 'https://kosc.example.nz/2026/talk/KORE02/' }],
        },
      ],
    });
  });

  it('Should print a skeleton that confnotes outline reads back as exactly the programme\'s talks and speakers, from every format', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-schedule-'));
    try {
      for (const [file, zone] of [['kosc2026.schedule.json'], ['kosc2026.schedule.xml'], ['kosc2026.schedule.ics'], ['kosc2026.sessionize.json', 'Pacific/Auckland'], ['fosdem-legacy.xml']]) {
        const args = ['schedule', '--json', 'show', path.join(FIXTURES, file), ...(zone ? ['--time-zone', zone] : [])];
        const shown = JSON.parse(run(args).stdout) as { talks: Array<{ title: string; speakers: string[] }> };
        const notes = run(['schedule', 'notes', path.join(FIXTURES, file), ...(zone ? ['--time-zone', zone] : [])]);
        assert.equal(notes.status, 0, notes.stderr);
        const skeleton = path.join(dir, `${file}.notes`);
        writeFileSync(skeleton, notes.stdout);
        const outline = JSON.parse(run(['outline', '--json', skeleton]).stdout);
        const talks = outline.days.flatMap((d: { sessions: Array<{ talks: Array<{ title: string; speaker: string | null }> }> }) => d.sessions.flatMap((s) => s.talks));
        const speakers = (names: string[]) => (names.length <= 1 ? names[0] ?? null : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
        assert.deepEqual(talks.map((t: { title: string; speaker: string | null }) => [t.title, t.speaker]), shown.talks.map((t) => [t.title, speakers(t.speakers)]), `${file}:\n${notes.stdout}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Should head each slot with Event – Day – Session N, the day by the programme\'s zone', () => {
    const r = run(['schedule', 'notes', path.join(FIXTURES, 'kosc2026.schedule.xml'), '--day', '2026-01-21']);
    assert.equal(r.stdout, 'KOSC 2026 – Wednesday – Session 1\n\nClosing by Kim Lee\n  •\n');
    // A calendar that names no event: the headers still carry a year, so that they are read as headers.
    const unnamed = run(['schedule', 'notes', path.join(FIXTURES, 'kosc2026.schedule.ics'), '--day', '2026-01-21']);
    assert.equal(unnamed.stdout, 'Conference 2026 – Wednesday – Session 1\n\nClosing by Kim Lee\n  •\n');
    const named = run(['schedule', 'notes', path.join(FIXTURES, 'kosc2026.schedule.ics'), '--day', '2026-01-21', '--event', 'Kiwi OSC 2026']);
    assert.match(named.stdout, /^Kiwi OSC 2026 – Wednesday – Session 1\n/);
  });

  it('Should read the programme from standard input, and say where malformed input is wrong (exit 2)', () => {
    const json = run(['schedule', 'show', '-'], '{\n  "schedule": {\n    "conference": ,\n}');
    assert.equal(json.status, 2);
    assert.match(json.stderr, /^confnotes: <stdin>:3:19: not valid JSON: value expected\n$/);
    const unknown = run(['schedule', 'show', '-'], 'Title;Speaker\n');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /<stdin>:1:1: no programme of a format read here \(frab\/c3voc\/pretalx schedule JSON, frab\/pentabarf schedule XML \(FOSDEM\), iCalendar/);
    const ok = run(['schedule', 'show', '-', '--time-zone', 'Pacific/Auckland'], readFileSync(path.join(FIXTURES, 'kosc2026.sessionize.json'), 'utf8'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^2026-01-20 09:00–09:45, Room A {2}Helicopters and rocket-planes by Andrew Tridgell$/m);
  });

  it('Should add the programme\'s links under the talks of notes: to stdout, --check (exit 1, then 0 once written), --write; nothing twice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-schedule-links-'));
    try {
      const notes = path.join(dir, 'kosc.notes');
      const text = 'KOSC 2026 – Tuesday – Session 1\n\nHelicopters and rocket-planes by Andrew Tridgell\n  • autopilots\n  • https://media.example.nz/kosc2026/helicopters.mp4\n\nKorero about Unicode – Mere Tuhoe\n  • macrons\n\nA talk the programme has not by Nobody\n  • x\n';
      writeFileSync(notes, text);
      const programme = path.join(FIXTURES, 'kosc2026.schedule.json');
      const shown = run(['schedule', 'links', programme, notes]);
      assert.equal(shown.status, 0, shown.stderr);
      const expected = text
        .replace('helicopters.mp4\n', 'helicopters.mp4\n  • Page: https://kosc.example.nz/2026/talk/HELI01/ · Slides: https://kosc.example.nz/2026/attachments/heli-slides.pdf\n')
        .replace('  • macrons\n', '  • macrons\n  • Page: https://kosc.example.nz/2026/talk/KORE02/\n');
      assert.equal(shown.stdout, expected);
      const check = run(['schedule', 'links', programme, '--check', dir]);
      assert.equal(check.status, 1);
      assert.equal(check.stdout, `${notes}: 3 links to add under 2 talks\n`);
      assert.equal(run(['schedule', 'links', programme, '--write', notes]).status, 0);
      assert.equal(readFileSync(notes, 'utf8'), expected);
      assert.equal(run(['schedule', 'links', programme, '--check', notes]).status, 0, 'nothing more to add');
      assert.equal(run(['schedule', 'links', programme, notes]).stdout, expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Should exit 1 when no talk is left after --day, and 2 on usage errors, with the usage', () => {
    const none = run(['schedule', 'show', path.join(FIXTURES, 'kosc2026.schedule.json'), '--day', '2027-01-01']);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /no talk in .* on 2027-01-01/);
    const json = path.join(FIXTURES, 'kosc2026.schedule.json');
    for (const args of [['schedule'], ['schedule', 'list', 'x'], ['schedule', 'show'], ['schedule', 'show', json, 'b'], ['schedule', 'show', json, '--day', '20 Jan'], ['schedule', 'links', json], ['schedule', 'links', json, '--write', '--check', 'x.notes']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /usage:/);
    }
    const missing = run(['schedule', 'show', path.join(FIXTURES, 'nope.json')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: .*no such file/i);
    assert.equal(run(['schedule', '--help']).status, 0);
  });
});
