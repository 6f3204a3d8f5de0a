#!/usr/bin/env node
/** `confnotes`: outline and check notes files from the command line (contracts in README.md). */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { parseNotes } from '../parser/parseNotes';
import { defaultSettings, linkOptions } from '../settings';
import { summarize } from '../workspace/fileSummary';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { findings, formatFinding, placedReferences, referenceFindings, type Finding, type PlacedReference } from './check';
import { outline, outlineTree, type Outline } from './outline';
import { expandPaths, readNotesFile } from './readNotes';

const USAGE = `usage:
  confnotes outline [--json] FILE…     days → sessions → talks of each file
  confnotes check [--json] [--ignore GLOB]… [--root FOLDER]… PATH…
                                       flag malformed and incomplete links, and [[references]]
                                       that name no talk or several among the files checked
                                       (and the notes under each --root, read but not reported)
exit codes: 0 clean, 1 something flagged (check), 2 usage or read error`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return print('confnotes 0.1.0'), 0;
  if (command === '--help' || command === '-h' || command === 'help') return print(USAGE), 0;
  const json = rest.includes('--json');
  const ignore: string[] = [];
  const roots: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') continue;
    if (arg === '--ignore' && command === 'check' && i + 1 < rest.length) ignore.push(rest[++i]);
    else if (arg === '--root' && command === 'check' && i + 1 < rest.length) roots.push(rest[++i]);
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
  const files = expandPaths(paths);
  if (files.length === 0) failed(paths.join(' '), 'no notes files (*.notes, *.confnotes) found');
  // One pass over the files: link problems at once; references once every file is in the index.
  const index = new WorkspaceIndex();
  const uriOf = (file: string) => pathToFileURL(path.resolve(file)).href;
  for (const entry of expandPaths(roots)) {
    const read = 'error' in entry ? entry : readNotesFile(entry.file);
    if ('error' in read) failed(read.file, read.error);
    else index.setFromDisk(summarize(uriOf(read.file), parseNotes(read.text, { links: false })));
  }
  const checked: Array<{ links: Finding[]; references: PlacedReference[] }> = [];
  for (const entry of files) {
    const read = 'error' in entry ? entry : readNotesFile(entry.file);
    if ('error' in read) {
      failed(read.file, read.error);
      continue;
    }
    const doc = parseNotes(read.text);
    index.setFromDisk(summarize(uriOf(read.file), doc));
    checked.push({ links: findings(read.file, doc, options), references: placedReferences(read.file, doc) });
  }
  const all = checked.flatMap((c) => [...c.links, ...referenceFindings(c.references, index, options.severity)].sort((a, b) => a.line - b.line || a.column - b.column));
  if (json) print(JSON.stringify(all, null, 2));
  else for (const f of all) print(formatFinding(f));
  if (!json && process.stderr.isTTY) process.stderr.write(`${all.length} problem${all.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
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
