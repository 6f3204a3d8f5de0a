import { readFileSync } from 'node:fs';
import { scheduleLinkInsertions, withInsertions } from '../../features/scheduleLinks';
import { parseNotes } from '../../parser/parseNotes';
import type { Programme } from '../../schedule/programme';
import { lastValue, UsageError, type Command, type CommandArgs, type Reporter } from '../command';
import { REWRITE_OPTIONS, rewriteEach, rewriteMode } from '../rewriteFiles';
import { readProgrammeOrWhy } from '../../schedule/lazyProgramme';
import { programmeJson, selectTalks } from '../../schedule/programmeJson';
import { notesSkeleton, talkLine, whenAndWhere } from '../../schedule/skeleton';

/**
 * `confnotes schedule show|notes|links SCHEDULE`: a conference's programme (docs/SCHEDULES.md) —
 * its talks, the notes a day starts from, or its links added under the talks of notes. Exit 0;
 * 1 when no talk is left after --day/--room (links: --check with links to add); 2 on a programme
 * that cannot be read (`file:line:col` or the field, and the formats read).
 */
export const scheduleCommand: Command = {
  name: 'schedule',
  usage: `  confnotes schedule show SCHEDULE [--day YYYY-MM-DD] [--room NAME] [--time-zone ZONE] [--json]
                                       a programme's talks in time order (SCHEDULE: a file or -;
                                       frab/pretalx JSON or XML, FOSDEM's XML, iCalendar,
                                       Sessionize view/All), times in the programme's zone
  confnotes schedule notes SCHEDULE [--day …] [--room …] [--time-zone …] [--event NAME]
                                       the notes skeleton: a session header per slot, a
                                       "Title by Speaker" line per talk
  confnotes schedule links SCHEDULE [--write | --check] [--time-zone …] PATH…
                                       under each talk of the notes that the programme has, a
                                       bullet of its page, slides and recording not yet there:
                                       one file to stdout; --write rewrites; --check lists the
                                       files that would change (exit 1)`,
  options: {
    day: { type: 'string' },
    room: { type: 'string' },
    'time-zone': { type: 'string' },
    json: { type: 'boolean' },
    event: { type: 'string' },
    ...REWRITE_OPTIONS,
  },
  needs: 'show, notes or links, and a programme file (or -)',
  async run(args, out) {
    const [action, file, ...paths] = args.positionals;
    if (action !== 'show' && action !== 'notes' && action !== 'links') throw new UsageError(action ? `unknown schedule action '${action}' (show, notes or links)` : 'schedule needs show, notes or links');
    if (!file) throw new UsageError('schedule needs a programme file (or - for standard input)');
    if (action === 'links' ? paths.length === 0 : paths.length > 0) throw new UsageError(action === 'links' ? 'schedule links needs the notes to add links to' : 'schedule takes one programme file (or - for standard input)');
    const programme = await readProgrammeArg(file, lastValue(args.values, 'time-zone'), out);
    if (!programme) return 2;
    return action === 'links' ? addLinks(programme, paths, args, out) : showOrNotes(action, programme, file, args.values, out);
  },
};

async function readProgrammeArg(file: string, timeZone: string | undefined, out: Reporter): Promise<Programme | null> {
  let raw: string;
  try {
    raw = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    out.failed(file, (e as Error).message);
    return null;
  }
  const read = await readProgrammeOrWhy(raw, { timeZone });
  if ('programme' in read) {
    if (read.programme.timeZoneAssumed) out.notice(`${file} names no time zone: its times are shown in UTC (give the event's with --time-zone)`);
    return read.programme;
  }
  const name = file === '-' ? '<stdin>' : file;
  out.failed(read.where ? `${name}:${read.where}` : name, read.error);
  return null;
}

function showOrNotes(action: 'show' | 'notes', programme: Programme, file: string, values: CommandArgs['values'], out: Reporter): number {
  const day = lastValue(values, 'day');
  const room = lastValue(values, 'room');
  if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError('--day takes a date, YYYY-MM-DD');
  const talks = selectTalks(programme, { day, room });
  if (action === 'notes') {
    if (talks.length > 0) process.stdout.write(notesSkeleton(programme, talks, { event: lastValue(values, 'event') }));
  } else if (values.json) out.print(JSON.stringify(programmeJson(programme, talks), null, 2));
  else for (const talk of talks) out.print(`${whenAndWhere(talk, programme.timeZone)}  ${talkLine(talk)}`);
  if (talks.length === 0) out.notice(`no talk in ${file}${day ? ` on ${day}` : ''}${room ? ` in ${room}` : ''}`);
  return talks.length > 0 ? 0 : 1;
}

/** `schedule links`: as `confnotes format` does — one file to stdout, `--write`, `--check` (exit 1 when links would be added). */
async function addLinks(programme: Programme, paths: readonly string[], { values, format, read }: CommandArgs, out: Reporter): Promise<number> {
  const mode = rewriteMode(values);
  const files = await read(out, paths);
  return rewriteEach(files, mode, (notes, source) => {
    const insertions = scheduleLinkInsertions(parseNotes(source, { format }), programme);
    const links = insertions.reduce((n, i) => n + i.links.length, 0);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const talks = plural(insertions.length, 'talk');
    return {
      text: withInsertions(source, insertions),
      changed: insertions.length > 0,
      checked: `${notes.file}: ${plural(links, 'link')} to add under ${talks}`,
      written: `${notes.file}: added ${plural(links, 'link')} under ${talks}`,
    };
  }, out);
}
