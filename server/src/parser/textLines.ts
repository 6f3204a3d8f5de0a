/**
 * A text held as its lines. The server keeps open documents this way so that an edit
 * replaces a few lines and every other line stays the same string, which the parser's
 * per-line cache then recognises without reading it again (docs/ARCHITECTURE.md, "Speed").
 */

/** Lines [first, first + removed) of a text replaced by `inserted` lines, the others the same strings. */
export interface LineRegion {
  readonly first: number;
  readonly removed: number;
  readonly inserted: number;
}

export interface TextLines {
  /** Each line's text without its line break. Never empty: an empty text has one empty line. */
  readonly lines: readonly string[];
  /**
   * The break after each line, as an index into BREAKS: `\n`, `\r\n` or `\r`, and none after the
   * last line. A byte a line: an array of strings took eight, copied at every keystroke.
   */
  readonly breaks: Uint8Array;
}

/** The line breaks by their code in `TextLines.breaks`. */
export const BREAKS = ['', '\n', '\r\n', '\r'] as const;
/** The length of each break by its code. */
export const BREAK_LENGTHS = Uint8Array.from(BREAKS, (b) => b.length);
const LF = 1;
const CRLF = 2;
const CR = 3;

/** The break after a line (`''` after the last one). */
export function breakAfter(text: TextLines, line: number): string {
  return BREAKS[text.breaks[line]] ?? '';
}

/** Splits at LF, CRLF and CR, as LSP does. */
export function splitLines(text: string): TextLines {
  const lines: string[] = [];
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // indexOf is several times faster than a loop over each character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push(text.slice(start, i));
      start = i + 1;
    }
    lines.push(text.slice(start));
    const breaks = new Uint8Array(lines.length).fill(LF);
    breaks[lines.length - 1] = 0;
    return { lines, breaks };
  }
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    lines.push(text.slice(start, i));
    codes.push(crlf ? CRLF : c === 13 ? CR : LF);
    if (crlf) i++;
    start = i + 1;
  }
  lines.push(text.slice(start));
  codes.push(0);
  return { lines, breaks: Uint8Array.from(codes) };
}

export function joinLines(text: TextLines): string {
  const parts: string[] = [];
  for (let i = 0; i < text.lines.length; i++) parts.push(text.lines[i], BREAKS[text.breaks[i]]);
  return parts.join('');
}

/** Arguments safely spread into one call. */
export const MAX_SPREAD = 10_000;

interface EditPosition {
  readonly line: number;
  readonly character: number;
}

/** A text after an edit, and which of its lines the edit replaced. */
export interface EditedLines extends TextLines {
  readonly region: LineRegion;
}

/**
 * Replaces the text between two positions, as an LSP incremental change does: positions
 * past a line's end clamp to it, past the last line to the end, and a reversed range is
 * turned round. Only the lines around the edit are re-split; every other line keeps its
 * string. One line either side is re-split too, because an edit can join a CR before it
 * with an LF it inserts into one CRLF break.
 */
export function applyEdit(text: TextLines, from: EditPosition, to: EditPosition, insert: string): EditedLines {
  const last = text.lines.length - 1;
  const clamp = (p: EditPosition): EditPosition => {
    if (p.line < 0) return { line: 0, character: 0 };
    if (p.line > last) return { line: last, character: text.lines[last].length };
    return { line: p.line, character: Math.max(0, Math.min(p.character, text.lines[p.line].length)) };
  };
  let [start, end] = [clamp(from), clamp(to)];
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];

  const first = Math.max(0, start.line - 1);
  const final = Math.min(last, end.line + 1);
  const around = joinLines({ lines: text.lines.slice(first, final + 1), breaks: text.breaks.subarray(first, final + 1) });
  const offsetIn = (p: EditPosition) => {
    let offset = p.character;
    for (let l = first; l < p.line; l++) offset += text.lines[l].length + BREAK_LENGTHS[text.breaks[l]];
    return offset;
  };
  const edited = splitLines(around.slice(0, offsetIn(start)) + insert + around.slice(offsetIn(end)));
  // The region ends with its last line's break unless it is the text's last line; that break's empty tail is no line.
  const keep = final < last ? edited.lines.length - 1 : edited.lines.length;
  const breaks = new Uint8Array(text.breaks.length - (final + 1 - first) + keep);
  breaks.set(text.breaks.subarray(0, first));
  breaks.set(edited.breaks.subarray(0, keep), first);
  breaks.set(text.breaks.subarray(final + 1), first + keep);
  const region = { first, removed: final + 1 - first, inserted: keep };
  if (keep > MAX_SPREAD) {
    // Caught by the hostile-input tests: spreading a 500,000-line paste into splice() overflows the stack.
    return { lines: text.lines.slice(0, first).concat(edited.lines.slice(0, keep), text.lines.slice(final + 1)), breaks, region };
  }
  // A copy and one splice: far cheaper than building the array from pieces.
  const lines = text.lines.slice();
  lines.splice(first, final + 1 - first, ...edited.lines.slice(0, keep));
  return { lines, breaks, region };
}

/**
 * Where each line of a text starts (after `\n`, `\r\n` or a lone `\r`, as splitLines splits),
 * for reading lines of a whole text without making a string of each.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** A line's [start, end) in the text, its break left out; [length, length] past the last line. */
export function lineBounds(text: string, starts: readonly number[], line: number): [number, number] {
  if (line < 0 || line >= starts.length) return [text.length, text.length];
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (line + 1 < starts.length) end -= end - 2 >= starts[line] && text.charCodeAt(end - 2) === 13 && text.charCodeAt(end - 1) === 10 ? 2 : 1;
  return [starts[line], end];
}
