/** Notes files on the disk: the walk (`walkNotes`) and the read (`readNotesFile`) of the server and the CLI. */
import { readdir, readFile, stat, writeFile } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { URI } from 'vscode-uri';
import { decodeNotes, describeError } from './decodeNotes';
import { byCodeUnit, isWalked, type NotesFiles, type NotesRead } from './notesFiles';

// The callback forms: fs/promises' readFile goes through a FileHandle (open, fstat, read, close as
// four promises), which cost the first indexing of 10,000 files about a second of the main thread.
const statOf = promisify(stat);
const readBytes = promisify(readFile);
const readFolder = promisify(readdir);
const writeText = promisify(writeFile);

/**
 * The notes files under `folder` (paths joined onto it as given), sorted by code unit within
 * each folder. Hidden and package folders are not entered; symbolic links are not followed (a
 * link to a parent folder would never end, a link to a file in the tree would count it twice).
 * `errors` is told of folders that cannot be read.
 */
export async function walkNotes(
  folder: string,
  matches: (relativePath: string) => boolean,
  stillWanted: () => boolean = () => true,
  errors: (folder: string, error: string) => void = () => undefined,
): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, relative: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readFolder(dir, { withFileTypes: true });
    } catch (e) {
      errors(dir, describeError(e));
      return;
    }
    entries.sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      if (!stillWanted()) return;
      if (!isWalked(entry.name)) continue;
      const inside = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), inside);
      else if (entry.isFile() && matches(inside)) out.push(path.join(dir, entry.name));
    }
  };
  await walk(folder, '');
  return out;
}

/** A notes file's text, or why it is not read (a folder, a device, too large, not UTF-8), or that it is not there. */
export async function readNotesFile(file: string, largest = Infinity): Promise<NotesRead> {
  try {
    // A FIFO or a device would block the read or never end it.
    const found = await statOf(file);
    if (found.isDirectory()) return { error: 'is a folder' };
    if (!found.isFile()) return { error: 'not a regular file (a device, pipe or socket)' };
    if (found.size > largest) return { error: `larger than ${Math.round(largest / 1024 / 1024)} MB` };
    return decodeNotes(await readBytes(file));
  } catch (e) {
    // Deleted between the event and the read: simply not there.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { gone: true } : { error: describeError(e) };
  }
}

/** Writes a file in place; the reason when it cannot. */
export async function writeNotesFile(file: string, text: string): Promise<string | null> {
  try {
    await writeText(file, text);
    return null;
  } catch (e) {
    return describeError(e);
  }
}

/** The disk as the workspace index sees it: `file:` URIs. */
export class DiskFiles implements NotesFiles {
  constructor(private readonly log: (message: string) => void = () => undefined) {}

  serves(uri: string): boolean {
    return uri.startsWith('file:');
  }

  async list(folderUri: string, _globs: readonly string[], matches: (relativePath: string) => boolean, stillWanted: () => boolean): Promise<string[]> {
    const folder = URI.parse(folderUri).fsPath;
    const files = await walkNotes(folder, matches, stillWanted, (dir, error) => {
      if (dir === folder) this.log(`cannot read the workspace folder ${folder}: ${error}`);
    });
    return files.map((file) => URI.file(file).toString());
  }

  read(uri: string, largest?: number): Promise<NotesRead> {
    return readNotesFile(URI.parse(uri).fsPath, largest);
  }
}
