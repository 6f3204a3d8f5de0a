/**
 * `npm run bench:schedule`: a FOSDEM-sized programme (900 talks, 30 rooms, two days) generated in
 * frab JSON, frab XML and iCalendar: reading it (in process, median of 5) and `confnotes schedule
 * show --json` / `schedule notes` from the built CLI (median of 3, process start included).
 * Writes the "schedule" section of bench/RESULTS.md. `--out FILE`; `--no-build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readProgramme } from '../server/src/schedule/readProgramme';
import { writeSection } from './resultsFile';
import { round } from './stats';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(ROOT, 'bench', 'RESULTS.md');
const ROOMS = 30;
const SLOTS = 15;
const DAYS = ['2026-01-31', '2026-02-01'];
const GOALS = { readMs: 200, cliMs: 1000 };

interface Talk { day: string; time: string; room: string; title: string; speakers: string[]; id: number }

function talks(): Talk[] {
  const all: Talk[] = [];
  for (const day of DAYS) for (let slot = 0; slot < SLOTS; slot++) for (let room = 0; room < ROOMS; room++) {
    const id = all.length + 1;
    const minutes = 9 * 60 + slot * 35;
    all.push({ day, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, room: `Room ${room + 1}`, title: `Talk ${id}: scaling widget number ${id % 97}`, speakers: [`Speaker ${id}`, ...(id % 5 === 0 ? [`Co Speaker ${id}`] : [])], id });
  }
  return all;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function frabJson(list: Talk[]): string {
  const days = DAYS.map((date, i) => ({ index: i + 1, date, day_start: `${date}T09:00:00+01:00`, day_end: `${date}T19:00:00+01:00`, rooms: Object.fromEntries(Array.from({ length: ROOMS }, (_, r) => [`Room ${r + 1}`, list.filter((t) => t.day === date && t.room === `Room ${r + 1}`).map((t) => ({ guid: `00000000-0000-4000-8000-${String(t.id).padStart(12, '0')}`, id: t.id, date: `${t.day}T${t.time}:00+01:00`, start: t.time, duration: '00:30', room: t.room, slug: `t${t.id}`, url: `https://example.org/e/${t.id}/`, title: t.title, subtitle: null, track: 'Main', type: 'Talk', language: 'en', abstract: 'An abstract.', description: null, persons: t.speakers.map((name, k) => ({ id: t.id * 10 + k, public_name: name })), links: [{ url: `https://video.example.org/${t.id}.mp4`, title: 'Video recording' }], attachments: [] }))])) }));
  return JSON.stringify({ schedule: { version: '1', conference: { acronym: 'big2026', title: 'Big Conf 2026', start: DAYS[0], end: DAYS[1], daysCount: 2, timeslot_duration: '00:05', time_zone_name: 'Europe/Brussels', days } } });
}

function frabXml(list: Talk[]): string {
  const day = (date: string, i: number) => `<day index="${i + 1}" date="${date}">${Array.from({ length: ROOMS }, (_, r) => `<room name="Room ${r + 1}">${list.filter((t) => t.day === date && t.room === `Room ${r + 1}`).map((t) => `<event id="${t.id}"><start>${t.time}</start><duration>00:30</duration><room>${t.room}</room><title>${escape(t.title)}</title><track>Main</track><persons>${t.speakers.map((s) => `<person>${s}</person>`).join('')}</persons><links><link href="https://video.example.org/${t.id}.mp4">Video recording</link></links></event>`).join('')}</room>`).join('')}</day>`;
  return `<?xml version="1.0"?><schedule><conference><title>FOSDEM 2026</title></conference>${DAYS.map(day).join('')}</schedule>`;
}

function ics(list: Talk[]): string {
  const stamp = (t: Talk, plus: number) => {
    const [h, m] = t.time.split(':').map(Number);
    const total = h * 60 + m + plus;
    return `${t.day.replace(/-/g, '')}T${String(Math.floor(total / 60)).padStart(2, '0')}${String(total % 60).padStart(2, '0')}00`;
  };
  const events = list.map((t) => ['BEGIN:VEVENT', `SUMMARY:${t.title} - ${t.speakers.join(', ')}`, `DTSTART;TZID=Europe/Brussels:${stamp(t, 0)}`, `DTEND;TZID=Europe/Brussels:${stamp(t, 30)}`, `UID:t${t.id}@example.org`, `LOCATION:${t.room}`, 'END:VEVENT'].join('\r\n'));
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//pretalx//example.org//big2026', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  if (!args.includes('--no-build')) spawnSync('node', ['scripts/build.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  const list = talks();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'confnotes-bench-schedule-'));
  const rows: string[] = [];
  let worstRead = 0;
  let worstCli = 0;
  try {
    for (const [name, text] of [['frab JSON', frabJson(list)], ['frab XML (pentabarf, no zone named: FOSDEM)', frabXml(list)], ['iCalendar (pretalx)', ics(list)]] as const) {
      const file = path.join(dir, `programme-${rows.length}`);
      writeFileSync(file, text);
      const reads: number[] = [];
      let count = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        count = readProgramme(text).talks.length;
        reads.push(performance.now() - t);
      }
      const cli = (sub: string[]) => {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'schedule', ...sub, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
          if (r.status !== 0) throw new Error(r.stderr);
          times.push(performance.now() - t);
        }
        return median(times);
      };
      const show = cli(['show', '--json']);
      const notes = cli(['notes']);
      worstRead = Math.max(worstRead, median(reads));
      worstCli = Math.max(worstCli, show, notes);
      rows.push(`| ${name} | ${Math.round(text.length / 1024)} KB | ${count} | ${round(median(reads))} ms | ${Math.round(show)} ms | ${Math.round(notes)} ms |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
  writeSection(out, 'schedule', `## A conference programme (\`npm run bench:schedule\`)

Written by \`npm run bench:schedule\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.
A generated FOSDEM-sized programme: ${list.length} talks, ${ROOMS} rooms, ${DAYS.length} days.

| target | measured | status |
|---|---|---|
| Reading a programme (in process, median of 5) ≤ ${GOALS.readMs} ms | ${round(worstRead)} ms (the slowest format) | ${met(worstRead <= GOALS.readMs)} |
| \`confnotes schedule show --json\` / \`notes\` (process start included, median of 3) ≤ ${GOALS.cliMs} ms | ${Math.round(worstCli)} ms (the slowest) | ${met(worstCli <= GOALS.cliMs)} |

| format | size | talks | read | \`schedule show --json\` | \`schedule notes\` |
|---|---|---|---|---|---|
${rows.join('\n')}
`);
  console.log(`[bench:schedule] written to ${path.relative(process.cwd(), out)}`);
}

main();
