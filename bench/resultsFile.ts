/**
 * bench/RESULTS.md holds one section per benchmark (documents, workspace, links), each between
 * markers, so that each `npm run bench:*` rewrites its own section and keeps the others.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const TITLE = '# Benchmark results\n\nEach section is written by its own command; the date and machine are in each.\n';

export function writeSection(file: string, name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : TITLE;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
