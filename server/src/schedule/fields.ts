/**
 * Reading the fields of a parsed programme (JSON, XML, iCalendar) with their path for the error
 * that names one: strings, lists, durations, links.
 */
import { linkKind, ProgrammeError, type ProgrammeLink } from './programme';
import { isTimeZone } from './timeZones';

export type Json = unknown;

export function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text field, trimmed; null when absent or empty. Numbers are read as text (ids). */
export function text(value: Json): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** A list (a single value read as a list of one: XML with one element); none when absent. */
export function list(value: Json): Json[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function required<T>(value: T | null | undefined, where: string, what: string): T {
  if (value === null || value === undefined) throw new ProgrammeError(`${what} is missing`, where);
  return value;
}

/**
 * `00:45`, `1:30` → milliseconds; three parts are `D:HH:MM` where the format writes days first
 * (pretalx JSON, for talks of a day or more) and `HH:MM:SS` where it writes seconds (pentabarf
 * XML); null when not a duration.
 */
export function durationMs(value: string | null, threeParts: 'days-first' | 'seconds-last'): number | null {
  if (value === null) return null;
  const parts = value.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const n = parts.map(Number);
  const [d, h, m, s] = parts.length === 2 ? [0, n[0], n[1], 0] : threeParts === 'days-first' ? [n[0], n[1], n[2], 0] : [0, n[0], n[1], n[2]];
  return (((d * 24 + h) * 60 + m) * 60 + s) * 1000;
}

/** An ISO 8601 date-time with its offset (`2019-12-27T11:00:00+01:00`, `…Z`) → milliseconds; null without an offset. */
export function instantWithOffset(value: string | null): number | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : null;
}

/** A title marked cancelled as programmes mark it (`CANCELLED Title`, upper case: "Cancelled trains" is a title), and the title without the mark. */
export function cancelledTitle(title: string): { readonly title: string; readonly cancelled: boolean } {
  const m = /^CANCELL?ED:?\s+(.+)$/.exec(title);
  return m ? { title: m[1], cancelled: true } : { title, cancelled: false };
}

/** A link's address against the programme's base (frab's attachments are relative); null when it cannot be one. */
export function resolved(url: string | null, base: string | null): string | null {
  if (!url || !base || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, base).toString();
  } catch {
    return null;
  }
}

/** The zone a programme names, when it is one the platform knows; else the one the user gave. */
export function zoneOrGiven(named: string | null, given: string | null): string | null {
  return named && isTimeZone(named) ? named : given;
}

/** Links with their kind; attachments count as slides unless their title or address says otherwise. */
export function linksOf(entries: ReadonlyArray<{ url: string | null; title: string | null }>, attachment: boolean): ProgrammeLink[] {
  return entries.flatMap(({ url, title }) => {
    if (!url || !/^https?:\/\//i.test(url)) return [];
    const kind = linkKind(url, title ?? '');
    return [{ kind: kind === 'other' && attachment ? 'slides' : kind, url }];
  });
}
