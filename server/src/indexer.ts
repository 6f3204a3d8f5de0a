/**
 * Fills the WorkspaceIndex from disk: walks the workspace folders for files matching
 * `confnotes.files`, reads and summarizes them one at a time, yielding between files so
 * that requests for the open file are answered while a large workspace is indexed.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { decodeNotes, describeError } from './cli/readNotes';
import { parseNotes } from './parser/parseNotes';
import { summarize } from './workspace/fileSummary';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/** Folders never walked: tools' and version control's, never notes. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Bigger files are left out of the index (and said so): reading one would stall it for seconds. */
export const LARGEST_INDEXED_FILE = 50 * 1024 * 1024;

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  end(): void;
  readonly cancelled: boolean;
}

export class Indexer {
  private folders: string[] = [];
  private matches: (relativePath: string) => boolean = () => false;
  /** Bumped when folders or patterns change: a walk of an older generation stops. */
  private generation = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly log: (message: string) => void,
  ) {}

  configure(folderUris: readonly string[], patterns: readonly string[]): void {
    this.folders = folderUris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath);
    this.matches = picomatch([...patterns], { dot: true });
    this.generation++;
  }

  /** Is this file one the index keeps (in a workspace folder, matching `confnotes.files`)? */
  wants(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = URI.parse(uri).fsPath;
    return this.folders.some((folder) => {
      const relative = path.relative(folder, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && this.matches(relative.split(path.sep).join('/'));
    });
  }

  /** Reads every matching file of every folder, replacing what the index held from disk. */
  async indexAll(progress: IndexProgress | null): Promise<void> {
    const generation = this.generation;
    const started = Date.now();
    const files: string[] = [];
    for (const folder of this.folders) await this.walk(folder, folder, files, generation);
    if (generation !== this.generation) return;
    const wanted = new Set(files.map((f) => URI.file(f).toString()));
    for (const summary of this.index.files()) if (!wanted.has(summary.uri)) this.index.deleteFromDisk(summary.uri);
    progress?.begin(files.length);
    let done = 0;
    for (const file of files) {
      if (generation !== this.generation || progress?.cancelled) break;
      await this.readIntoIndex(URI.file(file).toString(), file);
      if (++done % 25 === 0) progress?.report(done, files.length);
      // Requests waiting behind the indexing run here.
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress?.end();
    this.log(`indexed ${done} of ${files.length} notes files in ${Date.now() - started} ms${progress?.cancelled ? ' (cancelled)' : ''}`);
  }

  /** A watched file was created or changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    if (this.wants(uri)) await this.readIntoIndex(uri, URI.parse(uri).fsPath);
  }

  /** A watched file (or folder: everything under it goes) was deleted. */
  fileDeleted(uri: string): void {
    this.index.deleteFromDisk(uri);
    this.index.deleteFolder(uri);
  }

  private async walk(folder: string, dir: string, out: string[], generation: number): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (dir === folder) this.log(`cannot read the workspace folder ${folder}: ${describeError(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (generation !== this.generation) return;
      const full = path.join(dir, entry.name);
      // Symbolic links are not followed: a link to a parent folder would never end.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await this.walk(folder, full, out, generation);
      } else if (entry.isFile() && this.matches(path.relative(folder, full).split(path.sep).join('/'))) {
        out.push(full);
      }
    }
  }

  private async readIntoIndex(uri: string, file: string): Promise<void> {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return this.index.deleteFromDisk(uri);
      if (stat.size > LARGEST_INDEXED_FILE) {
        this.log(`${file}: not indexed, larger than ${LARGEST_INDEXED_FILE / 1024 / 1024} MB`);
        return this.index.deleteFromDisk(uri);
      }
      const read = decodeNotes(await fs.readFile(file));
      if ('error' in read) {
        this.log(`${file}: not indexed: ${read.error}`);
        return this.index.deleteFromDisk(uri);
      }
      this.index.setFromDisk(summarize(uri, parseNotes(read.text, { links: false })));
    } catch (e) {
      // Deleted between the event and the read, or unreadable: not in the index.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.log(`${file}: not indexed: ${describeError(e)}`);
      this.index.deleteFromDisk(uri);
    }
  }
}
