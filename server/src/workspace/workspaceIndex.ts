/**
 * Every notes file of the workspace as a FileSummary: disk copies, overridden by the text of
 * open documents. Pure (no I/O): the server feeds it. Answers what spans files: which talk a
 * reference names, who refers to a talk, and fuzzy search over talks and sessions.
 *
 * A change to one file costs in proportion to that file: titles are kept in a map by their
 * compared form, updated file by file; search entries are made once per file summary (at once
 * for files read from disk, so the first search after indexing is as fast as the others).
 */
import { distance } from 'fastest-levenshtein';
import { URI } from 'vscode-uri';
import fuzzysort from 'fuzzysort';
import { referenceKey } from '../parser/references';
import type { FileSummary, ReferenceEntry, SessionEntry, TalkEntry } from './fileSummary';

export type Target = TalkEntry | SessionEntry;

export type Resolution =
  | { readonly kind: 'resolved'; readonly target: Target }
  /** Candidates in file order, then line order. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Target[] }
  /** `suggestions`: the nearest titles, best first. */
  | { readonly kind: 'unresolved'; readonly suggestions: readonly string[] };

/** What a reference says: a title (or `Event – Day – Session`), maybe in a named file. */
export interface ReferenceTarget {
  readonly target: string;
  readonly file: string | null;
}

export interface IndexChange {
  readonly uri: string;
  /**
   * False when only positions moved (lines typed above a title): titles, sessions and
   * references are as they were, so nothing that resolves names needs doing again.
   */
  readonly names: boolean;
}

/**
 * The one spelling of a file uri the index uses (VS Code's, which the disk walk writes too).
 * Clients escape paths differently (`notes@home (2016)` is `notes%40home%20%282016%29` to VS
 * Code, `notes@home%20(2016)` to Node's pathToFileURL): without one spelling, an open file and
 * its disk copy would be two files, and every title in it ambiguous.
 */
export function canonicalUri(uri: string): string {
  return uri.startsWith('file:') ? URI.parse(uri).toString() : uri;
}

/** The name of a session as references write it. */
export function sessionName(s: SessionEntry): string {
  return `${s.event} – ${s.day} – ${s.session}`;
}

/** The title a reference would use for a target. */
export function targetName(target: Target): string {
  return target.kind === 'talk' ? target.title : sessionName(target);
}

/** Does the uri name this file (`lca2016.notes`, or a path ending `2016/lca.notes`)? */
export function uriIsFile(uri: string, file: string): boolean {
  const path = decodeURIComponent(uri).toLowerCase();
  const wanted = file.trim().replace(/\\/g, '/').replace(/^\.?\//, '').toLowerCase();
  return path === wanted || path.endsWith('/' + wanted);
}

/** The file name of a uri, as `[[file#Title]]` writes it. */
export function fileName(uri: string): string {
  const path = decodeURIComponent(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}

interface Searchable {
  readonly target: Target;
  /**
   * Its words (title line, event, day, session), lower case, each after a space:
   * `' helicopters and rocket planes by andrew tridgell linux conf au 2016 friday session 1'`.
   */
  readonly words: string;
  /** Which letters its words begin with, which two letters, and which letters they hold (`masks`). */
  readonly firsts: number;
  readonly heads: number;
  readonly letters: number;
}

/** What is computed from all files at once, on first use after a change. */
interface Derived {
  readonly files: FileSummary[];
  talks?: TalkEntry[];
  sessions?: SessionEntry[];
  searchable?: Searchable[];
  talkSearchable?: Searchable[];
  backlinks?: Map<Target, ReferenceEntry[]>;
}

const SUGGESTIONS = 3;
/**
 * fuzzysort scores from 0 to 1. On the sample, matches a person means score 0.35 and more
 * (`persistant memory` 0.37, `prom wilk` 0.50, `lnav` 0.74); letters strewn across a long
 * title line score under 0.3 (`ansible` 0.22 on a talk about secrets).
 */
const WEAKEST_MATCH = 0.3;
/**
 * Most targets fuzzysort scores for one query. A letter or two matches most of a large
 * workspace (`m`: 150,000 talks of 10,000 files, 250 ms to score): those whose title line
 * begins with the first word go first, in file order, and the rest only while there is room.
 */
const MOST_SCORED = 1000;

export class WorkspaceIndex {
  private readonly onDisk = new Map<string, FileSummary>();
  private readonly open = new Map<string, FileSummary>();
  /** Talks and sessions by their compared title (`referenceKey`). */
  private readonly byKey = new Map<string, Target[]>();
  private readonly searchables = new WeakMap<FileSummary, Searchable[]>();
  private derived: Derived | null = null;
  /** Nearest titles of unresolved references; good until a title changes somewhere. */
  private suggestions = new Map<string, string[]>();
  private readonly listeners: Array<(change: IndexChange) => void> = [];
  /** Bumped on every change, so callers can tell whether what they computed is stale. */
  version = 0;

  /** Called after every change (synchronously: listeners should debounce). */
  onDidChange(listener: (change: IndexChange) => void): void {
    this.listeners.push(listener);
  }

  setFromDisk(summary: FileSummary): void {
    const before = this.get(summary.uri);
    this.onDisk.set(summary.uri, summary);
    this.searchableOf(summary);
    if (!this.open.has(summary.uri)) this.replace(summary.uri, before, summary);
  }

  deleteFromDisk(uri: string): void {
    const before = this.onDisk.get(uri);
    if (this.onDisk.delete(uri) && !this.open.has(uri)) this.replace(uri, before, undefined);
  }

  /** Deletes the disk copies under a folder uri (a folder was deleted, or left the workspace). */
  deleteFolder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : folderUri + '/';
    for (const uri of [...this.onDisk.keys()]) if (uri.startsWith(prefix)) this.deleteFromDisk(uri);
  }

  /** An open document's text wins over its disk copy until it closes. */
  setOpen(summary: FileSummary): void {
    const before = this.get(summary.uri);
    this.open.set(summary.uri, summary);
    this.replace(summary.uri, before, summary);
  }

  close(uri: string): void {
    const before = this.open.get(uri);
    if (this.open.delete(uri)) this.replace(uri, before, this.onDisk.get(uri));
  }

  get(uri: string): FileSummary | undefined {
    return this.open.get(uri) ?? this.onDisk.get(uri);
  }

  /** The files read from disk (open or not). */
  diskUris(): string[] {
    return [...this.onDisk.keys()];
  }

  /** Every file, ordered by uri. */
  files(): readonly FileSummary[] {
    return this.derive().files;
  }

  /** Every talk, file by file in document order. */
  talks(): readonly TalkEntry[] {
    const derived = this.derive();
    return (derived.talks ??= derived.files.flatMap((f) => f.talks));
  }

  /** Every session, file by file in document order. */
  sessions(): readonly SessionEntry[] {
    const derived = this.derive();
    return (derived.sessions ??= derived.files.flatMap((f) => f.sessions));
  }

  resolve(reference: ReferenceTarget): Resolution {
    const key = referenceKey(reference.target);
    let candidates = this.byKey.get(key) ?? [];
    if (reference.file !== null) candidates = candidates.filter((t) => uriIsFile(t.uri, reference.file!));
    if (candidates.length === 1) return { kind: 'resolved', target: candidates[0] };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates: [...candidates].sort(byPlace) };
    return { kind: 'unresolved', suggestions: this.nearest(key) };
  }

  /** The references that resolve to the target, in file order. */
  referencesTo(target: Target): readonly ReferenceEntry[] {
    const derived = this.derive();
    if (!derived.backlinks) {
      const backlinks = new Map<Target, ReferenceEntry[]>();
      for (const file of derived.files) {
        for (const reference of file.references) {
          const resolution = this.resolve(reference);
          if (resolution.kind !== 'resolved') continue;
          const list = backlinks.get(resolution.target);
          if (list) list.push(reference);
          else backlinks.set(resolution.target, [reference]);
        }
      }
      derived.backlinks = backlinks;
    }
    return derived.backlinks.get(target) ?? [];
  }

  /** The talk or session whose title line is on this line of this file. */
  targetOnLine(uri: string, line: number): Target | null {
    const file = this.get(uri);
    if (!file) return null;
    return file.talks.find((t) => t.line === line) ?? file.sessions.find((s) => s.line === line) ?? null;
  }

  /**
   * Talks and sessions matching the query on title, speaker, event, day and session, best first
   * (fuzzysort's score); every word of the query must match (`prom wilk`). An empty query lists all.
   *
   * Words that begin words of a title line (`prom` of `Prometheus`) are what people type: the
   * targets holding all of them are found by a cheap scan, and only those are scored. When no
   * target has them all (a typo: `persistant`), the targets holding each word's letters in order,
   * close together, are scored, and weak matches dropped. fuzzysort's prepared forms cost about 1.5 KB a target:
   * they are made for the scored few and let go after each search, not kept for every talk.
   */
  search(query: string, limit: number, only?: Target['kind']): Target[] {
    const derived = this.derive();
    derived.searchable ??= derived.files.flatMap((f) => this.searchableOf(f));
    const searchable = only ? (derived.talkSearchable ??= derived.searchable.filter((s) => s.target.kind === only)) : derived.searchable;
    const words = searchWords(query);
    if (words.length === 0) return searchable.slice(0, limit).map((s) => s.target);
    const starts = words.map((w) => ' ' + w);
    // Masks first (three integer tests), the strings only for what passes them.
    const wanted = masks(words);
    const passes = (s: Searchable) => (s.firsts & wanted.firsts) === wanted.firsts && (s.heads & wanted.heads) === wanted.heads && (s.letters & wanted.letters) === wanted.letters;
    let candidates = firstScored(searchable, starts[0], passes, (s) => starts.every((w) => s.words.includes(w)));
    let threshold = 0;
    if (candidates.length === 0) {
      // A typo: the letters in order, close together. People keep a word's first letter, so
      // only targets with a word beginning with it are read (a tenth of them for most letters).
      const mayBeNear = (s: Searchable) => (s.letters & wanted.letters) === wanted.letters && (s.firsts & wanted.firsts) === wanted.firsts;
      candidates = firstScored(searchable, starts[0], mayBeNear, (s) => words.every((w) => lettersClose(w, s.words)));
      threshold = WEAKEST_MATCH;
    }
    const found = fuzzysort.go(words.join(' '), candidates, { key: 'words', limit, threshold });
    fuzzysort.cleanup();
    return found.map((r) => r.obj.target);
  }

  private replace(uri: string, before: FileSummary | undefined, after: FileSummary | undefined): void {
    if (before === after) return;
    if (before) for (const target of targetsOf(before)) this.unlist(target.key, uri);
    if (after) {
      for (const target of targetsOf(after)) {
        const list = this.byKey.get(target.key);
        if (list) list.push(target);
        else this.byKey.set(target.key, [target]);
      }
    }
    this.version++;
    this.derived = null;
    const titles = !sameTitles(before, after);
    if (titles) this.suggestions = new Map();
    const change: IndexChange = { uri, names: titles || !sameReferences(before, after) };
    for (const listener of this.listeners) listener(change);
  }

  private unlist(key: string, uri: string): void {
    const list = this.byKey.get(key);
    if (!list) return;
    const kept = list.filter((t) => t.uri !== uri);
    if (kept.length > 0) this.byKey.set(key, kept);
    else this.byKey.delete(key);
  }

  private searchableOf(summary: FileSummary): Searchable[] {
    let searchable = this.searchables.get(summary);
    if (!searchable) {
      searchable = [...summary.talks, ...summary.sessions].map((target) => {
        const text = target.kind === 'talk' ? [target.heading, target.event, target.day, target.session].filter(Boolean).join(' ') : target.heading;
        const words = searchWords(text);
        return { target, words: ' ' + words.join(' '), ...masks(words) };
      });
      this.searchables.set(summary, searchable);
    }
    return searchable;
  }

  private derive(): Derived {
    if (!this.derived) {
      const all = new Map(this.onDisk);
      for (const [uri, summary] of this.open) all.set(uri, summary);
      const files = [...all.values()].sort((a, b) => compare(a.uri, b.uri));
      this.derived = { files };
    }
    return this.derived;
  }

  /** The titles nearest to a misspelt one (edit distance on the compared form), best first. */
  private nearest(key: string): string[] {
    let found = this.suggestions.get(key);
    if (found) return found;
    const scored: Array<{ title: string; d: number }> = [];
    const most = (other: string) => Math.max(2, Math.floor(Math.max(key.length, other.length) * 0.4));
    for (const [other, targets] of this.byKey) {
      // The distance is at least the difference in length: most titles need no comparing.
      if (Math.abs(other.length - key.length) > most(other)) continue;
      const d = distance(key, other);
      if (d <= most(other)) scored.push({ title: targetName(targets[0]), d });
    }
    found = scored.sort((a, b) => a.d - b.d || compare(a.title, b.title)).slice(0, SUGGESTIONS).map((s) => s.title);
    // Each keystroke in a reference asks for a new key: keep the memory bounded.
    if (this.suggestions.size >= 1000) this.suggestions.clear();
    this.suggestions.set(key, found);
    return found;
  }
}

/**
 * Are the letters of `word` in `text` in that order, within three times the word's length
 * (`prometeus` in `prometheus`)? Letters strewn across a whole title line are no match a person
 * means, and fuzzysort would score them under the threshold anyway, after preparing them.
 */
function lettersClose(word: string, text: string): boolean {
  const reach = 3 * word.length + 2;
  for (let start = text.indexOf(word[0]); start >= 0; start = text.indexOf(word[0], start + 1)) {
    let at = start;
    for (let k = 1; k < word.length; k++) {
      at = text.indexOf(word[k], at + 1);
      // Not anywhere after: no later start can do better.
      if (at < 0) return false;
      if (at - start >= reach) break;
    }
    if (at - start < reach) return true;
  }
  return false;
}

/**
 * The targets that match, in file order; past MOST_SCORED of them, those whose title line begins
 * with the first word first, and the scan stops once there are MOST_SCORED of those. The others
 * are not tested once MOST_SCORED of them are kept. `mayMatch` is the masks' test, tried before
 * any string is read: testing where the title begins first made a query over 10,000 files
 * twice as slow (workspace symbols p95 15 → 29 ms).
 */
function firstScored(searchable: readonly Searchable[], firstWord: string, mayMatch: (s: Searchable) => boolean, matches: (s: Searchable) => boolean): Searchable[] {
  const leading: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < searchable.length && leading.length < MOST_SCORED; i++) {
    const s = searchable[i];
    if (!mayMatch(s)) continue;
    const lead = s.words.startsWith(firstWord);
    if ((lead || others.length < MOST_SCORED) && matches(s)) (lead ? leading : others).push(i);
  }
  const kept = leading.length + others.length <= MOST_SCORED ? [...leading, ...others].sort((a, b) => a - b) : [...leading, ...others].slice(0, MOST_SCORED);
  return kept.map((i) => searchable[i]);
}

/** A bit for a character: a–z, a digit, anything else. */
function bitOf(code: number): number {
  return 1 << (code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? 26 : 27);
}

/**
 * What a target's words must hold for a query's words to begin some of them: their first
 * letters, their first two letters (hashed to 32 bits) and all their letters. Cheap to test on
 * 300,000 targets; a word that fails one cannot match, so its strings are never searched.
 */
function masks(words: readonly string[]): { firsts: number; heads: number; letters: number } {
  let firsts = 0;
  let heads = 0;
  let letters = 0;
  for (const word of words) {
    firsts |= bitOf(word.charCodeAt(0));
    if (word.length > 1) heads |= 1 << ((word.charCodeAt(0) * 31 + word.charCodeAt(1)) & 31);
    for (let i = 0; i < word.length; i++) letters |= bitOf(word.charCodeAt(i));
  }
  return { firsts, heads, letters };
}

/** The words of a text for search: lower case, split at anything but letters and digits. */
function searchWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function targetsOf(summary: FileSummary): Target[] {
  return [...summary.talks, ...summary.sessions];
}

function byPlace(a: Target, b: Target): number {
  return compare(a.uri, b.uri) || a.line - b.line;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Do two versions of a file name the same talks and sessions, as names resolve by them and the
 * outline shows them (positions left out)? Compared in place: a string of a 100 MB file's names
 * held its first indexing 30 ms.
 */
function sameTitles(before: FileSummary | undefined, after: FileSummary | undefined): boolean {
  const a = before ?? NO_SUMMARY;
  const b = after ?? NO_SUMMARY;
  if (a.talks.length !== b.talks.length || a.sessions.length !== b.sessions.length) return false;
  for (let i = 0; i < a.talks.length; i++) {
    const x = a.talks[i];
    const y = b.talks[i];
    if (x.key !== y.key || x.heading !== y.heading || x.sessionOrdinal !== y.sessionOrdinal) return false;
  }
  for (let i = 0; i < a.sessions.length; i++) {
    const x = a.sessions[i];
    const y = b.sessions[i];
    if (x.heading !== y.heading || x.talkCount !== y.talkCount) return false;
  }
  return true;
}

/** Do two versions of a file say the same references (positions left out)? */
function sameReferences(before: FileSummary | undefined, after: FileSummary | undefined): boolean {
  const a = (before ?? NO_SUMMARY).references;
  const b = (after ?? NO_SUMMARY).references;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].key !== b[i].key || a[i].file !== b[i].file) return false;
  return true;
}

const NO_SUMMARY: Pick<FileSummary, 'talks' | 'sessions' | 'references'> = { talks: [], sessions: [], references: [] };
