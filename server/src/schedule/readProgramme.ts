/**
 * A programme from its text, the format found from the content, not the file's name:
 * `BEGIN:VCALENDAR` iCalendar, `<` frab XML, `{` frab JSON (`schedule`) or Sessionize (`sessions`).
 */
// The ES module build: the UMD one (package.json main) loads its parts by a require esbuild cannot follow.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { ProgrammeError, inTimeOrder, type Programme, type ProgrammeFormat } from './programme';
import { looksLikeFrabJson, readFrabJson, type FrabRead } from './readFrabJson';
import { readFrabXml } from './readFrabXml';
import { readICalendar } from './readICalendar';
import { looksLikeSessionize, readSessionize } from './readSessionize';
import { isTimeZone } from './timeZones';

export const FORMATS_READ = 'frab/c3voc/pretalx schedule JSON, frab/pentabarf schedule XML (FOSDEM), iCalendar (pretalx, Sessionize, any calendar), Sessionize view/All JSON';

export interface ReadOptions {
  /** The zone for times the programme gives without one (an IANA name); also the zone shown when the programme names none. */
  readonly timeZone?: string;
}

/** The programme, or why not as plain data: what crosses to the CLI, which loads this module apart (lazyProgramme.ts). */
export function readProgrammeOrWhy(raw: string, options: ReadOptions = {}): { readonly programme: Programme } | { readonly error: string; readonly where: string | null } {
  try {
    return { programme: readProgramme(raw, options) };
  } catch (e) {
    if (e instanceof ProgrammeError) return { error: e.message, where: e.where };
    throw e;
  }
}

export function readProgramme(raw: string, options: ReadOptions = {}): Programme {
  const zone = options.timeZone ?? null;
  if (zone !== null && !isTimeZone(zone)) throw new ProgrammeError(`unknown time zone ${JSON.stringify(zone)} (an IANA name such as Pacific/Auckland)`);
  const source = raw.replace(/^\uFEFF/, '');
  const start = source.trimStart();
  let format: ProgrammeFormat;
  let read: () => FrabRead;
  if (/^BEGIN:VCALENDAR/i.test(start)) {
    format = 'icalendar';
    read = () => readICalendar(source, zone);
  } else if (start.startsWith('<')) {
    format = 'frab-xml';
    read = () => readFrabXml(source, zone);
  } else if (start.startsWith('{')) {
    const value = parseJson(source);
    if (looksLikeFrabJson(value)) {
      format = 'frab-json';
      read = () => readFrabJson(value, zone);
    } else if (looksLikeSessionize(value)) {
      format = 'sessionize';
      read = () => readSessionize(value, zone);
    } else throw new ProgrammeError(`JSON, but no programme of a format read here (${FORMATS_READ})`);
  } else throw new ProgrammeError(`no programme of a format read here (${FORMATS_READ})`, '1:1');
  const found = readSaying(format, read);
  const timeZone = found.timeZone ?? zone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw new ProgrammeError(`the programme's time zone ${JSON.stringify(timeZone)} is unknown: give one with --time-zone`);
  return { format, event: found.event, timeZone, timeZoneAssumed: !found.timeZone && !zone, talks: inTimeOrder(found.talks) };
}

const NAMES: Record<ProgrammeFormat, string> = { 'frab-json': 'frab JSON', 'frab-xml': 'frab XML', icalendar: 'iCalendar', sessionize: 'Sessionize JSON' };

/**
 * A reader's run. The readers turn what their parsing libraries throw into ProgrammeErrors
 * themselves, around those calls only; anything else thrown is a mistake of ours and is not dressed
 * up as a reason about the input (the hostile-input test sees it) — except Intl's RangeError for a
 * zone, said as the input's.
 */
function readSaying(format: ProgrammeFormat, read: () => FrabRead): FrabRead {
  try {
    return read();
  } catch (e) {
    if (e instanceof RangeError && /time ?zone/i.test(e.message)) throw new ProgrammeError(`not readable as ${NAMES[format]}: ${e.message}`);
    throw e;
  }
}

/** Strict JSON, its first error placed at a line and column (JSON.parse names no position on Node 20). */
function parseJson(source: string): unknown {
  const errors: ParseError[] = [];
  parseTree(source, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length === 0) return JSON.parse(source);
  const { error, offset } = errors[0];
  const before = source.slice(0, offset).split('\n');
  throw new ProgrammeError(`not valid JSON: ${printParseErrorCode(error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`, `${before.length}:${before[before.length - 1].length + 1}`);
}
