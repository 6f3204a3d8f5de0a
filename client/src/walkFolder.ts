/**
 * Every file under a workspace folder, walked the way the server walks the disk: hidden folders
 * and files and installed packages left out (`isWalked`), symbolic links not followed. Through
 * the file system's `readDirectory`, which every FileSystemProvider has: `findFiles` answers
 * nothing for a scheme without a search provider (a plain FileSystemProvider's), so it would see
 * no notes there.
 */
import { isWalked } from '../../server/src/protocol/requests';

export type EntryKind = 'file' | 'folder' | 'link' | 'other';

/** Folders read at once: a remote file system answers each after a round trip. */
const AT_ONCE = 8;

export async function walkFolder<T>(folder: T, readDirectory: (dir: T) => Promise<ReadonlyArray<readonly [string, EntryKind]>>, join: (dir: T, name: string) => T): Promise<T[]> {
  const files: T[] = [];
  let level = [folder];
  while (level.length > 0) {
    const below: T[] = [];
    for (let i = 0; i < level.length; i += AT_ONCE) {
      const dirs = level.slice(i, i + AT_ONCE);
      // A folder that cannot be read is left out, as on disk.
      const listed = await Promise.all(dirs.map((dir) => readDirectory(dir).catch(() => [])));
      listed.forEach((entries, k) => {
        for (const [name, kind] of entries) {
          if (!isWalked(name)) continue;
          if (kind === 'folder') below.push(join(dirs[k], name));
          else if (kind === 'file') files.push(join(dirs[k], name));
        }
      });
    }
    level = below;
  }
  return files;
}
