/**
 * Wiki-style references between talks on one line: `[[Title]]`, `[[Title|shown text]]`,
 * `[[Event – Day – Session]]` and `[[file.notes#Title]]` (docs/FORMAT.md, "References").
 */
import type { Reference } from './model';

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const FILE_PART = /^\s*([^#]*?\.(?:notes|confnotes))\s*#/i;

/** The references of one line, spans relative to `base`. Linear: one pass over the characters. */
export function findReferences(line: string, base: number): Reference[] {
  if (!line.includes('[[')) return [];
  const found: Reference[] = [];
  let open = -1;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === OPEN) {
      // A lone bracket inside would make the reference ambiguous to read: none is started.
      if (line.charCodeAt(k + 1) === OPEN) open = k++;
      else open = -1;
    } else if (c === CLOSE) {
      if (open >= 0 && line.charCodeAt(k + 1) === CLOSE) {
        const reference = readReference(line, open, k + 2, base);
        if (reference) found.push(reference);
        k++;
      }
      open = -1;
    }
  }
  return found;
}

/** `line[start, end)` is `[[…]]`. */
function readReference(line: string, start: number, end: number, base: number): Reference | null {
  const innerStart = start + 2;
  const innerEnd = end - 2;
  const inner = line.slice(innerStart, innerEnd);
  const pipe = inner.indexOf('|');
  const targetText = pipe >= 0 ? inner.slice(0, pipe) : inner;
  const fileMatch = FILE_PART.exec(targetText);
  const titleStart = innerStart + (fileMatch ? fileMatch[0].length : 0);
  const titleEnd = innerStart + targetText.length;
  const span = trimmedSpan(line, titleStart, titleEnd);
  if (span.start === span.end) return null;
  const part = trimmedSpan(line, innerStart, titleEnd);
  const label = pipe >= 0 ? inner.slice(pipe + 1).trim() : '';
  return {
    kind: 'reference',
    span: { start: base + start, end: base + end },
    target: line.slice(span.start, span.end),
    targetSpan: { start: base + span.start, end: base + span.end },
    partSpan: { start: base + part.start, end: base + part.end },
    file: fileMatch ? fileMatch[1] : null,
    label: label === '' ? null : label,
  };
}

function trimmedSpan(line: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  return { start, end };
}

/**
 * How references and titles are compared: case, runs of white space, the kind of dash between
 * spaced words and the white space around all are ignored.
 */
export function referenceKey(text: string): string {
  return text.trim().replace(/\s+[–—-]\s+/g, ' – ').replace(/\s+/g, ' ').toLowerCase();
}
