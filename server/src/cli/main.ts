#!/usr/bin/env node
/** `confnotes`: outline, format, check, export and search notes files, and read conference programmes, from the command line (contracts in README.md). */
import { VERSION } from '../version';
import { COMMON_USAGE, readArgs, Reporter, UsageError, type Command } from './command';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { formatCommand } from './commands/format';
import { outlineCommand } from './commands/outline';
import { scheduleCommand } from './commands/schedule';
import { searchCommand } from './commands/search';

const COMMANDS: readonly Command[] = [outlineCommand, formatCommand, checkCommand, exportCommand, searchCommand, scheduleCommand];

const EXIT_CODES = `exit codes: 0 clean, 1 a warning or error flagged (check), a file to format (format --check)
            or nothing found (search), 2 usage or read error`;

const USAGE = ['usage:', ...COMMANDS.map((c) => c.usage), COMMON_USAGE, EXIT_CODES].join('\n');

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') return print(`confnotes ${VERSION}`), 0;
  if (name === '--help' || name === '-h' || name === 'help') return print(USAGE), 0;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(name ? `unknown command '${name}'` : 'no command given');
  // Before `--`, a help option asks for the command's usage.
  const beforeDashes = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeDashes.some((a) => a === '--help' || a === '-h')) return print(['usage:', command.usage, COMMON_USAGE].join('\n')), 0;
  try {
    return await command.run(readArgs(command, rest), new Reporter());
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
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
