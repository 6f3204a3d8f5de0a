import { readFileSync } from 'node:fs';
import { LineFactsCache } from '../server/src/parser/lineFacts';
import { parseNotes } from '../server/src/parser/parseNotes';
import { applyEdit, splitLines } from '../server/src/parser/textLines';
let lines = splitLines(readFileSync('bench/inputs/notes-10MB.notes', 'utf8'));
const cache = new LineFactsCache();
parseNotes(lines, { cache });
for (let i = 0; i < 10; i++) { const at = { line: 100 + i * 1000, character: lines.lines[100 + i * 1000].length }; lines = applyEdit(lines, at, at, 'x'); parseNotes(lines, { cache }); }
const t = performance.now();
for (let i = 0; i < 40; i++) { const at = { line: 100 + i * 1000, character: lines.lines[100 + i * 1000].length }; lines = applyEdit(lines, at, at, 'x'); parseNotes(lines, { cache }); }
console.log(((performance.now() - t) / 40).toFixed(2), 'ms a parse');
