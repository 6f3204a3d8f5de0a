#!/usr/bin/env node
/** `confnotes`: outline and check notes files from the command line (contracts in README.md). */
import { parseNotes } from '../parser/parseNotes';
import { defaultSettings, linkOptions } from '../settings';
import { findings, formatFinding, type Finding } from './check';
import { outline, outlineTree, type Outline } from './outline';
import { expandPaths, readNotesFile } from './readNotes';

const USAGE = `usage:
  confnotes outline [--json] FILE…     days → sessions → talks of each file
  confnotes check [--json] [--ignore GLOB]… PATH…
                                       flag malformed and incomplete links in files and folders
exit codes: 0 clean, 1 something flagged (check), 2 usage or read error`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return print('confnotes 0.1.0'), 0;
  if (command === '--help' || command === '-h' || command === 'help') return print(USAGE), 0;
  const json = rest.includes('--json');
  const ignore: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') continue;
    if (arg === '--ignore' && command === 'check' && i + 1 < rest.length) ignore.push(rest[++i]);
    else if (arg.startsWith('-') && arg !== '-') return usageError(`unknown option '${arg}'`);
    else paths.push(arg);
  }
  if (command !== 'outline' && command !== 'check') return usageError(command ? `unknown command '${command}'` : 'no command given');
  if (paths.length === 0) return usageError(`'${command}' needs at least one ${command === 'check' ? 'file or folder' : 'file'}`);

  let readErrors = 0;
  const failed = (file: string, error: string) => {
    readErrors++;
    process.stderr.write(`confnotes: ${file}: ${error}\n`);
  };
  if (command === 'outline') {
    const outlines: Outline[] = [];
    for (const file of paths) {
      const read = readNotesFile(file);
      if ('error' in read) failed(file, read.error);
      else outlines.push(outline(file, parseNotes(read.text)));
    }
    if (json) print(JSON.stringify(paths.length === 1 ? outlines[0] ?? null : outlines, null, 2));
    else if (outlines.length > 0) print(outlines.map(outlineTree).join('\n\n'));
    return readErrors > 0 ? 2 : 0;
  }

  const options = linkOptions({ ...defaultSettings, ignorePatterns: ignore });
  const all: Finding[] = [];
  const files = expandPaths(paths);
  if (files.length === 0) failed(paths.join(' '), 'no notes files (*.notes, *.confnotes) found');
  for (const entry of files) {
    const read = 'error' in entry ? entry : readNotesFile(entry.file);
    if ('error' in read) failed(read.file, read.error);
    else for (const finding of findings(read.file, parseNotes(read.text), options)) all.push(finding);
  }
  if (json) print(JSON.stringify(all, null, 2));
  else for (const f of all) print(formatFinding(f));
  if (!json && process.stderr.isTTY) process.stderr.write(`${all.length} link problem${all.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return readErrors > 0 ? 2 : all.length > 0 ? 1 : 0;
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}

function usageError(message: string): number {
  process.stderr.write(`confnotes: ${message}\n${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
