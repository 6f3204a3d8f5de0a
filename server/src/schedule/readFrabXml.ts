/**
 * frab schedule XML (voc/schedule validator/xsd/schedule.xml.xsd; pretalx `schedule.xml`) and
 * the pentabarf flavour FOSDEM publishes: `<schedule><conference/><day date><room name><event>`.
 * An event's `<date>` carries its offset where the file has one; older files (FOSDEM before 2024)
 * give the day's date and a wall-clock `<start>` in a zone they do not name.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cancelledTitle, durationMs, instantWithOffset, isRecord, linksOf, list, required, resolved, text, zoneOrGiven, type Json } from './fields';
import { ProgrammeError, type ProgrammeTalk } from './programme';
import type { FrabRead } from './readFrabJson';
import { instantOf } from './timeZones';

const REPEATED = new Set(['day', 'room', 'event', 'person', 'link', 'attachment']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (name) => REPEATED.has(name) });

/** An element's text, whether it has attributes or not. */
const textOf = (node: Json) => text(isRecord(node) ? node['#text'] : node);

/** FOSDEM's files before 2024 name no zone: FOSDEM is in Brussels. */
const KNOWN_ZONES: ReadonlyArray<[RegExp, string]> = [[/^fosdem\b/i, 'Europe/Brussels']];

export function readFrabXml(xml: string, fallbackZone: string | null): FrabRead {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ProgrammeError(`not well-formed XML: ${valid.err.msg}`, `${valid.err.line}:${valid.err.col}`);
  let root: Record<string, Json>;
  try {
    root = parser.parse(xml) as Record<string, Json>;
  } catch (e) {
    throw new ProgrammeError(`not readable XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const schedule = isRecord(root.schedule) ? root.schedule : null;
  if (!schedule) throw new ProgrammeError('no <schedule> element', '<schedule>');
  const conference = isRecord(schedule.conference) ? schedule.conference : {};
  const event = textOf(conference.title) ?? textOf(conference.acronym);
  const zone = zoneOrGiven(textOf(conference.time_zone_name), fallbackZone) ?? KNOWN_ZONES.find(([name]) => event && name.test(event))?.[1] ?? null;
  // pretalx writes three-part durations days first (`1:02:00`); pentabarf's files, seconds last.
  const generator = isRecord(schedule.generator) ? text(schedule.generator['@name']) : null;
  const threeParts = /pretalx/i.test(generator ?? '') ? 'days-first' : 'seconds-last';
  const baseUrl = textOf(conference.base_url);
  const talks = list(schedule.day).flatMap((day, d) => {
    const date = isRecord(day) ? text(day['@date']) : null;
    return list(isRecord(day) ? day.room : []).flatMap((room, r) =>
      list(isRecord(room) ? room.event : []).map((e, i) => readEvent(e, `<day> ${d + 1}, <room> ${r + 1}, <event> ${i + 1}`, isRecord(room) ? text(room['@name']) : null, date, zone, baseUrl, threeParts)),
    );
  });
  return { event, timeZone: zone, talks };
}

function readEvent(event: Json, where: string, roomName: string | null, dayDate: string | null, zone: string | null, baseUrl: string | null, threeParts: 'days-first' | 'seconds-last'): ProgrammeTalk {
  if (!isRecord(event)) throw new ProgrammeError('an empty <event>', where);
  const title = required(textOf(event.title), `${where} <title>`, 'the title');
  const wallClock = textOf(event.start);
  const localStart = dayDate && wallClock && zone ? instantOf(dayDate, wallClock.slice(0, 5), zone) : null;
  const start = instantWithOffset(textOf(event.date)) ?? localStart;
  if (start === null) {
    throw new ProgrammeError(zone ? 'no start (<date>, or the day\'s date and <start>)' : 'the file names no time zone: give the event\'s with --time-zone (e.g. Europe/Brussels)', `${where} <date>`);
  }
  const duration = durationMs(textOf(event.duration), isRecord(event) && event['@code'] !== undefined ? 'days-first' : threeParts);
  const references = (container: Json, name: string) =>
    list(isRecord(container) ? container[name] : []).map((r) => ({ url: resolved(isRecord(r) ? text(r['@href']) : null, baseUrl), title: [isRecord(r) ? text(r['@type']) : null, textOf(r)].filter(Boolean).join(' ') }));
  const marked = cancelledTitle(title);
  const persons = isRecord(event.persons) ? list(event.persons.person) : [];
  return {
    id: text(event['@guid']) ?? text(event['@id']),
    title: marked.title,
    speakers: persons.map(textOf).filter((n): n is string => n !== null),
    start,
    end: start + required(duration, `${where} <duration>`, 'the duration'),
    room: textOf(event.room) ?? roomName,
    track: textOf(event.track),
    url: textOf(event.url),
    links: [...linksOf(references(event.links, 'link'), false), ...linksOf(references(event.attachments, 'attachment'), true)],
    abstract: textOf(event.abstract) ?? textOf(event.description),
    cancelled: marked.cancelled,
  };
}
