/**
 * The notes a day starts from, made from the programme: a session header per slot in the form
 * docs/FORMAT.md reads (`Event – Day – Session N`), a talk line per talk (`Title by Speaker`),
 * an empty bullet under it to write into (the file's marker, `•` by default), a blank line
 * between, so that the outline of the skeleton is exactly the programme's talks.
 */
import { dayInZone, timeInZone, weekdayOf } from './timeZones';
import type { Programme, ProgrammeTalk } from './programme';

export interface SkeletonOptions {
  /** The event's name in the headers (the programme's, or the one a file already uses). */
  readonly event?: string;
  /** The dash between a header's parts, as the file writes it. */
  readonly dash?: string;
  /** The bullet a talk's notes start with, indent and marker (`  •`). */
  readonly bullet?: string;
}

/** Speakers as one talk line names them: `Ann`, `Ann and Bo`, `Ann, Bo and Cy`. */
export function speakerList(speakers: readonly string[]): string {
  if (speakers.length <= 1) return speakers[0] ?? '';
  return `${speakers.slice(0, -1).join(', ')} and ${speakers[speakers.length - 1]}`;
}

export function talkLine(talk: ProgrammeTalk): string {
  const title = talk.title.replace(/\s+/g, ' ').trim();
  return talk.speakers.length > 0 ? `${title} by ${speakerList(talk.speakers)}` : title;
}

/** The skeleton of the talks given (one day's, say): headers by local day and slot, in time order. */
export function notesSkeleton(programme: Programme, talks: readonly ProgrammeTalk[], options: SkeletonOptions = {}): string {
  const named = (options.event ?? programme.event ?? 'Conference').replace(/\s+/g, ' ').trim();
  const dash = options.dash ?? '–';
  const bullet = options.bullet ?? '  •';
  const lines: string[] = [];
  let day = '';
  let event = named;
  let slot = -1;
  let session = 0;
  for (const talk of talks.filter((t) => !t.cancelled)) {
    const talkDay = dayInZone(talk.start, programme.timeZone);
    if (talkDay !== day) {
      day = talkDay;
      // A header is read as one by its event's year (docs/FORMAT.md): a name without one gets the day's.
      event = /\b(19|20)\d\d\b/.test(named) ? named : `${named} ${day.slice(0, 4)}`;
      session = 0;
      slot = -1;
    }
    if (talk.start !== slot) {
      slot = talk.start;
      session++;
      if (lines.length > 0) lines.push('');
      lines.push(`${event} ${dash} ${weekdayOf(day)} ${dash} Session ${session}`, '');
    } else {
      lines.push('');
    }
    lines.push(talkLine(talk), bullet);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A talk's time and room for the user (`09:30–10:15, Room A`). */
export function whenAndWhere(talk: ProgrammeTalk, zone: string): string {
  const when = `${dayInZone(talk.start, zone)} ${timeInZone(talk.start, zone)}–${timeInZone(talk.end, zone)}`;
  return talk.room ? `${when}, ${talk.room}` : when;
}
