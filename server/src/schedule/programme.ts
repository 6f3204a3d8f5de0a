/**
 * A conference's programme as confnotes reads it from any of the formats it knows
 * (docs/SCHEDULES.md): its talks with their speakers, times (instants; the programme's zone for
 * showing them), rooms and links. Pure data, made by the readers of `readProgramme.ts`.
 */

export type ProgrammeFormat = 'frab-json' | 'frab-xml' | 'icalendar' | 'sessionize';

export type LinkKind = 'slides' | 'recording' | 'page' | 'other';

export interface ProgrammeLink {
  readonly kind: LinkKind;
  readonly url: string;
}

export interface ProgrammeTalk {
  /** The programme's own id of the talk (frab `guid`/`id`, iCalendar `UID`, Sessionize `id`), if any. */
  readonly id: string | null;
  readonly title: string;
  /** Speakers' names, as the programme spells them; none for a break or a talk without one. */
  readonly speakers: readonly string[];
  /** Milliseconds since the epoch. */
  readonly start: number;
  readonly end: number;
  readonly room: string | null;
  readonly track: string | null;
  /** The talk's page. */
  readonly url: string | null;
  /** Slides, recordings and other links (the page not among them). */
  readonly links: readonly ProgrammeLink[];
  readonly abstract: string | null;
  /** Cancelled, or a slot that is no talk (a break, a service session). */
  readonly cancelled: boolean;
}

export interface Programme {
  readonly format: ProgrammeFormat;
  readonly event: string | null;
  /** The zone its times are shown in: the programme's, the event's, or the one the user named. */
  readonly timeZone: string;
  /** Nothing named a zone (neither the programme nor the user): UTC, said to the user. */
  readonly timeZoneAssumed?: boolean;
  /** In time order, then by room. */
  readonly talks: readonly ProgrammeTalk[];
}

/** Why a programme could not be read: where (`file:line:col`'s line and column, or a field), and what. */
export class ProgrammeError extends Error {
  constructor(
    message: string,
    /** `line:col` or a field's path (`schedule.conference.days[0]`). */
    readonly where: string | null = null,
  ) {
    super(message);
  }
}

/** Talks in time order, then by room, then title: the one order every reader gives. */
export function inTimeOrder(talks: readonly ProgrammeTalk[]): ProgrammeTalk[] {
  return [...talks].sort((a, b) => a.start - b.start || (a.room ?? '').localeCompare(b.room ?? '') || a.title.localeCompare(b.title));
}

/** What a link is, from its title and address: slides, a recording, or something else. */
export function linkKind(url: string, title = ''): LinkKind {
  const text = `${title} ${url}`.toLowerCase();
  if (/\bsubtitles?\b|\.(vtt|srt)(\?|$)/.test(text)) return 'other';
  if (/\b(video|recording|recorded|stream|media)\b|\.(mp4|webm|mkv|ogv|mp3|opus)(\?|$)|media\.ccc\.de|youtube\.com|youtu\.be|vimeo\.com|video\.fosdem\.org/.test(text)) return 'recording';
  if (/\b(slides?|slide deck|presentation)\b|\.(pdf|pptx?|odp|key)(\?|$)|speakerdeck\.com|slideshare\.net/.test(text)) return 'slides';
  return 'other';
}
