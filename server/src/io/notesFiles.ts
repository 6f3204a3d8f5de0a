/**
 * Where notes files come from, for the workspace index and the CLI alike: one walk rule, one
 * decoder, one description of what went wrong. The server on the desktop reads the disk
 * (`DiskFiles`); where it cannot (a browser, a virtual workspace), another `NotesFiles` serves the
 * same answers through the client.
 */

import { URI } from 'vscode-uri';
import { isWalked } from '../protocol/walkRule';

/** A file's text (its BOM left out and told in `bom`), or why it is not read as notes, or that it is not there. */
export type NotesRead = { readonly text: string; readonly bom: boolean } | { readonly error: string } | { readonly gone: true };

export interface NotesFiles {
  /** Can it list and read files under this URI (a workspace folder or a file)? */
  serves(uri: string): boolean;
  /**
   * The notes files of a workspace folder (URIs), sorted by code unit: those `globs` name, as
   * `matches` (the same globs, compiled) says of the path relative to the folder, `/`-separated;
   * `stillWanted` stops a walk that is no longer needed.
   */
  list(folderUri: string, globs: readonly string[], matches: (relativePath: string) => boolean, stillWanted: () => boolean): Promise<string[]>;
  /** A file's text; files larger than `largest` bytes are not read (an error says so). */
  read(uri: string, largest?: number): Promise<NotesRead>;
}

/** Bigger files are left out of the workspace index (and said so): reading one would stall it for seconds. */
export const LARGEST_INDEXED_FILE = 50 * 1024 * 1024;

/** `confnotes.files`' default: the globs of the files a workspace walk reads. */
export const DEFAULT_NOTES_GLOBS: readonly string[] = ['**/*.notes', '**/*.confnotes'];

/** Paths in code-unit order (not the locale's): the same order on every machine, for the disk and the client. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { isWalked };

/** A path relative to a walked folder (`/`-separated) that a walk reaches: no part of it hidden or a package folder. */
export function isWalkedPath(relativePath: string): boolean {
  return relativePath !== '' && relativePath.split('/').every((part) => part !== '' && part !== '..' && isWalked(part));
}

/** The path of `uri` relative to the folder `folderUri` (`/`-separated), or null when it is not inside it. */
export function relativePathIn(folderUri: string, uri: string): string | null {
  const folder = URI.parse(folderUri);
  const file = URI.parse(uri);
  if (folder.scheme !== file.scheme || folder.authority.toLowerCase() !== file.authority.toLowerCase()) return null;
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  // Drive letters are spelt either way by clients (`/c:/`, `/C:/`).
  const same = /^\/[a-zA-Z]:\//.test(base) ? file.path.slice(0, base.length).toLowerCase() === base.toLowerCase() : file.path.startsWith(base);
  return same && file.path.length > base.length ? file.path.slice(base.length) : null;
}
