/**
 * Times of a programme in its own zone, never the machine's: wall-clock times of a named zone
 * (IANA, `Pacific/Auckland`) to instants and back, through the platform's time zone data (Intl).
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(zone, format);
  }
  return format;
}

/** Is this a time zone the platform knows (`Europe/Brussels`, `UTC`)? */
export function isTimeZone(zone: string): boolean {
  try {
    formatIn(zone);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallTimeAt(epochMs: number, zone: string): WallTime {
  const parts = formatIn(zone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in milliseconds (+13 h in Auckland in summer). */
export function offsetAt(epochMs: number, zone: string): number {
  const w = wallTimeAt(epochMs, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a wall-clock time names in a zone (in a gap of a change to summer time: as if the clock had not yet changed). */
export function instantOf(date: string, time: string, zone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // Twice: the offset at the first guess may differ from the offset at the answer near a change of offset.
  const first = asUtc - offsetAt(asUtc, zone);
  return asUtc - offsetAt(first, zone);
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as ISO 8601 with the zone's offset then: `2019-11-04T09:00:00+13:00`. */
export function isoInZone(epochMs: number, zone: string): string {
  const w = wallTimeAt(epochMs, zone);
  const offset = Math.round(offsetAt(epochMs, zone) / 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The local day of an instant in a zone: `2019-11-04`. */
export function dayInZone(epochMs: number, zone: string): string {
  return isoInZone(epochMs, zone).slice(0, 10);
}

/** The local time of day, `09:30`. */
export function timeInZone(epochMs: number, zone: string): string {
  return isoInZone(epochMs, zone).slice(11, 16);
}

/** The weekday of a local day (`Monday`), whatever the machine's language. */
export function weekdayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}
