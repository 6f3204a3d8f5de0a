/**
 * frab / c3voc schedule JSON (what pretalx serves as `schedule.json`; the schema of voc/schedule,
 * validator/json/schema.json): `schedule.conference.days[].rooms{name: [event]}`. An event's
 * `date` carries its offset; `end` (pretalx) or `duration` (`H:MM`, pretalx `D:HH:MM`) its end.
 */
import { cancelledTitle, durationMs, instantWithOffset, isRecord, linksOf, list, required, resolved, text, zoneOrGiven, type Json } from './fields';
import { ProgrammeError, type ProgrammeTalk } from './programme';
import { instantOf } from './timeZones';

export interface FrabRead {
  readonly event: string | null;
  readonly timeZone: string | null;
  readonly talks: ProgrammeTalk[];
}

/** Whether a value is frab JSON (its content decides, not its name). */
export function looksLikeFrabJson(value: Json): boolean {
  return isRecord(value) && isRecord(value.schedule);
}

export function readFrabJson(value: Json, fallbackZone: string | null): FrabRead {
  const schedule = isRecord(value) && isRecord(value.schedule) ? value.schedule : null;
  const conference = required(schedule && isRecord(schedule.conference) ? schedule.conference : null, 'schedule.conference', 'the conference');
  const zone = zoneOrGiven(text(conference.time_zone_name), fallbackZone);
  const baseUrl = text(schedule!.base_url);
  if (!Array.isArray(conference.days)) throw new ProgrammeError('the days are missing', 'schedule.conference.days');
  const talks = conference.days.flatMap((day, d) => {
    const where = `schedule.conference.days[${d}]`;
    if (!isRecord(day) || !isRecord(day.rooms)) throw new ProgrammeError('a day without rooms', where);
    const date = text(day.date);
    return Object.entries(day.rooms).flatMap(([roomName, events]) =>
      list(events).map((event, e) => readEvent(event, `${where}.rooms[${JSON.stringify(roomName)}][${e}]`, roomName, date, zone, baseUrl)),
    );
  });
  return { event: text(conference.title) ?? text(conference.acronym), timeZone: zone, talks };
}

function readEvent(event: Json, where: string, roomName: string, dayDate: string | null, zone: string | null, baseUrl: string | null): ProgrammeTalk {
  if (!isRecord(event)) throw new ProgrammeError('an event that is not an object', where);
  const title = required(text(event.title), `${where}.title`, 'the title');
  const localStart = dayDate && text(event.start) && zone ? instantOf(dayDate, text(event.start)!, zone) : null;
  const start = required(instantWithOffset(text(event.date)) ?? localStart, `${where}.date`, 'a start with its offset');
  const duration = durationMs(text(event.duration), 'days-first');
  const end = instantWithOffset(text(event.end)) ?? (duration === null ? null : start + duration);
  // A reference's `type` (`slides`, `media`) says what it is as much as its title.
  const references = (field: Json) => list(field).map((r) => (isRecord(r) ? { url: resolved(text(r.url), baseUrl), title: [text(r.type), text(r.title)].filter(Boolean).join(' ') } : { url: null, title: null }));
  const marked = cancelledTitle(title);
  return {
    id: text(event.guid) ?? text(event.id),
    title: marked.title,
    speakers: list(event.persons).flatMap((p) => (isRecord(p) ? [text(p.name) ?? text(p.public_name) ?? text(p.full_public_name)].filter((n): n is string => n !== null) : [])),
    start,
    end: required(end, `${where}.duration`, 'a duration or an end'),
    room: text(event.room) ?? roomName,
    track: text(event.track),
    url: text(event.url),
    links: [...linksOf(references(event.links), false), ...linksOf(references(event.attachments), true)],
    abstract: text(event.abstract) ?? text(event.description),
    cancelled: marked.cancelled,
  };
}
