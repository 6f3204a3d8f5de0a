/**
 * Lines of notes files that are not open, read from disk when a search shows them. Nothing is
 * kept between searches: a few decoded files kept alive made the server's memory grow by 100 MB
 * over a hundred searches (V8 promoted them and kept the pages), for a few milliseconds saved.
 */
import { URI } from 'vscode-uri';
import type { FileLines } from './features/notesSearch';
import { lineBounds, lineStarts } from './parser/textLines';
import { readFile } from 'node:fs/promises';

/**
 * A file's lines as they are on disk now, or null if it cannot be read; `seen` is told the
 * length of the text, to notice a file changed since it was indexed.
 */
export async function diskLines(uri: string, seen: (uri: string, chars: number) => void): Promise<FileLines | null> {
  let text: string;
  try {
    // Decoded by Node as it reads (no Buffer left for the garbage collector); the file was
    // checked to be UTF-8 when it was indexed, and a BOM is dropped as the indexer drops it.
    text = await readFile(URI.parse(uri).fsPath, 'utf8');
  } catch {
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  seen(uri, text.length);
  return linesOfText(text);
}

/** A text's lines, split only where asked. */
export function linesOfText(text: string): FileLines {
  const starts = lineStarts(text);
  return { lineCount: starts.length, lineText: (line) => text.slice(...lineBounds(text, starts, line)) };
}
