import { readFileSync } from 'node:fs';
import { TextDocument, type Range } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { parseNotes } from '../server/src/parser/parseNotes';
import type { NotesDocument, Span } from '../server/src/parser/model';

export const ROOT = path.resolve(__dirname, '..');
export const SAMPLE_PATH = path.join(ROOT, 'test/fixtures/lca2016.notes');
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** Text with a `$0` cursor marker → the text without it and the marker's offset. */
export function withCursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('$0');
  if (offset < 0) throw new Error('no $0 cursor in test text');
  return { text: text.slice(0, offset) + text.slice(offset + 2), offset };
}

export function parse(...lines: string[]): NotesDocument {
  return parseNotes(joinLines(...lines));
}

export function textOf(doc: NotesDocument, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** 1-based line of an offset, as a person reads the file. */
export function lineOf(doc: NotesDocument, offset: number): number {
  return doc.lines.lineAt(offset) + 1;
}

/**
 * How much longer `run` takes on 4× the input: about 4 when linear, about 16 when quadratic.
 * The fastest of seven runs each, after a warm-up (other work on the machine only ever adds
 * time); a ratio, not a wall-clock threshold.
 */
export function growthFactor(make: (n: number) => string, run: (input: string) => unknown, n = 10000): number {
  const fastest = (input: string) => {
    let best = Infinity;
    for (let i = 0; i < 7; i++) {
      const t = process.hrtime.bigint();
      run(input);
      best = Math.min(best, Number(process.hrtime.bigint() - t));
    }
    return best;
  };
  const small = make(n);
  const large = make(4 * n);
  run(small);
  // A collection or another process in one of the runs of the small input doubles the ratio now
  // and then (2–11 measured on linear code under load): a high one is measured again, and the
  // lowest kept. Quadratic code stays about 16 however often it is measured.
  let factor = fastest(large) / fastest(small);
  for (let again = 0; again < 3 && factor >= 6; again++) factor = Math.min(factor, fastest(large) / fastest(small));
  return factor;
}

/**
 * The text after one LSP change, spliced into the whole string: the oracle for incremental
 * edits. A fresh TextDocument per change, because TextDocument.update itself miscounts lines
 * after a range past the end (it does not clamp it); only its offsetAt is trusted.
 */
export function referenceEdit(text: string, range: Range, insert: string): string {
  const reference = TextDocument.create('file:///reference.notes', 'confnotes', 1, text);
  const [a, b] = [reference.offsetAt(range.start), reference.offsetAt(range.end)].sort((x, y) => x - y);
  return text.slice(0, a) + insert + text.slice(b);
}
