/**
 * Full-text search over every notes file: which passages (talks, mostly) hold the words of a
 * query, ranked by BM25. Pure: the server feeds it models, file by file.
 *
 * Why not a search library's own index: measured on the 1,000-file bench workspace (26,000
 * talks, 46 million characters), MiniSearch took 5.1 s and 177 MB, FlexSearch 6.8 s and 200 MB,
 * Orama 7.1 s and 461 MB — against 1.2 s for indexing everything else. Their postings are maps
 * of objects. Here each file is one segment of typed arrays (7 bytes a posting, 30 MB for the
 * bench), replaced whole when the file changes; MiniSearch's radix tree (`SearchableMap`) keeps
 * the dictionary and finds the words a query word may mean (prefix, edit distance).
 */
import { SearchTerms } from './searchTerms';
import type { PassageKind } from '../protocol/types';
import { Field, readPassages, type Passage, type SearchSource } from './searchPassages';

/** A word's weight in the term frequency, by field, in half units (a title word counts 3 times a text word). */
const FIELD_WEIGHT = { [Field.Title]: 6, [Field.Speaker]: 4, [Field.Text]: 2, [Field.Context]: 1 } as const;
const K1 = 1.2;
const B = 0.75;
/** A query word stands for at most this many words of the notes (the most common first). */
const MOST_EXPANSIONS = 50;
/** Query words longer than this match only as written (edit distance costs grow with the length). */
const LONGEST_EXPANDED_WORD = 40;
/** How much a word found by prefix or by edit distance counts against the word itself. */
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = [1, 0.45, 0.3];
/** A session's lines before its first talk, or a file's before its first header (a reading list), against a talk. */
const OUTSIDE_TALK_WEIGHT = 0.7;

const KINDS: readonly PassageKind[] = ['file', 'session', 'talk'];
const TALK = KINDS.indexOf('talk');
/** The best passages are put in order first; the rest only if asked for. */
const FIRST_RANKED = 512;

/** One file's passages and postings, as parallel typed arrays. */
interface Segment {
  readonly uri: string;
  /** The length of the text read from disk (-1 for an open document's): a different one on disk means the file changed since. */
  readonly chars: number;
  readonly kinds: Uint8Array;
  readonly ordinals: Int32Array;
  readonly lines: Int32Array;
  readonly endLines: Int32Array;
  /** Weighted words per passage. */
  readonly lengths: Float32Array;
  /** The file's words (dictionary ids), ascending; `starts[i]` to `starts[i + 1]` are word i's postings. */
  readonly terms: Uint32Array;
  /** 16 bits wide where the file's counts fit (nearly every file): half the memory. */
  readonly starts: Uint16Array | Uint32Array;
  readonly passages: Uint16Array | Uint32Array;
  readonly frequencies: Uint16Array;
  readonly fields: Uint8Array;
  readonly totalLength: number;
}

/** A word of a query, and whether only it counts (a word of a `"phrase"`), not its prefixes and misspellings. */
export interface QueryWord {
  readonly word: string;
  readonly exact: boolean;
}

export interface ScoredPassage extends Passage {
  readonly uri: string;
  readonly score: number;
}

/** The best passages for a query, as sent between threads. */
export interface RankedPage {
  /** How many passages were found in all. */
  readonly count: number;
  /** The best of them, best first (as many as asked for, or all). */
  readonly passages: readonly ScoredPassage[];
  /** For each query word, the words of the notes it matched. */
  readonly meanings: ReadonlyArray<readonly string[]>;
}

export interface SearchMatch {
  /** How many passages were found. */
  readonly count: number;
  /** The passage at a rank, from 0 (best) to `count - 1`: made when asked (a common word finds tens of thousands). */
  at(rank: number): ScoredPassage;
  /** For each query word, the words of the notes it matched. */
  readonly meanings: ReadonlyArray<ReadonlySet<string>>;
}

export class SearchIndex {
  /** The segments searched: an open document's, or else the file's as read from disk. */
  private readonly segments = new Map<string, Segment>();
  private readonly onDisk = new Map<string, Segment>();
  private readonly open = new Map<string, { readonly version: number; readonly segment: Segment }>();
  private readonly terms = new SearchTerms();
  /** Passages holding each word, over the searched segments. */
  private documentFrequency = new Uint32Array(1024);
  private passageCount = 0;
  private totalLength = 0;
  /** Postings of the file being read, kept from file to file. */
  private readonly scratch = new Scratch();
  private readonly byWord = new ByWord();
  /** Bumped by every change, so that a page of an old match is never served. */
  private generation = 0;
  private last: { readonly key: string; readonly match: SearchMatch } | null = null;

  /** A file as read from disk (`chars`: its text's length); an open document's text still wins. */
  setFromDisk(uri: string, source: SearchSource, chars: number): void {
    const segment = this.segmentOf(uri, source, chars);
    this.onDisk.set(uri, segment);
    if (!this.open.has(uri)) this.use(uri, segment);
  }

  deleteFromDisk(uri: string): void {
    if (this.onDisk.delete(uri) && !this.open.has(uri)) this.use(uri, undefined);
  }

  /** An open document's version: indexed unless this version already is. */
  setOpen(uri: string, version: number, source: SearchSource): void {
    if (this.open.get(uri)?.version === version) return;
    const segment = this.segmentOf(uri, source, -1);
    this.open.set(uri, { version, segment });
    this.use(uri, segment);
  }

  /** A document closed: its disk copy, if any, is searched again. */
  close(uri: string): void {
    if (this.open.delete(uri)) this.use(uri, this.onDisk.get(uri));
  }

  /**
   * The best `ranks` passages for a query. Asked again with more ranks (filters ruled out the
   * first ones), the last query's match is reused.
   */
  page(query: readonly QueryWord[], titleOnly: boolean, ranks: number): RankedPage {
    const key = JSON.stringify([query, titleOnly, this.generation]);
    if (this.last?.key !== key) this.last = { key, match: this.match(query, titleOnly) };
    const match = this.last.match;
    const passages = Array.from({ length: Math.min(ranks, match.count) }, (_, i) => match.at(i));
    return { count: match.count, passages, meanings: match.meanings.map((m) => [...m]) };
  }

  /** Bytes held in typed arrays by the searched segments (postings and passages; the dictionary is extra). */
  bytes(): number {
    let bytes = this.documentFrequency.byteLength;
    for (const s of this.segments.values()) {
      for (const a of [s.kinds, s.ordinals, s.lines, s.endLines, s.lengths, s.terms, s.starts, s.passages, s.frequencies, s.fields]) bytes += a.byteLength;
    }
    return bytes;
  }

  /** The number of words in the dictionary. */
  get words(): number {
    return this.terms.size;
  }

  /** The length of the text a file was read from disk with, unless it is open (to tell whether it changed since). */
  diskCharsOf(uri: string): number | undefined {
    return this.open.has(uri) ? undefined : this.onDisk.get(uri)?.chars;
  }

  private use(uri: string, segment: Segment | undefined): void {
    this.generation++;
    this.last = null;
    const old = this.segments.get(uri);
    if (old) {
      for (let i = 0; i < old.terms.length; i++) this.documentFrequency[old.terms[i]] -= old.starts[i + 1] - old.starts[i];
      this.passageCount -= old.kinds.length;
      this.totalLength -= old.totalLength;
      this.segments.delete(uri);
    }
    if (segment) {
      this.segments.set(uri, segment);
      for (let i = 0; i < segment.terms.length; i++) this.documentFrequency[segment.terms[i]] += segment.starts[i + 1] - segment.starts[i];
      this.passageCount += segment.kinds.length;
      this.totalLength += segment.totalLength;
    }
  }

  /**
   * Passages holding every query word (or a word it may mean), best first; `titleOnly`: in a
   * talk's title. When no passage holds them all, the passages holding the most of them.
   */
  match(query: readonly QueryWord[], titleOnly = false): SearchMatch {
    const expansions = query.map((q) => this.expand(q));
    const meanings = expansions.map((list) => new Set(list.map((e) => this.terms.word(e.id))));
    const n = Math.max(1, this.passageCount);
    const weighted = expansions.map((list) => list.map((e) => ({ id: e.id, weight: e.weight * Math.log(1 + (n - this.documentFrequency[e.id] + 0.5) / (this.documentFrequency[e.id] + 0.5)) })));
    let found = new Found();
    if (query.length > 0 && expansions.every((e) => e.length > 0)) this.scan(weighted, titleOnly, query.length, found);
    if (found.count === 0 && query.length > 1) {
      this.scan(weighted, titleOnly, 1, found);
      found = found.keepMostWords();
    }
    const ranking = new Ranking(found);
    return { count: found.count, at: (rank) => ranking.at(rank), meanings };
  }

  /** Adds the passages holding at least `required` of the words, scored (BM25 over the weighted fields). */
  private scan(weighted: ReadonlyArray<ReadonlyArray<{ id: number; weight: number }>>, titleOnly: boolean, required: number, found: Found): void {
    const words = weighted.length;
    const average = this.totalLength / Math.max(1, this.passageCount) || 1;
    for (const segment of this.segments.values()) {
      const count = segment.kinds.length;
      let best: Float64Array | null = null;
      let present = 0;
      for (let q = 0; q < words; q++) {
        let any = false;
        for (const { id, weight } of weighted[q]) {
          const at = bisect(segment.terms, id);
          if (at < 0) continue;
          best ??= new Float64Array(count * words);
          for (let p = segment.starts[at]; p < segment.starts[at + 1]; p++) {
            if (titleOnly && !(segment.fields[p] & Field.Title)) continue;
            const passage = segment.passages[p];
            const tf = segment.frequencies[p] / 2;
            const score = (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * segment.lengths[passage]) / average));
            const cell = passage * words + q;
            if (score > best[cell]) best[cell] = score;
            any = true;
          }
        }
        if (any) present++;
        // Every word must be in the file: most files are ruled out by their first missing word.
        else if (required === words) break;
      }
      if (!best || present < required) continue;
      for (let passage = 0; passage < count; passage++) {
        let score = 0;
        let matched = 0;
        for (let q = 0; q < words; q++) {
          const s = best[passage * words + q];
          if (s > 0) {
            score += s;
            matched++;
          }
        }
        if (matched < required) continue;
        // Search is for talks: a session's or file's loose lines count for less than a talk's.
        if (segment.kinds[passage] !== TALK) score *= OUTSIDE_TALK_WEIGHT;
        found.add(segment, passage, score, matched);
      }
    }
  }

  /** The words of the notes a query word may mean, with how much each counts. */
  private expand(q: QueryWord): Array<{ id: number; weight: number }> {
    const exact = this.terms.find(q.word);
    const out = new Map<number, number>();
    if (exact !== undefined && this.documentFrequency[exact] > 0) out.set(exact, 1);
    // A word longer than any a person types (a pasted hash) is matched only as written.
    if (q.exact || q.word.length > LONGEST_EXPANDED_WORD) return [...out].map(([id, weight]) => ({ id, weight }));
    const more: Array<{ id: number; weight: number }> = [];
    if (q.word.length >= 2) for (const [, id] of this.terms.tree.atPrefix(q.word)) if (id !== exact) more.push({ id, weight: PREFIX_WEIGHT });
    // Misspellings: one edit in words of five letters or more, two from nine; four-letter words only when nothing else is found.
    const edits = q.word.length >= 9 ? 2 : q.word.length >= 5 || (q.word.length === 4 && out.size === 0 && more.length === 0) ? 1 : 0;
    if (edits > 0) {
      for (const [, [id, distance]] of this.terms.tree.fuzzyGet(q.word, edits)) if (distance > 0) more.push({ id, weight: FUZZY_WEIGHT[distance] });
    }
    more.sort((a, b) => b.weight - a.weight || this.documentFrequency[b.id] - this.documentFrequency[a.id]);
    for (const e of more) {
      if (out.size >= MOST_EXPANSIONS) break;
      if (this.documentFrequency[e.id] > 0 && !out.has(e.id)) out.set(e.id, e.weight);
    }
    return [...out].map(([id, weight]) => ({ id, weight }));
  }

  private idAt(text: string, start: number, end: number, hash: number): number {
    const id = this.terms.idAt(text, start, end, hash);
    if (id >= this.documentFrequency.length) this.grow(id + 1);
    return id;
  }

  private grow(size: number): void {
    const length = Math.max(size, this.documentFrequency.length * 2);
    const next = new Uint32Array(length);
    next.set(this.documentFrequency);
    this.documentFrequency = next;
    this.byWord.grow(length);
  }

  private segmentOf(uri: string, source: SearchSource, chars: number): Segment {
    const built = new SegmentBuilder(this.scratch, this.byWord);
    readPassages(source, {
      begin: (passage) => built.begin(passage),
      word: (field, text, start, end, hash) => built.word(this.idAt(text, start, end, hash), field),
    });
    return built.finish(uri, chars);
  }
}

/** Postings gathered in passage order, in arrays kept from file to file (a file's own would be garbage at once). */
class Scratch {
  terms = new Uint32Array(1 << 16);
  passages = new Uint32Array(1 << 16);
  frequencies = new Uint16Array(1 << 16);
  fields = new Uint8Array(1 << 16);

  ensure(size: number): void {
    if (size <= this.terms.length) return;
    const length = Math.max(size, this.terms.length * 2);
    const grown = <T extends Uint32Array | Uint16Array | Uint8Array>(old: T, make: (n: number) => T) => {
      const next = make(length);
      next.set(old);
      return next;
    };
    this.terms = grown(this.terms, (n) => new Uint32Array(n));
    this.passages = grown(this.passages, (n) => new Uint32Array(n));
    this.frequencies = grown(this.frequencies, (n) => new Uint16Array(n));
    this.fields = grown(this.fields, (n) => new Uint8Array(n));
  }
}

/**
 * Per dictionary word, while a file is read: the passage and file it was last seen in (by
 * serial number, so nothing needs clearing between files) and its posting in that passage
 * (then, when the file is done, its place among the file's words).
 */
class ByWord {
  passage = 0;
  file = 0;
  passageSeen = new Int32Array(1024);
  fileSeen = new Int32Array(1024);
  posting = new Int32Array(1024);

  grow(length: number): void {
    const grown = (old: Int32Array) => {
      const next = new Int32Array(length);
      next.set(old);
      return next;
    };
    this.passageSeen = grown(this.passageSeen);
    this.fileSeen = grown(this.fileSeen);
    this.posting = grown(this.posting);
  }
}

/** One file's segment as its passages are read. */
class SegmentBuilder {
  private readonly kinds: number[] = [];
  private readonly ordinals: number[] = [];
  private readonly lines: number[] = [];
  private readonly endLines: number[] = [];
  private readonly lengths: number[] = [];
  private pending: Passage | null = null;
  private length = 0;
  /** Postings so far, and where the current passage's begin. */
  private count = 0;
  private first = 0;
  /** The file's words, in the order first seen. */
  private readonly fileWords: number[] = [];

  constructor(
    private readonly scratch: Scratch,
    private readonly byWord: ByWord,
  ) {
    byWord.file++;
  }

  begin(passage: Passage): void {
    this.close();
    this.pending = passage;
    this.byWord.passage++;
  }

  word(id: number, field: Field): void {
    const weight = FIELD_WEIGHT[field];
    this.length += weight;
    const s = this.scratch;
    const w = this.byWord;
    if (w.passageSeen[id] === w.passage) {
      const at = w.posting[id];
      s.frequencies[at] = Math.min(0xffff, s.frequencies[at] + weight);
      s.fields[at] |= field;
      return;
    }
    if (w.fileSeen[id] !== w.file) {
      w.fileSeen[id] = w.file;
      this.fileWords.push(id);
    }
    w.passageSeen[id] = w.passage;
    w.posting[id] = this.count;
    s.ensure(this.count + 1);
    s.terms[this.count] = id;
    s.passages[this.count] = this.kinds.length;
    s.frequencies[this.count] = weight;
    s.fields[this.count] = field;
    this.count++;
  }

  finish(uri: string, chars: number): Segment {
    this.close();
    const s = this.scratch;
    const slot = this.byWord.posting;
    const n = this.count;
    // Postings grouped by word (a counting sort keeps them in passage order within a word).
    const terms = Uint32Array.from(this.fileWords).sort();
    const starts = n <= 0xffff ? new Uint16Array(terms.length + 1) : new Uint32Array(terms.length + 1);
    for (let i = 0; i < terms.length; i++) slot[terms[i]] = i;
    for (let e = 0; e < n; e++) starts[slot[s.terms[e]] + 1]++;
    for (let i = 0; i < terms.length; i++) starts[i + 1] += starts[i];
    const next = starts.slice(0, terms.length);
    const passages = this.kinds.length <= 0xffff ? new Uint16Array(n) : new Uint32Array(n);
    const frequencies = new Uint16Array(n);
    const fields = new Uint8Array(n);
    for (let e = 0; e < n; e++) {
      const at = next[slot[s.terms[e]]]++;
      passages[at] = s.passages[e];
      frequencies[at] = s.frequencies[e];
      fields[at] = s.fields[e];
    }
    return {
      uri,
      chars,
      kinds: Uint8Array.from(this.kinds),
      ordinals: Int32Array.from(this.ordinals),
      lines: Int32Array.from(this.lines),
      endLines: Int32Array.from(this.endLines),
      lengths: Float32Array.from(this.lengths),
      terms,
      starts,
      passages,
      frequencies,
      fields,
      totalLength: this.lengths.reduce((a, b) => a + b, 0),
    };
  }

  /** Keeps the passage read so far if it had words. */
  private close(): void {
    const p = this.pending;
    if (p && this.count > this.first) {
      this.kinds.push(KINDS.indexOf(p.kind));
      this.ordinals.push(p.ordinal);
      this.lines.push(p.line);
      this.endLines.push(p.endLine);
      this.lengths.push(this.length / 2);
    }
    this.pending = null;
    this.length = 0;
    this.first = this.count;
  }
}

/** Passages found by a scan, as parallel arrays (no object each). */
class Found {
  readonly segments: Segment[] = [];
  readonly passages: number[] = [];
  readonly scores: number[] = [];
  readonly words: number[] = [];

  get count(): number {
    return this.scores.length;
  }

  add(segment: Segment, passage: number, score: number, words: number): void {
    this.segments.push(segment);
    this.passages.push(passage);
    this.scores.push(score);
    this.words.push(words);
  }

  /** Only the passages holding the most words. */
  keepMostWords(): Found {
    let most = 0;
    for (const w of this.words) most = Math.max(most, w);
    const kept = new Found();
    for (let i = 0; i < this.count; i++) if (this.words[i] === most) kept.add(this.segments[i], this.passages[i], this.scores[i], most);
    return kept;
  }

  passage(i: number): ScoredPassage {
    const segment = this.segments[i];
    const p = this.passages[i];
    return { uri: segment.uri, kind: KINDS[segment.kinds[p]], ordinal: segment.ordinals[p], line: segment.lines[p], endLine: segment.endLines[p], score: this.scores[i] };
  }
}

/**
 * Found passages best first (score, then file, then line), put in order as far as asked: the
 * best FIRST_RANKED at once, everything when a rank beyond them is asked for.
 */
class Ranking {
  private order: number[] | null = null;
  private complete = false;

  constructor(private readonly found: Found) {}

  at(rank: number): ScoredPassage {
    if (!this.order || (rank >= this.order.length && !this.complete)) this.rank(this.order ? this.found.count : FIRST_RANKED);
    return this.found.passage(this.order![rank]);
  }

  private rank(wanted: number): void {
    const { scores, segments, passages, count } = this.found;
    let candidates: number[];
    if (wanted >= count) {
      candidates = Array.from({ length: count }, (_, i) => i);
      this.complete = true;
    } else {
      // The score of the wanted-th best: everything at least as good (ties included) is ranked.
      const sorted = Float64Array.from(scores).sort();
      const threshold = sorted[count - wanted];
      candidates = [];
      for (let i = 0; i < count; i++) if (scores[i] >= threshold) candidates.push(i);
      this.complete = candidates.length === count;
    }
    const line = (i: number) => segments[i].lines[passages[i]];
    this.order = candidates.sort((a, b) => scores[b] - scores[a] || compare(segments[a].uri, segments[b].uri) || line(a) - line(b));
  }
}

/** Where `id` is in the ascending array, or -1. */
function bisect(sorted: Uint32Array, id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
