/**
 * Sessionize's `view/All` JSON: `sessions` referring to `speakers` and `rooms` by id. Its
 * `startsAt`/`endsAt` are the event's wall-clock times with no offset and the file names no
 * zone, so the zone must be given (`--time-zone`, the setting). Service sessions without speakers
 * (breaks, lunch) are no talks; `recordingUrl` is the recording.
 */
import { instantWithOffset, isRecord, list, required, text, type Json } from './fields';
import { ProgrammeError, type ProgrammeTalk } from './programme';
import type { FrabRead } from './readFrabJson';
import { instantOf } from './timeZones';

export function looksLikeSessionize(value: Json): boolean {
  return isRecord(value) && Array.isArray(value.sessions) && Array.isArray(value.speakers);
}

export function readSessionize(value: Json, zone: string | null): FrabRead {
  if (!isRecord(value)) throw new ProgrammeError('not a Sessionize view/All object');
  const speakers = new Map(list(value.speakers).flatMap((s) => (isRecord(s) && text(s.id) ? [[text(s.id)!, text(s.fullName) ?? [text(s.firstName), text(s.lastName)].filter(Boolean).join(' ')] as const] : [])));
  const rooms = new Map(list(value.rooms).flatMap((r) => (isRecord(r) && text(r.id) ? [[text(r.id)!, text(r.name)] as const] : [])));
  const at = (field: Json, where: string): number | null => {
    const written = text(field);
    if (written === null) return null;
    const withOffset = instantWithOffset(written);
    if (withOffset !== null) return withOffset;
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/.exec(written);
    if (!m) throw new ProgrammeError(`not a date and time: ${JSON.stringify(written)}`, where);
    if (!zone) throw new ProgrammeError("Sessionize's view/All names no time zone: give the event's with --time-zone (e.g. Australia/Melbourne)", where);
    return instantOf(m[1], m[2], zone);
  };
  const talks = list(value.sessions).flatMap((session, i): ProgrammeTalk[] => {
    const where = `sessions[${i}]`;
    if (!isRecord(session)) throw new ProgrammeError('a session that is not an object', where);
    const start = at(session.startsAt, `${where}.startsAt`);
    if (start === null) return []; // not scheduled
    const names = list(session.speakers).map((id) => speakers.get(text(id) ?? '') ?? null).filter((n): n is string => !!n);
    const recording = text(session.recordingUrl);
    return [
      {
        id: text(session.id),
        title: required(text(session.title), `${where}.title`, 'the title'),
        speakers: names,
        start,
        end: at(session.endsAt, `${where}.endsAt`) ?? start,
        room: rooms.get(text(session.roomId) ?? '') ?? text(session.room),
        track: null,
        url: null,
        links: recording && /^https?:\/\//i.test(recording) ? [{ kind: 'recording', url: recording }] : [],
        abstract: text(session.description),
        cancelled: session.isServiceSession === true && names.length === 0,
      },
    ];
  });
  return { event: null, timeZone: zone, talks };
}
