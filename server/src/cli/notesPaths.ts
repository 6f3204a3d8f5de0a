/** The files a command reads: folders walked as the editor's index walks them (io/), files read with one decoder. */
import * as fs from 'node:fs';
import picomatch from 'picomatch';
import type { TextEdit } from 'vscode-languageserver-types';
import { readNotesFile, walkNotes } from '../io/diskFiles';
import type { NotesDocument } from '../parser/model';

export type PathEntry = { readonly file: string } | { readonly file: string; readonly error: string };
export type CliRead = { readonly file: string; readonly text: string; readonly bom: boolean } | { readonly file: string; readonly error: string };

/** Files named on the command line as they are, and the notes files found in folders (matching `globs`, as `confnotes.files`). */
export async function expandPaths(paths: readonly string[], globs: readonly string[]): Promise<PathEntry[]> {
  const matches = picomatch([...globs], { dot: true });
  const out: PathEntry[] = [];
  for (const p of paths) {
    if (!isDirectory(p)) out.push({ file: p });
    else for (const file of await walkNotes(p, matches, undefined, (dir, error) => out.push({ file: dir, error }))) out.push({ file });
  }
  return out;
}

/** A file's text, or why it cannot be read. */
export async function readForCommand(entry: PathEntry): Promise<CliRead> {
  if ('error' in entry) return entry;
  const read = await readNotesFile(entry.file);
  if ('gone' in read) return { file: entry.file, error: 'no such file or folder' };
  return { file: entry.file, ...read };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The text after LSP edits (in document order, none overlapping), as the CLI applies them. */
export function applyEdits(doc: NotesDocument, edits: readonly TextEdit[]): string {
  const text = doc.text;
  const pieces: string[] = [];
  let at = 0;
  for (const edit of edits) {
    const start = doc.lines.offsetAt(edit.range.start);
    pieces.push(text.slice(at, start), edit.newText);
    at = doc.lines.offsetAt(edit.range.end);
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
