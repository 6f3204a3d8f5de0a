/**
 * `npm run score:real [FOLDER…]`: how confnotes reads real notes by other writers. Each FOLDER
 * (by default ../shared/real-notes beside the repository) holds `*.notes` and `expected/NAME.json`
 * with the talks a careful reader sees (title, speaker, 1-based line). Prints every miss and the
 * precision and recall of talks; a talk is right when its title, speaker and line all match
 * (titles compared without enclosing quotes and a trailing colon). Exits 0 whatever the score:
 * a measure, not a test (files are added to those folders from outside).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseNotes } from '../server/src/parser/parseNotes';
import { describeCounts, labelledTalkKey, type Counts } from '../test/realworld/labels';

interface Labelled {
  readonly talks: ReadonlyArray<{ readonly title: string; readonly speaker: string | null; readonly line: number }>;
}

// A reader that stops early (`| head`) ends the output, not the script with an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const folders = process.argv.slice(2);
if (folders.length === 0) folders.push(path.resolve(__dirname, '../../shared/real-notes'));

const totals: Counts = { found: 0, expected: 0, right: 0 };
const misses: string[] = [];
let files = 0;
for (const folder of folders) {
  if (!existsSync(folder)) {
    process.stderr.write(`score:real: no folder ${folder}\n`);
    process.exit(2);
  }
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.notes')).sort()) {
    const labels = path.join(folder, 'expected', name.replace(/\.notes$/, '.json'));
    if (!existsSync(labels)) {
      process.stderr.write(`score:real: ${name} has no expected/${path.basename(labels)}; left out\n`);
      continue;
    }
    files++;
    const expected = (JSON.parse(readFileSync(labels, 'utf8')) as Labelled).talks;
    const doc = parseNotes(readFileSync(path.join(folder, name), 'utf8'));
    const found = doc.talks.map((t) => ({ title: t.title, speaker: t.speaker, line: doc.lines.lineAt(t.lineSpan.start) + 1 }));
    const want = new Set(expected.map(labelledTalkKey));
    const got = new Set(found.map(labelledTalkKey));
    totals.expected += want.size;
    totals.found += got.size;
    for (const k of got) if (want.has(k)) totals.right++;
    for (const t of found) if (!want.has(labelledTalkKey(t))) misses.push(`${name}:${t.line}: read   "${t.title}" · ${t.speaker ?? '—'}`);
    for (const t of expected) if (!got.has(labelledTalkKey(t))) misses.push(`${name}:${t.line}: missed "${t.title}" · ${t.speaker ?? '—'}`);
  }
}
console.log(misses.join('\n'));
console.log(describeCounts(`real notes (${files} files, ${totals.expected} talks)`, totals));
