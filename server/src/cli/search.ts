/**
 * `confnotes search`: the notes under some folders searched as the editor searches them. Pure
 * formatters, and the index built from texts already read. Lines and columns are 1-based,
 * columns counted in characters (code points), as `confnotes check` counts them.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { passageSearch, searchNotes, type FileLines } from '../search/notesSearch';
import type { SearchAnswer, SearchHit } from '../protocol/types';
import { codePoints } from './check';
import { parseNotes, type FormatOptions } from '../parser/parseNotes';
import { summarize } from '../workspace/fileSummary';
import { SearchIndex } from '../search/searchIndex';
import { searchSourceOf } from '../search/searchPassages';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface SearchRow {
  file: string;
  line: number;
  column: number;
  endColumn: number;
  talk: string | null;
  speaker: string | null;
  session: string | null;
  day: string | null;
  event: string | null;
  text: string;
  score: number;
}

/** Searches the given texts (file → text) for a query: one row per matching line, best talk first. */
export async function searchFiles(texts: ReadonlyMap<string, string>, query: string, format: FormatOptions, limit: number): Promise<{ rows: SearchRow[]; answer: SearchAnswer; fileOf: (uri: string) => string; columnOf: (uri: string, hit: SearchHit) => number }> {
  const index = new WorkspaceIndex();
  const search = new SearchIndex();
  const models = new Map<string, FileLines>();
  const fileOf = new Map<string, string>();
  for (const [file, text] of texts) {
    const uri = pathToFileURL(path.resolve(file)).href;
    const doc = parseNotes(text, { links: false, format });
    index.setFromDisk(summarize(uri, doc));
    search.setFromDisk(uri, searchSourceOf(doc), text.length);
    models.set(uri, { lineCount: doc.lines.lineCount, lineText: (line) => doc.lineText(line) });
    fileOf.set(uri, file);
  }
  const answer = await searchNotes(index, passageSearch(search), query, async (uri) => models.get(uri) ?? null, limit);
  const columnAt = (uri: string, line: number, character: number) => codePoints(models.get(uri)?.lineText(line).slice(0, character) ?? '') + 1;
  const columnOf = (uri: string, hit: SearchHit) => columnAt(uri, hit.line, hit.character);
  const rows = answer.results.flatMap((r) =>
    r.hits.map((h) => ({
      file: fileOf.get(r.uri) ?? r.file,
      line: h.line + 1,
      column: columnOf(r.uri, h),
      endColumn: columnAt(r.uri, h.line, h.endCharacter),
      talk: r.title,
      speaker: r.speaker,
      session: r.session,
      day: r.day,
      event: r.event,
      text: h.text,
      score: r.score,
    })),
  );
  return { rows, answer, fileOf: (uri) => fileOf.get(uri) ?? uri, columnOf };
}

/** `file:line:col: Talk title · Speaker — matching text`, the matching words in bold when `bold` is given. */
export function formatSearchRows(answer: SearchAnswer, fileOf: (uri: string) => string, columnOf: (uri: string, hit: SearchHit) => number, bold?: (word: string) => string): string[] {
  return answer.results.flatMap((r) => {
    const talk = [r.title ?? r.file, r.speaker].filter(Boolean).join(' · ');
    return r.hits.map((h) => {
      let text = h.text;
      if (bold) for (const [s, e] of [...h.highlights].reverse()) text = text.slice(0, s) + bold(text.slice(s, e)) + text.slice(e);
      return `${fileOf(r.uri)}:${h.line + 1}:${columnOf(r.uri, h)}: ${talk} — ${text}`;
    });
  });
}
