/**
 * Search Notes: the talks where the query's words were written, best first, each with its
 * matching lines and the words highlighted. The index ranks passages (BM25); the lines of the
 * best few are then read to place the words, to keep only talks holding each `"phrase"`, and to
 * rank higher the talks where the words are near each other (on one line).
 */
import { lineBounds, lineStarts } from '../parser/textLines';
import type { QueryWord, RankedPage, ScoredPassage, SearchIndex } from './searchIndex';
import type { SearchAnswer, SearchHit, SearchResult } from '../protocol/types';
import { parseSearchQuery, passesFilter, type SearchQuery } from './searchQuery';
import { forEachWord } from './searchWords';
import type { FileSummary, TalkEntry } from '../workspace/fileSummary';
import { fileName, sessionName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { PassageKind } from '../protocol/types';

/** A file's lines as they are now (an open document's, or read from disk). */
export interface FileLines {
  readonly lineCount: number;
  lineText(line: number): string;
}

export type ReadLines = (uri: string) => Promise<FileLines | null>;

/** A text's lines, split only where asked. */
export function linesOfText(text: string): FileLines {
  const starts = lineStarts(text);
  return { lineCount: starts.length, lineText: (line) => text.slice(...lineBounds(text, starts, line)) };
}

/** Ranked passages for a query's words, the best `ranks` of them (the index may be in another thread). */
export interface PassageSearch {
  match(words: readonly QueryWord[], titleOnly: boolean, ranks: number): Promise<RankedPage>;
}

/** A SearchIndex in this thread as a PassageSearch. */
export function passageSearch(index: SearchIndex): PassageSearch {
  return { match: async (words, titleOnly, ranks) => index.page(words, titleOnly, ranks) };
}




const HITS_PER_RESULT = 5;
/** Results read beyond the limit, so that the near-each-other bonus can lift one into it. */
const READ_BEYOND_LIMIT = 10;
/** Passages asked for at first, per result wanted (filters rule some out). */
const PASSAGES_PER_RESULT = 4;
/** When phrases rule out talks, at most this many times the limit are read. */
const MOST_READ_PER_RESULT = 10;
const LONGEST_HIT_TEXT = 240;
/** The score of a result whose line holds every word of the query is this much higher. */
const NEAR_BONUS = 0.5;

export async function searchNotes(index: WorkspaceIndex, search: PassageSearch, text: string, readLines: ReadLines, limit: number): Promise<SearchAnswer> {
  const query = parseSearchQuery(text);
  if (query.words.length === 0) return { results: query.filters.length > 0 ? filteredTalks(index, query, limit) : [], found: 0, problems: query.problems };
  const wanted = limit + READ_BEYOND_LIMIT;
  let ranks = wanted * PASSAGES_PER_RESULT;
  let page = await search.match(query.words, query.titleOnly, ranks);
  const meanings = page.meanings.map((m) => new Set(m));
  const read = new Map<string, Promise<FileLines | null>>();
  const linesOf = (uri: string) => {
    let lines = read.get(uri);
    if (!lines) read.set(uri, (lines = readLines(uri)));
    return lines;
  };
  const results: SearchResult[] = [];
  let rank = 0;
  let tried = 0;
  while (results.length < wanted && rank < page.count && tried < limit * MOST_READ_PER_RESULT) {
    if (rank >= page.passages.length) {
      // Filters or phrases ruled out the passages asked for: ask for more.
      ranks *= 4;
      page = await search.match(query.words, query.titleOnly, ranks);
    }
    // The next passages that pass the filters, their files read at once (reads overlap).
    const batch: Array<{ passage: ScoredPassage; described: Described }> = [];
    for (; rank < page.passages.length && batch.length < wanted - results.length; rank++) {
      const passage = page.passages[rank];
      const described = describe(index.get(passage.uri), passage);
      if (passes(described, query)) batch.push({ passage, described });
    }
    tried += batch.length;
    for (const { passage } of batch) void linesOf(passage.uri);
    for (const { passage, described } of batch) {
      const lines = await linesOf(passage.uri);
      const result = lines && placeWords(described, passage, lines, query, meanings);
      if (result) results.push(result);
    }
  }
  results.sort((a, b) => b.score - a.score || compare(a.uri, b.uri) || a.line - b.line);
  return { results: results.slice(0, limit), found: page.count, problems: query.problems };
}

type Described = Pick<SearchResult, 'title' | 'speaker' | 'organisation' | 'event' | 'day' | 'session'> & { readonly talk: TalkEntry | null };

/** What a passage is, from the file's summary. */
function describe(file: FileSummary | undefined, p: { kind: PassageKind; ordinal: number; line: number }): Described {
  const none = { talk: null, title: null, speaker: null, organisation: null, event: null, day: null, session: null };
  if (!file) return none;
  if (p.kind === 'talk') {
    const talk = file.talks[p.ordinal]?.line === p.line ? file.talks[p.ordinal] : file.talks.find((t) => t.line === p.line);
    return talk ? { talk, title: talk.title, speaker: talk.speaker, organisation: talk.organisation, event: talk.event, day: talk.day, session: talk.session } : none;
  }
  if (p.kind === 'session') {
    const s = file.sessions[p.ordinal]?.line === p.line ? file.sessions[p.ordinal] : file.sessions.find((x) => x.line === p.line);
    return s ? { ...none, title: sessionName(s), event: s.event, day: s.day, session: s.session } : none;
  }
  return none;
}

function passes(d: Described, query: SearchQuery): boolean {
  if (query.titleOnly && !d.talk) return false;
  return query.filters.every((f) => passesFilter(f.words, d[f.key]));
}

/** With no words, only filters: the talks passing them, in workspace order, each with its title line. */
function filteredTalks(index: WorkspaceIndex, query: SearchQuery, limit: number): SearchResult[] {
  const results: SearchResult[] = [];
  for (const talk of index.talks()) {
    if (results.length >= limit) break;
    const d = describe(index.get(talk.uri), { kind: 'talk', ordinal: talk.ordinal, line: talk.line });
    if (!passes(d, query)) continue;
    const hit: SearchHit = { line: talk.line, character: talk.titleStart, endCharacter: talk.titleEnd, text: talk.heading, textStart: talk.character, highlights: [], section: null };
    results.push(resultOf(talk.uri, 'talk', talk.ordinal, talk.line, d, 0, [hit], 0));
  }
  return results;
}

/**
 * The passage's matching lines, or null when a phrase of the query is on none of them (or the
 * file changed so that no word is where the index saw it).
 */
function placeWords(d: Described, passage: ScoredPassage, lines: FileLines, query: SearchQuery, meanings: ReadonlyArray<ReadonlySet<string>>): SearchResult | null {
  const words = query.words.length;
  const lastLine = query.titleOnly ? passage.line : Math.min(passage.endLine, lines.lineCount - 1);
  const phrasesFound = query.phrases.map(() => false);
  const found: Array<{ line: number; text: string; spans: Array<[number, number]>; distinct: number }> = [];
  for (let line = passage.line; line <= lastLine; line++) {
    const text = lines.lineText(line);
    const spans: Array<[number, number]> = [];
    const seen = new Set<number>();
    const lineWords: string[] = [];
    forEachWord(text, (word, start, end) => {
      lineWords.push(word);
      let hit = false;
      for (let q = 0; q < words; q++) {
        if (meanings[q].has(word)) {
          seen.add(q);
          hit = true;
        }
      }
      if (hit) spans.push([start, end]);
    });
    query.phrases.forEach((phrase, i) => (phrasesFound[i] ||= containsRun(lineWords, phrase)));
    if (spans.length > 0) found.push({ line, text, spans, distinct: seen.size });
  }
  if (phrasesFound.includes(false)) return null;
  // Only the talk's event, day or session holds the words: its title line stands for it.
  if (found.length === 0 && d.talk) found.push({ line: passage.line, text: lines.lineText(passage.line), spans: [], distinct: 0 });
  if (found.length === 0) return null;
  const mostOnALine = Math.max(1, ...found.map((f) => f.distinct));
  const score = words > 1 ? passage.score * (1 + (NEAR_BONUS * (mostOnALine - 1)) / (words - 1)) : passage.score;
  found.sort((a, b) => b.distinct - a.distinct || a.line - b.line);
  const sections = d.talk?.sections ?? [];
  const hits = found.slice(0, HITS_PER_RESULT).map((f): SearchHit => {
    const section = sections.filter((s) => s.line <= f.line).at(-1)?.title ?? null;
    const [start, end] = f.spans[0] ?? [d.talk!.titleStart, d.talk!.titleEnd];
    return { ...cut(f.text, f.spans), line: f.line, character: start, endCharacter: end, section };
  });
  return resultOf(passage.uri, passage.kind, passage.ordinal, passage.line, d, score, hits, found.length - hits.length);
}

function resultOf(uri: string, kind: PassageKind, ordinal: number, line: number, d: Described, score: number, hits: SearchHit[], moreHits: number): SearchResult {
  const { title, speaker, organisation, event, day, session } = d;
  return { uri, file: fileName(uri), kind, title, speaker, organisation, event, day, session, ordinal, line, score: Math.round(score * 1000) / 1000, hits, moreHits };
}

/** A line's text without its indentation, around its first matching word when it is long. */
function cut(line: string, spans: Array<[number, number]>): { text: string; textStart: number; highlights: Array<[number, number]> } {
  let start = line.length - line.trimStart().length;
  let end = line.length;
  if (end - start > LONGEST_HIT_TEXT) {
    start = Math.max(start, (spans[0]?.[0] ?? 0) - LONGEST_HIT_TEXT / 4);
    end = Math.min(end, start + LONGEST_HIT_TEXT);
  }
  const highlights = spans.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s - start, e - start]);
  return { text: line.slice(start, end), textStart: start, highlights };
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let k = 0; k < run.length; k++) if (words[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
