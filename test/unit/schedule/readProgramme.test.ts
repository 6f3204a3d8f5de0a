/** Programmes in every format read here, each by its published shape: the same talks from each, at the right instants in the programme's zone. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../helpers';
import { ProgrammeError } from '../../../server/src/schedule/programme';
import { programmeJson, selectTalks } from '../../../server/src/schedule/programmeJson';
import { readProgramme } from '../../../server/src/schedule/readProgramme';
import { instantOf, isoInZone } from '../../../server/src/schedule/timeZones';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/schedules', name), 'utf8');

/** The small conference of the fixtures, in Auckland (+13:00 in January: its morning is the day before in UTC). */
const KOSC = [
  ['2026-01-20T09:00:00+13:00', '2026-01-20T09:45:00+13:00', '2026-01-20', 'Room A', 'Helicopters and rocket-planes', 'Andrew Tridgell'],
  ['2026-01-20T09:00:00+13:00', '2026-01-20T09:30:00+13:00', '2026-01-20', 'Room B', 'Kōrero about Unicode', 'Mere Tūhoe|Zoë Ng'],
  ['2026-01-20T10:00:00+13:00', '2026-01-20T10:30:00+13:00', '2026-01-20', 'Room A', 'Opening of the Hack Room', ''],
  ['2026-01-20T23:30:00+13:00', '2026-01-21T00:30:00+13:00', '2026-01-20', 'Room A', 'Midnight lightning talks', 'Ann Other'],
  ['2026-01-21T09:00:00+13:00', '2026-01-21T09:40:00+13:00', '2026-01-21', 'Room A', 'Closing', 'Kim Lee'],
];

function rows(name: string, timeZone?: string): string[][] {
  const programme = readProgramme(fixture(name), { timeZone });
  assert.equal(programme.timeZone, 'Pacific/Auckland', name);
  return programmeJson(programme, selectTalks(programme, {})).talks.map((t) => [t.start, t.end, t.day, t.room ?? '', t.title, t.speakers.join('|')]);
}

describe('readProgramme', () => {
  // The machine's zone far from every fixture's: nothing may depend on it.
  const machineZone = process.env.TZ;
  before(() => (process.env.TZ = 'Pacific/Chatham'));
  after(() => (machineZone === undefined ? delete process.env.TZ : (process.env.TZ = machineZone)));

  it('Should read the same talks, times and rooms from frab JSON, frab XML, pretalx iCalendar and Sessionize', () => {
    assert.deepEqual(rows('kosc2026.schedule.json'), KOSC);
    assert.deepEqual(rows('kosc2026.schedule.xml'), KOSC);
    assert.deepEqual(rows('kosc2026.schedule.ics'), KOSC);
    assert.deepEqual(rows('kosc2026.sessionize.json', 'Pacific/Auckland'), KOSC);
  });

  it('Should find the format from the content, whatever the file is called, and say which formats it reads when none fits', () => {
    assert.equal(readProgramme(fixture('kosc2026.schedule.xml')).format, 'frab-xml');
    assert.equal(readProgramme(`\uFEFF  ${fixture('kosc2026.schedule.json')}`).format, 'frab-json');
    assert.equal(readProgramme(fixture('kosc2026.schedule.ics')).format, 'icalendar');
    assert.throws(() => readProgramme('Title,Speaker\nA,B\n'), (e: unknown) => e instanceof ProgrammeError && e.where === '1:1' && /frab.*XML.*iCalendar.*Sessionize/.test(e.message));
    assert.throws(() => readProgramme('{"talks": []}'), /JSON, but no programme/);
  });

  it('Should name the line and column of malformed JSON, XML and iCalendar, and the field of a missing one', () => {
    assert.throws(() => readProgramme('{\n  "schedule": {\n    "conference": ,\n}'), (e: unknown) => e instanceof ProgrammeError && e.where === '3:19');
    assert.throws(() => readProgramme('<schedule>\n<day>\n</schedule>'), (e: unknown) => e instanceof ProgrammeError && /^\d+:\d+$/.test(e.where ?? '') && /XML/.test(e.message));
    assert.throws(() => readProgramme('BEGIN:VCALENDAR\r\nthis is not a line\r\nEND:VCALENDAR\r\n'), (e: unknown) => e instanceof ProgrammeError && e.where === '2:1');
    const noTitle = fixture('kosc2026.schedule.json').replace('"title": "Closing", ', '');
    assert.throws(() => readProgramme(noTitle), (e: unknown) => e instanceof ProgrammeError && e.where === 'schedule.conference.days[1].rooms["Room A"][0].title');
  });

  it('Should say when nothing names a zone (UTC then), and take the user\'s zone where the file names one the platform does not know', () => {
    const unnamed = fixture('kosc2026.schedule.json').replace('"time_zone_name": "Pacific/Auckland",', '');
    assert.equal(readProgramme(unnamed).timeZoneAssumed, true);
    assert.equal(readProgramme(unnamed).timeZone, 'UTC');
    assert.equal(readProgramme(unnamed, { timeZone: 'Pacific/Auckland' }).timeZoneAssumed, false);
    const bogus = fixture('kosc2026.schedule.json').replace('"Pacific/Auckland"', '"NZ Daylight Time"');
    assert.equal(readProgramme(bogus, { timeZone: 'Pacific/Auckland' }).timeZone, 'Pacific/Auckland');
    assert.deepEqual(rows('kosc2026.schedule.json'), KOSC);
  });

  it('Should read three-part durations days first from pretalx (D:HH:MM) and seconds last from pentabarf (HH:MM:SS), and the day\'s date with <start> where <date> is missing', () => {
    const xml = (generator: string, duration: string) =>
      `<schedule>${generator}<conference><title>X 2026</title><time_zone_name>Europe/Brussels</time_zone_name></conference><day date="2026-02-01"><room name="R"><event id="1"><start>10:00</start><duration>${duration}</duration><room>R</room><title>T</title></event></room></day></schedule>`;
    const hours = (p: ReturnType<typeof readProgramme>) => (p.talks[0].end - p.talks[0].start) / 3_600_000;
    assert.equal(hours(readProgramme(xml('<generator name="pretalx" version="2025.1"/>', '1:02:00'))), 26);
    assert.equal(hours(readProgramme(xml('', '01:30:00'))), 1.5);
    assert.equal(isoInZone(readProgramme(xml('', '00:30')).talks[0].start, 'Europe/Brussels'), '2026-02-01T10:00:00+01:00');
  });

  it('Should ask for the zone where the format names none (Sessionize), and refuse an unknown zone', () => {
    assert.throws(() => readProgramme(fixture('kosc2026.sessionize.json')), /names no time zone: give the event's with --time-zone/);
    assert.throws(() => readProgramme(fixture('kosc2026.schedule.json'), { timeZone: 'Mars/Olympus' }), /unknown time zone "Mars\/Olympus"/);
  });

  it('Should keep links by kind: the page, slides (attachments, resolved against base_url) and the recording', () => {
    const programme = readProgramme(fixture('kosc2026.schedule.json'));
    assert.deepEqual(programmeJson(programme, [programme.talks[0]]).talks[0].links, [
      { kind: 'page', url: 'https://kosc.example.nz/2026/talk/HELI01/' },
      { kind: 'recording', url: 'https://media.example.nz/kosc2026/helicopters.mp4' },
      { kind: 'slides', url: 'https://kosc.example.nz/2026/attachments/heli-slides.pdf' },
    ]);
    const sessionize = readProgramme(fixture('kosc2026.sessionize.json'), { timeZone: 'Pacific/Auckland' });
    assert.deepEqual(sessionize.talks[0].links, [{ kind: 'recording', url: 'https://media.example.nz/kosc2026/helicopters.mp4' }]);
  });

  it('Should mark a cancelled talk (title prefix) and leave breaks and unscheduled sessions out of the talks', () => {
    const frab = readProgramme(fixture('kosc2026.schedule.json'));
    const cancelled = frab.talks.filter((t) => t.cancelled);
    assert.deepEqual(cancelled.map((t) => t.title), ['Legacy systems']);
    const trains = readProgramme(fixture('kosc2026.schedule.json').replace('"title": "Closing"', '"title": "Cancelled trains and other delays"'));
    assert.ok(trains.talks.some((t) => t.title === 'Cancelled trains and other delays' && !t.cancelled), 'a title that only begins with the word');
    const sessionize = readProgramme(fixture('kosc2026.sessionize.json'), { timeZone: 'Pacific/Auckland' });
    assert.deepEqual(sessionize.talks.filter((t) => t.cancelled).map((t) => t.title), ['Lunch']);
    assert.ok(!sessionize.talks.some((t) => t.title === 'Unscheduled talk'));
  });

  it("Should read FOSDEM's older XML: no <date>, no zone named (Brussels), HH:MM durations, video links and slide attachments", () => {
    const programme = readProgramme(fixture('fosdem-legacy.xml'));
    assert.equal(programme.timeZone, 'Europe/Brussels');
    const [cra, cancelled] = programme.talks;
    assert.equal(isoInZone(cra.start, programme.timeZone), '2023-02-04T10:30:00+01:00');
    assert.equal(isoInZone(cra.end, programme.timeZone), '2023-02-04T11:20:00+01:00');
    assert.deepEqual(cra.speakers, ['Benjamin Bögel', 'Omer Dogan']);
    assert.deepEqual(cra.links.map((l) => l.kind), ['recording', 'other', 'slides']);
    assert.equal(cra.id, '15059');
    assert.equal(cancelled.cancelled, true);
    assert.equal(cancelled.title, 'First class support in OSS');
  });

  it("Should read FOSDEM's iCalendar (floating times in X-WR-TIMEZONE, speakers as ATTENDEE) and a VTIMEZONE named by abbreviation", () => {
    const fosdem = readProgramme(fixture('fosdem-2025.ics'));
    assert.equal(fosdem.timeZone, 'Europe/Brussels');
    assert.equal(fosdem.event, 'FOSDEM 2025');
    const [talk] = fosdem.talks;
    assert.equal(talk.title, 'Rust in the kernel - a year on', 'not split: FOSDEM names speakers apart');
    assert.deepEqual(talk.speakers, ['Miguel Ojeda']);
    assert.equal(isoInZone(talk.start, fosdem.timeZone), '2025-02-01T10:35:00+01:00');
    assert.equal(talk.track, 'Rust');
    const cet = readProgramme(fixture('vtimezone-abbreviation.ics'), { timeZone: 'Europe/Paris' });
    const [typing] = cet.talks;
    assert.equal(typing.title, 'Typing - the good parts', 'split at the last " - "');
    assert.deepEqual(typing.speakers, ['Léa Dupont']);
    assert.equal(isoInZone(typing.start, 'Europe/Paris'), '2025-07-05T14:00:00+02:00', 'summer time from the file\'s own VTIMEZONE');
  });

  it('Should not depend on the machine\'s zone: instants from wall-clock times around changes of offset', () => {
    // Auckland leaves summer time on 2026-04-05 at 03:00 (+13 → +12).
    assert.equal(isoInZone(instantOf('2026-04-04', '12:00', 'Pacific/Auckland')!, 'Pacific/Auckland'), '2026-04-04T12:00:00+13:00');
    assert.equal(isoInZone(instantOf('2026-04-06', '12:00', 'Pacific/Auckland')!, 'Pacific/Auckland'), '2026-04-06T12:00:00+12:00');
    assert.equal(isoInZone(instantOf('2026-07-01', '09:30', 'America/St_Johns')!, 'UTC'), '2026-07-01T12:00:00+00:00');
    assert.equal(instantOf('2026-13-01', '09:30', 'UTC'), Date.UTC(2027, 0, 1, 9, 30), 'Date.UTC carries over; the readers pass dates as the formats write them');
  });
});
