/**
 * The dictionary of full-text search: every word ever indexed, each with a number. Words are
 * looked up where they stand in a line, by a hash of their lower-case letters: the 1,000-file
 * bench reads 7 million words, and a string made for each (to ask a Map) cost more in garbage
 * collection than the rest of the index. MiniSearch's radix tree keeps the same words for what
 * a hash cannot do: the words that begin so, or are a few edits away.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { HASH_START, hashStep, normalizeWord } from './searchWords';

const EMPTY = -1;

export class SearchTerms {
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: word ids, EMPTY where none; its size a power of two, at most half full. */
  private table = new Int32Array(1 << 12).fill(EMPTY);
  readonly tree = new SearchableMap<number>();

  get size(): number {
    return this.words.length;
  }

  word(id: number): string {
    return this.words[id];
  }

  /** The id of a compared word, or undefined if it was never indexed. */
  find(word: string): number | undefined {
    const id = this.lookup(word, 0, word.length, hashOf(word, 0, word.length));
    return id === EMPTY ? undefined : id;
  }

  /** The id of the word at [start, end) of the text, added if new; `hash` as `forEachWordSpan` gives it (-1: not ASCII). */
  idAt(text: string, start: number, end: number, hash: number): number {
    if (hash < 0) return this.idOf(normalizeWord(text.slice(start, end)));
    const id = this.lookup(text, start, end, hash);
    return id !== EMPTY ? id : this.add(text.slice(start, end).toLowerCase(), hash);
  }

  /** The id of a compared word, added if new. */
  idOf(word: string): number {
    const hash = hashOf(word, 0, word.length);
    const id = this.lookup(word, 0, word.length, hash);
    return id !== EMPTY ? id : this.add(word, hash);
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id === EMPTY) return EMPTY;
      if (this.hashes[id] === hash && sameWord(this.words[id], text, start, end)) return id;
    }
  }

  private add(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.tree.set(word, id);
    if (this.words.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.table[slot] = id;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size).fill(EMPTY);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}

/** Lower case of an ASCII letter; anything else as it is (compared words are lower case already). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The hash `forEachWordSpan` gives a word: FNV-1a over its lower-case UTF-16 units. */
function hashOf(text: string, start: number, end: number): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = hashStep(h, lower(text.charCodeAt(i)));
  return h >>> 0;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  return true;
}
