#!/usr/bin/env node
/** `confnotes`: outline and check notes files from the command line (contracts in README.md). */
import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { LinkCache } from '../linkCheck/linkCache';
import { checkLinks } from '../linkCheck/lazyChecker';
import { defaultCacheFolder } from '../onlineChecks';
import { parseNotes } from '../parser/parseNotes';
import { formatting } from '../features/formatting';
import type { FormatOptions } from '../parser/parseNotes';
import { linkOptions, readFormat, readLayout, readSettings } from '../settings';
import type { Verdict } from '../linkCheck/outcomes';
import { summarize } from '../workspace/fileSummary';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { findings, formatFinding, onlineFindings, placedLinks, placedReferences, referenceFindings, type Finding, type PlacedLink, type PlacedReference } from './check';
import { outline, outlineTree, type Outline } from './outline';
import { exportFiles } from './export';
import { formatSearchRows, searchFiles } from './search';
import { applyEdits, describeError, expandPaths, readNotesFile, writeNotesFile } from './readNotes';

const USAGE = `usage:
  confnotes outline [--json] FILE…     days → sessions → talks → sections of each file
  confnotes format [--write | --check] [--bullet-marker auto|•|-|*] [--indent auto|N]
                   [--max-blank-lines N] FILE…
                                       bullets in the file's own style, no trailing white space,
                                       at most N (2) blank lines in a row, a final line break:
                                       one file to stdout; --write rewrites; --check lists the
                                       files that would change (exit 1)
  confnotes check [--json] [--ignore GLOB]… [--root FOLDER]… PATH…
                                       flag malformed and incomplete links, and [[references]]
                                       that name no talk or several among the files checked
                                       (and the notes under each --root, read but not reported)
    --online                           also ask every link's site whether the page is there
      --accept STATUS…  --exclude GLOB…  --timeout SECONDS (10)
      --cache-dir FOLDER (~/.cache/confnotes)  --no-cache  --check-private-addresses
      --no-suggest-https
  confnotes export --to markdown|html [--out FOLDER] [--title TEXT] [--heading-level N]
                   [--no-day-headings] [--toc] [--fragment] FILE…
                                       notes as a blog post: one file to stdout, or each file to
                                       FOLDER as NAME.md / NAME.html; links that cannot be opened
                                       are exported as text and named on stderr
  confnotes search [--json] [--limit N] [--root FOLDER]… QUERY…
                                       the talks where the words were written, best first, one
                                       line per matching line (the notes under each --root,
                                       default the current folder); QUERY: words (prefixes and
                                       misspellings match), "a phrase", speaker:NAME, event:NAME,
                                       day:NAME, in:title
  for every command: how talk lines are read (docs/FORMAT.md)
    --speaker-position auto|end|start  where the speaker stands on a talk line (auto: learnt per file)
    --talk LINE…  --section LINE…      lines that are always a talk, or a section of the talk above
exit codes: 0 clean, 1 a warning or error flagged (check), a file to format (format --check)
            or nothing found (search), 2 usage or read error`;

/** Options that take a value (and may be given again), and flags, by command. */
const FORMAT_OPTIONS = ['--speaker-position', '--talk', '--section'];
const WITH_VALUE: Record<string, readonly string[]> = {
  outline: FORMAT_OPTIONS,
  check: ['--ignore', '--root', '--accept', '--exclude', '--timeout', '--cache-dir', ...FORMAT_OPTIONS],
  format: ['--bullet-marker', '--indent', '--max-blank-lines', ...FORMAT_OPTIONS],
  search: ['--root', '--limit', ...FORMAT_OPTIONS],
  export: ['--to', '--out', '--title', '--heading-level', ...FORMAT_OPTIONS],
};
const FLAGS: Record<string, readonly string[]> = {
  outline: ['--json'],
  check: ['--json', '--online', '--no-cache', '--check-private-addresses', '--no-suggest-https'],
  format: ['--write', '--check'],
  search: ['--json'],
  export: ['--no-day-headings', '--toc', '--fragment'],
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return print('confnotes 0.1.0'), 0;
  if (command === '--help' || command === '-h' || command === 'help') return print(USAGE), 0;
  if (command in FLAGS && rest.some((a) => a === '--help' || a === '-h')) return print(usageOf(command)), 0;
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    // After `--`, everything is a path (or a query word that starts with a dash).
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (WITH_VALUE[command]?.includes(arg) && i + 1 < rest.length) values.set(arg, [...(values.get(arg) ?? []), rest[++i]]);
    else if (FLAGS[command]?.includes(arg)) flags.add(arg);
    else if (arg.startsWith('-') && arg !== '-') return usageError(`unknown option '${arg}'`);
    else paths.push(arg);
  }
  if (!(command in FLAGS)) return usageError(command ? `unknown command '${command}'` : 'no command given');
  if (paths.length === 0) return usageError(`'${command}' needs ${command === 'search' ? 'a query' : `at least one ${command === 'check' ? 'file or folder' : 'file'}`}`);
  const json = flags.has('--json');
  const position = values.get('--speaker-position')?.at(-1) ?? 'auto';
  if (!['auto', 'end', 'start'].includes(position)) return usageError(`--speaker-position takes auto, end or start, not '${position}'`);
  const format = readFormat({ speakerPosition: position, talks: values.get('--talk') ?? [], sections: values.get('--section') ?? [] });

  let readErrors = 0;
  const failed = (file: string, error: string) => {
    readErrors++;
    process.stderr.write(`confnotes: ${file}: ${error}\n`);
  };
  if (command === 'export') return exportCommand(paths, values, flags, format, failed, () => readErrors);
  if (command === 'search') return searchCommand(paths.join(' '), values, json, format, failed);
  if (command === 'format') return formatFiles(paths, values, flags, format, failed, () => readErrors);
  if (command === 'outline') {
    const outlines: Outline[] = [];
    for (const file of paths) {
      const read = readNotesFile(file);
      if ('error' in read) failed(file, read.error);
      else outlines.push(outline(file, parseNotes(read.text, { format })));
    }
    if (json) print(JSON.stringify(paths.length === 1 ? outlines[0] ?? null : outlines, null, 2));
    else if (outlines.length > 0) print(outlines.map(outlineTree).join('\n\n'));
    return readErrors > 0 ? 2 : 0;
  }

  const online = flags.has('--online');
  const accept = (values.get('--accept') ?? []).map(Number);
  const timeout = values.has('--timeout') ? Number(values.get('--timeout')!.at(-1)) : 10;
  if (accept.some((s) => !Number.isInteger(s) || s < 100 || s > 999)) return usageError('--accept takes an HTTP status, e.g. --accept 403');
  if (!(timeout >= 1 && timeout <= 300)) return usageError('--timeout takes seconds, from 1 to 300');
  const settings = readSettings({
    links: {
      ignore: values.get('--ignore') ?? [],
      acceptStatus: accept,
      exclude: values.get('--exclude') ?? [],
      timeout,
      checkPrivateAddresses: flags.has('--check-private-addresses'),
      suggestHttps: !flags.has('--no-suggest-https'),
    },
  });
  const options = linkOptions(settings);
  const files = expandPaths(paths);
  if (files.length === 0) failed(paths.join(' '), 'no notes files (*.notes, *.confnotes) found');
  // One pass over the files: link problems at once; references once every file is in the index.
  const index = new WorkspaceIndex();
  const uriOf = (file: string) => pathToFileURL(path.resolve(file)).href;
  for (const entry of expandPaths(values.get('--root') ?? [])) {
    const read = 'error' in entry ? entry : readNotesFile(entry.file);
    if ('error' in read) failed(read.file, read.error);
    else index.setFromDisk(summarize(uriOf(read.file), parseNotes(read.text, { links: false, format })));
  }
  const checked: Array<{ links: Finding[]; references: PlacedReference[]; online: PlacedLink[] }> = [];
  for (const entry of files) {
    const read = 'error' in entry ? entry : readNotesFile(entry.file);
    if ('error' in read) {
      failed(read.file, read.error);
      continue;
    }
    const doc = parseNotes(read.text, { format });
    index.setFromDisk(summarize(uriOf(read.file), doc));
    checked.push({ links: findings(read.file, doc, options), references: placedReferences(read.file, doc), online: online ? placedLinks(read.file, doc, options) : [] });
  }

  let verdicts = new Map<string, Verdict>();
  if (online) {
    const cache = new LinkCache(flags.has('--no-cache') ? null : (values.get('--cache-dir')?.at(-1) ?? defaultCacheFolder()));
    const urls = checked.flatMap((c) => c.online.map((l) => l.url));
    const tell = process.stderr.isTTY && !json ? (done: number, total: number) => process.stderr.write(`\rchecking links online: ${done} of ${total}`) : undefined;
    const run = await checkLinks(urls, settings.online, cache, tell);
    if (tell) process.stderr.write('\n');
    const problem = cache.save();
    if (problem) process.stderr.write(`confnotes: ${problem}\n`);
    verdicts = run.verdicts;
  }
  const all = checked.flatMap((c) =>
    [...c.links, ...referenceFindings(c.references, index, options.severity), ...onlineFindings(c.online, verdicts, options.severity)].sort((a, b) => a.line - b.line || a.column - b.column),
  );
  if (json) print(JSON.stringify(all, null, 2));
  else for (const f of all) print(formatFinding(f));
  if (!json && process.stderr.isTTY) process.stderr.write(`${all.length} problem${all.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  // Information (a moved page, an unverifiable one) is told, not failed on.
  const failing = all.some((f) => f.severity === 'warning' || f.severity === 'error');
  return readErrors > 0 ? 2 : failing ? 1 : 0;
}

/** One command's part of the usage, and the options every command takes. */
function usageOf(command: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  confnotes ${command} `));
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith('  confnotes ') && !lines[end].startsWith('  for every command')) end++;
  const common = lines.slice(lines.findIndex((l) => l.startsWith('  for every command')));
  return ['usage:', ...lines.slice(start, end), ...common].join('\n');
}

/** `confnotes export`: one file to stdout, or every file into `--out`. */
function exportCommand(paths: string[], values: Map<string, string[]>, flags: Set<string>, format: FormatOptions, failed: (file: string, error: string) => void, readErrors: () => number): number {
  const to = values.get('--to')?.at(-1);
  if (to !== 'markdown' && to !== 'html') return usageError(to === undefined ? 'export needs --to markdown or --to html' : `--to takes markdown or html, not '${to}'`);
  const out = values.get('--out')?.at(-1);
  if (out === undefined && paths.length > 1) return usageError('several files need --out FOLDER');
  const level = values.get('--heading-level')?.at(-1);
  if (level !== undefined && !/^[1-6]$/.test(level)) return usageError(`--heading-level takes 1 to 6, not '${level}'`);
  if (flags.has('--fragment') && to !== 'html') return usageError('--fragment is for --to html');
  const texts = new Map<string, string>();
  for (const file of paths) {
    const read = readNotesFile(file);
    if ('error' in read) failed(file, read.error);
    else texts.set(file, read.text);
  }
  const exported = exportFiles(texts, {
    to,
    title: values.get('--title')?.at(-1),
    headingLevel: level === undefined ? undefined : Number(level),
    dayHeadings: flags.has('--no-day-headings') ? false : undefined,
    tableOfContents: flags.has('--toc'),
    fragment: flags.has('--fragment'),
  }, format);
  if (out !== undefined) {
    try {
      mkdirSync(out, { recursive: true });
    } catch (e) {
      failed(out, describeError(e));
      return 2;
    }
  }
  for (const e of exported) {
    for (const notice of e.notices) process.stderr.write(`confnotes: ${notice}\n`);
    if (out === undefined) process.stdout.write(e.text);
    else {
      const problem = writeNotesFile(path.join(out, e.name), e.text);
      if (problem) failed(path.join(out, e.name), problem);
    }
  }
  return readErrors() > 0 ? 2 : 0;
}

/** `confnotes search`: exit 0 with hits, 1 with none, 2 when a file could not be read. */
async function searchCommand(query: string, values: Map<string, string[]>, json: boolean, format: FormatOptions, failed: (file: string, error: string) => void): Promise<number> {
  const limit = values.has('--limit') ? Number(values.get('--limit')!.at(-1)) : 50;
  if (!Number.isInteger(limit) || limit < 1) return usageError('--limit takes a number of talks, 1 or more');
  const texts = new Map<string, string>();
  let readErrors = 0;
  for (const entry of expandPaths(values.get('--root') ?? ['.'])) {
    const read = 'error' in entry ? entry : readNotesFile(entry.file);
    if ('error' in read) {
      readErrors++;
      failed(read.file, read.error);
    } else texts.set(read.file, read.text);
  }
  const { rows, answer, fileOf, columnOf } = await searchFiles(texts, query, format, limit);
  for (const problem of answer.problems) process.stderr.write(`confnotes: ${problem}\n`);
  if (json) print(JSON.stringify(rows, null, 2));
  else {
    const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (word: string) => `\x1b[1m${word}\x1b[22m` : undefined;
    for (const line of formatSearchRows(answer, fileOf, columnOf, bold)) print(line);
  }
  return readErrors > 0 ? 2 : rows.length > 0 ? 0 : 1;
}

/**
 * `confnotes format`: one file's formatted text on stdout; `--write` rewrites the files that
 * change; `--check` lists them and exits 1 (0 when none), as Prettier does.
 */
function formatFiles(paths: string[], values: Map<string, string[]>, flags: Set<string>, format: FormatOptions, failed: (file: string, error: string) => void, readErrors: () => number): number {
  const write = flags.has('--write');
  const check = flags.has('--check');
  if (write && check) return usageError('--write and --check do not go together');
  if (!write && !check && paths.length > 1) return usageError('several files need --write or --check');
  const marker = values.get('--bullet-marker')?.at(-1);
  const indent = values.get('--indent')?.at(-1);
  const blank = values.get('--max-blank-lines')?.at(-1);
  if (marker !== undefined && !['auto', '•', '-', '*'].includes(marker)) return usageError(`--bullet-marker takes auto, •, - or *, not '${marker}'`);
  if (indent !== undefined && indent !== 'auto' && !/^[1-8]$/.test(indent)) return usageError(`--indent takes auto or a number of spaces from 1 to 8, not '${indent}'`);
  if (blank !== undefined && !/^\d+$/.test(blank)) return usageError(`--max-blank-lines takes a number, not '${blank}'`);
  const layout = readLayout({ bulletMarker: marker, indent: indent === undefined || indent === 'auto' ? 'auto' : Number(indent), maxBlankLines: blank === undefined ? undefined : Number(blank) });
  let changed = 0;
  for (const file of paths) {
    const read = readNotesFile(file);
    if ('error' in read) {
      failed(file, read.error);
      continue;
    }
    // The BOM is kept: parsed and formatted with the text, as the editor has it.
    const source = read.bom ? '\ufeff' + read.text : read.text;
    const doc = parseNotes(source, { format, links: false });
    const text = applyEdits(doc, formatting(doc, layout));
    if (!write && !check) process.stdout.write(text);
    else if (text !== source) {
      changed++;
      if (check) print(file);
      else {
        const problem = writeNotesFile(file, text);
        if (problem) failed(file, problem);
      }
    }
  }
  if (readErrors() > 0) return 2;
  return check && changed > 0 ? 1 : 0;
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}

function usageError(message: string): number {
  process.stderr.write(`confnotes: ${message}\n${USAGE}\n`);
  return 2;
}

// A reader that stops early (`confnotes outline … | head`) closes the pipe: that ends the output, it is no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`confnotes: ${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
