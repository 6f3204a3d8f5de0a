/**
 * Full analysis in process, on one file: what the server computes for a version — parse,
 * outline, folding, links, link diagnostics — when the file is opened (nothing cached) and
 * after a one-character edit (the line facts of the previous version reused, as the server does).
 * usage: node --import tsx bench/inProcess.ts FILE RUNS   → one JSON line
 */
import { readFileSync } from 'node:fs';
import { documentLinks } from '../server/src/features/documentLinks';
import { documentSymbols } from '../server/src/features/documentSymbols';
import { foldingRanges } from '../server/src/features/foldingRanges';
import { linkDiagnostics } from '../server/src/features/diagnostics/linkDiagnostics';
import { LineFactsCache } from '../server/src/parser/lineFactsCache';
import type { NotesDocument } from '../server/src/parser/model';
import { formatting } from '../server/src/features/formatting';
import { parseNotes } from '../server/src/parser/parseNotes';
import { applyEdit, splitLines } from '../server/src/parser/textLines';
import { defaultSettings, linkOptions } from '../server/src/settings';
import { median } from './stats';

const options = linkOptions(defaultSettings);

function features(model: NotesDocument) {
  return {
    symbols: documentSymbols(model).length,
    foldingRanges: foldingRanges(model, { rangeLimit: 5000 }).length,
    links: documentLinks(model).length,
    diagnostics: linkDiagnostics(model, options).length,
  };
}

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const text = readFileSync(file, 'utf8');
const now = () => performance.now();

// Opening the file: split, parse and every feature, nothing cached.
const open: number[] = [];
let counts = features(parseNotes(text));
for (let i = 0; i < runs; i++) {
  const t = now();
  counts = features(parseNotes(splitLines(text)));
  open.push(now() - t);
}

// After an edit: one character typed at the end of a line spread through the file.
const cache = new LineFactsCache();
let lines = splitLines(text);
parseNotes(lines, { cache });
const edit: number[] = [];
const parse: number[] = [];
const rest: number[] = [];
const total: number[] = [];
for (let i = 0; i < Math.max(runs, 20); i++) {
  const line = Math.floor(((i + 0.5) / Math.max(runs, 20)) * lines.lines.length);
  const at = { line, character: lines.lines[line].length };
  const t0 = now();
  lines = applyEdit(lines, at, at, 'x');
  const t1 = now();
  const model = parseNotes(lines, { cache });
  const t2 = now();
  features(model);
  const t3 = now();
  edit.push(t1 - t0);
  parse.push(t2 - t1);
  rest.push(t3 - t2);
  total.push(t3 - t0);
}

// Format Document on the edited text (its model is the last one parsed above).
const format: number[] = [];
const formatted = parseNotes(lines, { cache });
for (let i = 0; i < Math.max(runs, 9); i++) {
  const t = now();
  formatting(formatted);
  format.push(now() - t);
}

console.log(
  JSON.stringify({
    formatMs: median(format),
    bytes: Buffer.byteLength(text),
    lines: lines.lines.length,
    ...counts,
    openMs: median(open),
    afterEditMs: median(total),
    afterEditSplitMs: { edit: median(edit), parse: median(parse), features: median(rest) },
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
