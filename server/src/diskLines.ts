/**
 * Lines of notes files that are not open, read from disk when a search shows them. The last
 * few files read are kept: typing a query asks for the same files again and again.
 */
import { URI } from 'vscode-uri';
import type { FileLines } from './features/notesSearch';
import { readNotes } from './indexer';

/** Files kept; at 50 KB a file (the sample's size), about 3 MB. */
const FILES_KEPT = 64;

export class DiskLines {
  private readonly kept = new Map<string, FileLines>();

  /**
   * @param read how a file's text is read (its uri), or null when it cannot be
   * @param seen told the length of each text read, to notice a file changed since it was indexed
   */
  constructor(
    private readonly read: (uri: string) => Promise<string | null> = readText,
    private readonly seen: (uri: string, chars: number) => void = () => undefined,
  ) {}

  async linesOf(uri: string): Promise<FileLines | null> {
    const kept = this.kept.get(uri);
    if (kept) {
      // Most recently used last.
      this.kept.delete(uri);
      this.kept.set(uri, kept);
      return kept;
    }
    const text = await this.read(uri);
    if (text === null) return null;
    this.seen(uri, text.length);
    const lines = linesOfText(text);
    this.kept.set(uri, lines);
    if (this.kept.size > FILES_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return lines;
  }

  /** A file changed or was deleted: its lines are read again next time. */
  forget(uri: string): void {
    this.kept.delete(uri);
  }
}

/** A text's lines, split only where asked: a line's start is found by one scan for breaks. */
export function linesOfText(text: string): FileLines {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return {
    lineCount: starts.length,
    lineText: (line) => {
      if (line < 0 || line >= starts.length) return '';
      const end = line + 1 < starts.length ? starts[line + 1] : text.length + 1;
      // Without the break: `\n`, or `\r\n`, or `\r`.
      let stop = end - 1;
      if (stop > starts[line] && text.charCodeAt(stop - 1) === 13 && text.charCodeAt(stop) === 10) stop--;
      return text.slice(starts[line], Math.min(stop, text.length));
    },
  };
}

async function readText(uri: string): Promise<string | null> {
  const read = await readNotes(URI.parse(uri).fsPath);
  return 'text' in read ? read.text : null;
}
