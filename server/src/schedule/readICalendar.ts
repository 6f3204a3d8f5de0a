/**
 * iCalendar (RFC 5545): pretalx's `schedule.ics` and `faved.ics` (SUMMARY `Title - Speaker, …`),
 * frab's (the same), FOSDEM's (speakers as ATTENDEE `CN`, floating times, `X-WR-TIMEZONE`),
 * any calendar's. Parsed by ical.js; each time is read in its own zone: UTC, the TZID's
 * VTIMEZONE in the file, an IANA TZID, or — floating — the calendar's zone.
 */
import ICAL from 'ical.js';
import { ProgrammeError, type ProgrammeTalk } from './programme';
import { cancelledTitle, linksOf, text, zoneOrGiven } from './fields';
import { instantOf, isTimeZone } from './timeZones';
import type { FrabRead } from './readFrabJson';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Zone = InstanceType<typeof ICAL.Timezone>;

const two = (n: number) => String(n).padStart(2, '0');

export function readICalendar(ics: string, fallbackZone: string | null): FrabRead {
  // ical.js fails on what it cannot take with errors of any kind (TypeErrors too), while parsing and while reading values.
  try {
    return readCalendar(new ICAL.Component(ICAL.parse(ics)), fallbackZone);
  } catch (e) {
    if (e instanceof ProgrammeError) throw e;
    throw new ProgrammeError(`not valid iCalendar: ${e instanceof Error ? e.message : String(e)}`, lineOf(ics, e));
  }
}

function readCalendar(calendar: Component, fallbackZone: string | null): FrabRead {
  const zones = new Map<string, Zone>();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    zones.set(zone.tzid, zone);
  }
  const calendarZone = zoneOrGiven(text(calendar.getFirstPropertyValue('x-wr-timezone')), fallbackZone);
  /** The IANA zones the times name, first seen first: the programme's zone when the calendar names none. */
  const zonesSeen: string[] = [];
  const splitsSummary = /pretalx|frab/i.test(String(calendar.getFirstPropertyValue('prodid') ?? ''));
  const instant = (component: Component, name: string, where: string): number | null => {
    const property = component.getFirstProperty(name);
    if (!property) return null;
    const time = property.getFirstValue() as Time;
    if (time.isDate) return null;
    const tzid = text(property.getParameter('tzid'));
    if (tzid && !zonesSeen.includes(tzid) && isTimeZone(tzid)) zonesSeen.push(tzid);
    const wall = [`${time.year}-${two(time.month)}-${two(time.day)}`, `${two(time.hour)}:${two(time.minute)}:${two(time.second)}`] as const;
    if (time.zone === ICAL.Timezone.utcTimezone || tzid === 'UTC') return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    if (tzid && zones.has(tzid)) return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second) - zones.get(tzid)!.utcOffset(time) * 1000;
    const zone = tzid && isTimeZone(tzid) ? tzid : calendarZone;
    if (!zone) throw new ProgrammeError(`a time in no zone the file names (${tzid ?? 'floating'}): give the event's with --time-zone`, where);
    return instantOf(wall[0], wall[1], zone);
  };
  const talks = calendar.getAllSubcomponents('vevent').flatMap((vevent, i): ProgrammeTalk[] => {
    const where = `VEVENT ${i + 1}`;
    const start = instant(vevent, 'dtstart', `${where} DTSTART`);
    if (start === null) return []; // all-day entries are no talks
    const event = new ICAL.Event(vevent);
    const end = instant(vevent, 'dtend', `${where} DTEND`) ?? start + event.duration.toSeconds() * 1000;
    // Untrimmed: pretalx writes `Title - ` for a talk without speakers.
    const summary = String(event.summary ?? '').replace(/[\r\n]+/g, ' ');
    const attendees = vevent.getAllProperties('attendee').map((p) => text(p.getParameter('cn'))).filter((n): n is string => n !== null);
    const cut = splitsSummary && attendees.length === 0 ? summary.lastIndexOf(' - ') : -1;
    const title = (cut >= 0 ? summary.slice(0, cut) : summary).replace(/\s+/g, ' ').trim();
    const speakers = attendees.length > 0 ? attendees : cut >= 0 ? summary.slice(cut + 3).split(/,\s*/).map((s) => s.trim()).filter(Boolean) : [];
    if (!title) throw new ProgrammeError('an event without a SUMMARY', where);
    const url = text(vevent.getFirstPropertyValue('url'));
    const marked = cancelledTitle(title);
    const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
    return [
      {
        id: text(event.uid),
        title: marked.title,
        speakers,
        start,
        end,
        room: text(event.location),
        track: text(vevent.getFirstPropertyValue('categories')),
        url,
        links: linksOf(vevent.getAllProperties('attach').map((p) => ({ url: text(p.getFirstValue()), title: null })), true),
        abstract: text(event.description),
        cancelled: status === 'CANCELLED' || marked.cancelled,
      },
    ];
  });
  return { event: text(calendar.getFirstPropertyValue('x-wr-calname')), timeZone: calendarZone ?? zonesSeen[0] ?? [...zones.keys()].find(isTimeZone) ?? null, talks };
}

/** ical.js names no line: the first line that does not look like `NAME:value` or a folded continuation, if any. */
function lineOf(ics: string, _e: unknown): string | null {
  const lines = ics.split(/\r?\n/);
  const bad = lines.findIndex((l) => l !== '' && !/^[ \t]/.test(l) && !/^[A-Za-z0-9-]+[;:]/.test(l));
  return bad >= 0 ? `${bad + 1}:1` : null;
}
