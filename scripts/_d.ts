import { readFileSync } from 'node:fs';
import { parseNotes } from '../server/src/parser/parseNotes';
const doc = parseNotes(readFileSync(process.argv[2], 'utf8'));
for (const t of doc.talks) console.log(doc.lines.lineAt(t.lineSpan.start) + 1, JSON.stringify(t.title), '·', t.speaker, '—', t.reading, t.sections.map((s) => '› ' + s.title + ':' + (doc.lines.lineAt(s.headingSpan.start) + 1)).join(' '));
