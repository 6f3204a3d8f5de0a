/**
 * What a search query says: words (each may match by prefix or misspelt), `"quoted phrases"`
 * (their words in that order on one line), and filters — `speaker:`, `event:`, `day:` (words
 * that the talk's speaker, event or day must hold, as typed or as the start of a word) and
 * `in:title` (the words in the talk's title). A filter's value may be quoted: `speaker:"priya raman"`.
 */
import type { QueryWord } from './searchIndex';
import { wordsOf } from './searchWords';

export type FilterKey = 'speaker' | 'event' | 'day';

export interface SearchQuery {
  /** Every word, phrases' included (those match only as written). */
  readonly words: readonly QueryWord[];
  /** Each phrase's words, in order. */
  readonly phrases: ReadonlyArray<readonly string[]>;
  /** Each filter's words; a talk must pass every filter given. */
  readonly filters: ReadonlyArray<{ readonly key: FilterKey; readonly words: readonly string[] }>;
  readonly titleOnly: boolean;
  /** What was not understood, said for the user (`in:speaker` is no scope). */
  readonly problems: readonly string[];
}

const FILTERS: readonly string[] = ['speaker', 'event', 'day'];
/** Words searched at most: each costs a lookup in the dictionary (a pasted paragraph is not a question). */
export const MOST_QUERY_WORDS = 32;
/** `key:"quoted value"`, `key:value`, `"phrase"`, or a run of anything else. */
const TOKEN = /([A-Za-z]+):"([^"]*)"?|([A-Za-z]+):(\S+)|"([^"]*)"?|(\S+)/g;

export function parseSearchQuery(text: string): SearchQuery {
  const words: QueryWord[] = [];
  const phrases: string[][] = [];
  const filters: Array<{ key: FilterKey; words: string[] }> = [];
  const problems: string[] = [];
  let titleOnly = false;
  let dropped = false;
  /** Adds words while there is room: plain words as many as fit, a phrase whole or not at all. Were all added? */
  const add = (found: string[], exact: boolean): boolean => {
    const room = MOST_QUERY_WORDS - words.length;
    const taken = exact ? (found.length <= room ? found : []) : found.slice(0, room);
    if (taken.length < found.length) dropped = true;
    for (const word of taken) words.push({ word, exact });
    return taken.length === found.length;
  };
  const plain = (token: string) => void add(wordsOf(token), false);
  for (const m of text.matchAll(TOKEN)) {
    const key = (m[1] ?? m[3])?.toLowerCase();
    const value = m[2] ?? m[4];
    if (key !== undefined && value !== undefined) {
      if (FILTERS.includes(key)) {
        const filterWords = wordsOf(value);
        if (filterWords.length > 0) filters.push({ key: key as FilterKey, words: filterWords });
      } else if (key === 'in') {
        if (value.toLowerCase() === 'title') titleOnly = true;
        else problems.push(`in:${value} is not a scope: in:title is`);
      } else {
        // `http://…`, `note:` — not a filter: its words are searched.
        plain(m[0]);
      }
    } else if (m[5] !== undefined) {
      const phrase = wordsOf(m[5]);
      if (add(phrase, true) && phrase.length > 1) phrases.push(phrase);
    } else {
      plain(m[6]);
    }
  }
  if (dropped) problems.push(`only the first ${MOST_QUERY_WORDS} words are searched`);
  return { words, phrases, filters, titleOnly, problems };
}

/** Do a talk's speaker (or event, or day) words hold every word of a filter, each as written or as the start of a word? */
export function passesFilter(filterWords: readonly string[], value: string | null): boolean {
  if (value === null) return false;
  const words = wordsOf(value);
  return filterWords.every((f) => words.some((w) => w.startsWith(f)));
}
