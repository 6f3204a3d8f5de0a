/** Reading notes files (CLI and workspace index): folders walked, binary and non-UTF-8 files refused with a clear reason. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';

/** A file's text (its BOM, if any, left out and told in `bom`), or why it could not be read. */
export type ReadResult = { file: string; text: string; bom: boolean } | { file: string; error: string };

export const NOTES_EXTENSIONS = ['.notes', '.confnotes'];

export function readNotesFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    // A FIFO or a device would block the read or never end it.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { file, error: 'is a folder' };
    if (!stat.isFile()) return { file, error: 'not a regular file (a device, pipe or socket)' };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { file, error: describeError(e) };
  }
  const decoded = decodeNotes(bytes);
  return 'error' in decoded ? { file, ...decoded } : { file, text: decoded.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/** Writes a file in place; the reason when it cannot. */
export function writeNotesFile(file: string, text: string): string | null {
  try {
    fs.writeFileSync(file, text);
    return null;
  } catch (e) {
    return describeError(e);
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

/** The text of a notes file's bytes (BOM dropped), or why they are not notes. */
export function decodeNotes(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.subarray(0, 65536).includes(0)) return { error: 'binary file (it contains NUL bytes), not notes' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** Files named on the command line, and the notes files found in folders (sorted, symlink loops skipped). */
export function expandPaths(paths: readonly string[]): Array<{ file: string } | { file: string; error: string }> {
  const out: Array<{ file: string } | { file: string; error: string }> = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      out.push({ file: dir, error: describeError(e) });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      out.push({ file: dir, error: describeError(e) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
      if (isDir) walk(full);
      else if (NOTES_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push({ file: full });
    }
  };
  for (const p of paths) {
    if (isDirectory(p)) walk(p);
    else out.push({ file: p });
  }
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ERR_FS_FILE_TOO_LARGE': return 'too large to read (2 GB at most)';
    default: return (e as Error).message ?? String(e);
  }
}
