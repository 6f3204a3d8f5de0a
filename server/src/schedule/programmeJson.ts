/** The programme as `confnotes schedule show --json` gives it (README "Command line"): times with the programme's offset, local days. */
import type { Programme, ProgrammeLink, ProgrammeTalk } from './programme';
import { dayInZone, isoInZone } from './timeZones';

export interface ProgrammeTalkJson {
  readonly title: string;
  readonly speakers: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly day: string;
  readonly room: string | null;
  readonly url: string | null;
  readonly links: readonly ProgrammeLink[];
}

export interface ProgrammeJson {
  readonly event: string | null;
  readonly timeZone: string;
  readonly talks: readonly ProgrammeTalkJson[];
}

export function programmeJson(programme: Programme, talks: readonly ProgrammeTalk[]): ProgrammeJson {
  const zone = programme.timeZone;
  return {
    event: programme.event,
    timeZone: zone,
    talks: talks.map((t) => ({
      title: t.title,
      speakers: t.speakers,
      start: isoInZone(t.start, zone),
      end: isoInZone(t.end, zone),
      day: dayInZone(t.start, zone),
      room: t.room,
      url: t.url,
      links: [...(t.url ? [{ kind: 'page' as const, url: t.url }] : []), ...t.links],
    })),
  };
}

/** The talks of a local day and a room (its name, ignoring case), cancelled ones left out. */
export function selectTalks(programme: Programme, filter: { readonly day?: string; readonly room?: string }): ProgrammeTalk[] {
  const room = filter.room?.trim().toLowerCase();
  return programme.talks.filter(
    (t) => !t.cancelled && (!filter.day || dayInZone(t.start, programme.timeZone) === filter.day) && (!room || (t.room ?? '').toLowerCase() === room),
  );
}
