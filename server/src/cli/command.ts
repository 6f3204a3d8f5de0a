/**
 * What a command is (its usage, its options, once each) and what every command shares: the
 * options of how talk lines are read and which files a folder's walk reads, and how it reports.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_NOTES_GLOBS } from '../io/notesFiles';
import type { FormatOptions } from '../parser/parseNotes';
import { readFormat } from '../settings';
import { expandPaths, readForCommand } from './notesPaths';

export interface NotesText {
  readonly file: string;
  readonly text: string;
  readonly bom: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = { readonly [name: string]: string | boolean | string[] | boolean[] | undefined };

export interface Command {
  readonly name: string;
  /** Its lines of the usage, the first `  confnotes NAME …`. */
  readonly usage: string;
  readonly options: Options;
  /** What it needs on the command line when nothing is given (`at least one file`). */
  readonly needs: string;
  run(args: CommandArgs, out: Reporter): Promise<number>;
}

export interface CommandArgs {
  readonly values: Values;
  readonly positionals: readonly string[];
  /** How talk lines are read. */
  readonly format: FormatOptions;
  /**
   * The notes files named, and found in the folders named (by `--files`), read; each that
   * cannot be read told to `out` (and counted), and — unless `noneIsAnError` is false (a search,
   * the folders of references) — that none was found when none was.
   */
  read(out: Reporter, paths?: readonly string[], options?: { readonly noneIsAnError?: boolean }): Promise<NotesText[]>;
}

/** Options every command takes. */
const COMMON_OPTIONS: Options = {
  'speaker-position': { type: 'string' },
  talk: { type: 'string', multiple: true },
  section: { type: 'string', multiple: true },
  files: { type: 'string', multiple: true },
};

export const COMMON_USAGE = `  for every command: how talk lines are read (docs/FORMAT.md), and which files a folder holds
    --speaker-position auto|end|start  where the speaker stands on a talk line (auto: learnt per file)
    --talk LINE…  --section LINE…      lines that are always a talk, or a section of the talk above
    --files GLOB…                      the files read in a folder (default ${DEFAULT_NOTES_GLOBS.join(' ')},
                                       as the editor's confnotes.files); hidden folders and
                                       node_modules are never read`;

/** Standard output, and errors on standard error, counted. */
export class Reporter {
  readErrors = 0;

  print(text: string): void {
    process.stdout.write(text + '\n');
  }

  failed(file: string, error: string): void {
    this.readErrors++;
    process.stderr.write(`confnotes: ${file}: ${error}\n`);
  }

  notice(message: string): void {
    process.stderr.write(`confnotes: ${message}\n`);
  }
}

/** A usage error: told with the usage, exit 2. */
export class UsageError extends Error {}

/** A command's arguments read by its options; a UsageError for anything else. */
export function readArgs(command: Command, argv: readonly string[]): CommandArgs {
  let parsed: { values: Values; positionals: string[] };
  try {
    const options = { ...command.options, ...COMMON_OPTIONS };
    parsed = parseArgs({ args: withValuesJoined(argv, options), options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    throw new UsageError(describeArgsError(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`'${command.name}' needs ${command.needs}`);
  const position = (values['speaker-position'] as string | undefined) ?? 'auto';
  if (!['auto', 'end', 'start'].includes(position)) throw new UsageError(`--speaker-position takes auto, end or start, not '${position}'`);
  const format = readFormat({ speakerPosition: position, talks: values.talk ?? [], sections: values.section ?? [] });
  const globs = (values.files as string[] | undefined) ?? DEFAULT_NOTES_GLOBS;
  return {
    values,
    positionals,
    format,
    read: async (out, paths = positionals, { noneIsAnError = true } = {}) => {
      const entries = await expandPaths(paths, globs);
      if (noneIsAnError && entries.length === 0 && paths.length > 0) out.failed(paths.join(' '), `no notes files (${globs.join(' ')}) found`);
      const texts: NotesText[] = [];
      for (const entry of entries) {
        const read = await readForCommand(entry);
        if ('error' in read) out.failed(read.file, read.error);
        else texts.push(read);
      }
      return texts;
    },
  };
}

/**
 * `--talk '- Lightning talks'`, `--limit -5`: the word after an option that takes a value is its
 * value, whatever it starts with (parseArgs would take a leading dash for another option).
 */
function withValuesJoined(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && i + 1 < argv.length) out.push(`${arg}=${argv[++i]}`);
    else out.push(arg);
  }
  return out;
}

/** node:util's parse errors in the CLI's words. */
function describeArgsError(e: unknown): string {
  const { code, message } = e as { code?: string; message: string };
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /argument missing|ambiguous/.test(message) ? `${option} needs a value` : `${option} takes no value`;
  return message;
}

/** The last value of an option given as text (`--limit 5 --limit 9` is 9), or undefined. */
export function lastValue(values: Values, name: string): string | undefined {
  const value = values[name];
  return Array.isArray(value) ? (value.at(-1) as string | undefined) : typeof value === 'string' ? value : undefined;
}

export const flag = (values: Values, name: string): boolean => values[name] === true;
