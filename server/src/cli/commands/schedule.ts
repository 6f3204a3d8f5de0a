import { readFileSync } from 'node:fs';
import { lastValue, UsageError, type Command } from '../command';
import { readProgrammeOrWhy } from '../../schedule/lazyProgramme';
import { programmeJson, selectTalks } from '../../schedule/programmeJson';
import { notesSkeleton, talkLine, whenAndWhere } from '../../schedule/skeleton';

/**
 * `confnotes schedule show|notes SCHEDULE`: a conference's programme (docs/SCHEDULES.md) — its
 * talks, or the notes a day starts from. Exit 0; 1 when no talk is left after --day/--room; 2 on
 * a programme that cannot be read (`file:line:col` or the field, and the formats read).
 */
export const scheduleCommand: Command = {
  name: 'schedule',
  usage: `  confnotes schedule show SCHEDULE [--day YYYY-MM-DD] [--room NAME] [--time-zone ZONE] [--json]
                                       a programme's talks in time order (SCHEDULE: a file or -;
                                       frab/pretalx JSON or XML, FOSDEM's XML, iCalendar,
                                       Sessionize view/All), times in the programme's zone
  confnotes schedule notes SCHEDULE [--day …] [--room …] [--time-zone …] [--event NAME]
                                       the notes skeleton: a session header per slot, a
                                       "Title by Speaker" line per talk`,
  options: { day: { type: 'string' }, room: { type: 'string' }, 'time-zone': { type: 'string' }, json: { type: 'boolean' }, event: { type: 'string' } },
  needs: 'show or notes, and a programme file (or -)',
  async run({ values, positionals }, out) {
    const [action, file, ...extra] = positionals;
    if (action !== 'show' && action !== 'notes') throw new UsageError(action ? `unknown schedule action '${action}' (show or notes)` : 'schedule needs show or notes');
    if (!file || extra.length > 0) throw new UsageError('schedule takes one programme file (or - for standard input)');
    const day = lastValue(values, 'day');
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError('--day takes a date, YYYY-MM-DD');
    let raw: string;
    try {
      raw = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (e) {
      out.failed(file, (e as Error).message);
      return 2;
    }
    const read = await readProgrammeOrWhy(raw, { timeZone: lastValue(values, 'time-zone') });
    if ('error' in read) {
      const name = file === '-' ? '<stdin>' : file;
      out.failed(read.where ? `${name}:${read.where}` : name, read.error);
      return 2;
    }
    const { programme } = read;
    const talks = selectTalks(programme, { day, room: lastValue(values, 'room') });
    if (action === 'notes') {
      if (talks.length > 0) process.stdout.write(notesSkeleton(programme, talks, { event: lastValue(values, 'event') }));
    } else if (values.json) out.print(JSON.stringify(programmeJson(programme, talks), null, 2));
    else for (const talk of talks) out.print(`${whenAndWhere(talk, programme.timeZone)}  ${talkLine(talk)}`);
    if (talks.length === 0) out.notice(`no talk in ${file}${day ? ` on ${day}` : ''}${lastValue(values, 'room') ? ` in ${lastValue(values, 'room')}` : ''}`);
    return talks.length > 0 ? 0 : 1;
  },
};
