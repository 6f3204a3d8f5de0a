/**
 * Notes files that the client lists and reads for the server (`confnotes/listFiles`,
 * `confnotes/readFile`): a virtual workspace, or every folder when the server runs in a browser.
 * The same answers as the disk's: the walk rule, code-unit order and the decoder are applied here
 * to whatever the client sends.
 */
import { base64ToBytes } from '../protocol/base64';
import type { ListFilesParams, ListFilesResult, ReadFileParams, ReadFileResult } from '../protocol/types';
import { decodeNotes, describeError } from './decodeNotes';
import { byCodeUnit, isWalkedPath, relativePathIn, type NotesFiles, type NotesRead } from './notesFiles';

/** The client, as the files see it (the connection's requests, or a test's map). */
export interface FileServer {
  list(params: ListFilesParams): Promise<ListFilesResult>;
  read(params: ReadFileParams): Promise<ReadFileResult>;
}

export class ClientFiles implements NotesFiles {
  /**
   * @param served Which URIs the client serves: none until it says at `initialize` that it does.
   */
  constructor(
    private readonly client: FileServer,
    private readonly served: (uri: string) => boolean,
  ) {}

  serves(uri: string): boolean {
    return this.served(uri);
  }

  async list(folderUri: string, globs: readonly string[], matches: (relativePath: string) => boolean, stillWanted: () => boolean): Promise<string[]> {
    let answer: ListFilesResult;
    try {
      answer = await this.client.list({ folder: folderUri, globs });
    } catch {
      return [];
    }
    if (!stillWanted() || !Array.isArray(answer?.files)) return [];
    const files = answer.files.filter((uri): uri is string => {
      const relative = typeof uri === 'string' ? relativePathIn(folderUri, uri) : null;
      return relative !== null && isWalkedPath(relative) && matches(relative);
    });
    return [...new Set(files)].sort(byCodeUnit);
  }

  async read(uri: string, largest?: number): Promise<NotesRead> {
    let answer: ReadFileResult;
    try {
      answer = await this.client.read({ uri, largest });
    } catch (e) {
      return { error: `the editor could not read it: ${describeError(e)}` };
    }
    if (answer && 'base64' in answer && typeof answer.base64 === 'string') {
      const bytes = base64ToBytes(answer.base64);
      if (largest !== undefined && bytes.length > largest) return { error: `larger than ${Math.round(largest / 1024 / 1024)} MB` };
      return decodeNotes(bytes);
    }
    if (answer && 'gone' in answer) return { gone: true };
    return { error: answer && 'error' in answer && typeof answer.error === 'string' ? answer.error : 'the editor sent no text for it' };
  }
}

/** Files from the first of several sources that serves them (the disk's, then the client's). */
export class RoutedFiles implements NotesFiles {
  constructor(private readonly sources: readonly NotesFiles[]) {}

  serves(uri: string): boolean {
    return this.sources.some((s) => s.serves(uri));
  }

  list(folderUri: string, globs: readonly string[], matches: (relativePath: string) => boolean, stillWanted: () => boolean): Promise<string[]> {
    return this.sources.find((s) => s.serves(folderUri))?.list(folderUri, globs, matches, stillWanted) ?? Promise.resolve([]);
  }

  read(uri: string, largest?: number): Promise<NotesRead> {
    return this.sources.find((s) => s.serves(uri))?.read(uri, largest) ?? Promise.resolve({ gone: true });
  }
}
