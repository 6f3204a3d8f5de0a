/**
 * Every notes file of the workspace as a FileSummary: disk copies, overridden by the text of
 * open documents. Pure (no I/O): the server feeds it. Answers what spans files: which talk a
 * reference names, who refers to a talk, and fuzzy search over talks and sessions.
 */
import { distance } from 'fastest-levenshtein';
import fuzzysort, { type Prepared } from 'fuzzysort';
import { referenceKey } from '../parser/references';
import type { FileSummary, ReferenceEntry, SessionEntry, TalkEntry } from './fileSummary';

export type Target = TalkEntry | SessionEntry;

export type Resolution =
  | { readonly kind: 'resolved'; readonly target: Target }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Target[] }
  /** `suggestions`: the nearest titles, best first. */
  | { readonly kind: 'unresolved'; readonly suggestions: readonly string[] };

/** What a reference says: a title (or `Event – Day – Session`), maybe in a named file. */
export interface ReferenceTarget {
  readonly target: string;
  readonly file: string | null;
}

/** The name of a session as references write it. */
export function sessionName(s: SessionEntry): string {
  return `${s.event} – ${s.day} – ${s.session}`;
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

interface Derived {
  readonly talks: TalkEntry[];
  readonly sessions: SessionEntry[];
  readonly byKey: Map<string, Target[]>;
  readonly searchable: Array<{ target: Target; prepared: Prepared }>;
  backlinks?: Map<Target, ReferenceEntry[]>;
}

const SUGGESTIONS = 3;

export class WorkspaceIndex {
  private readonly onDisk = new Map<string, FileSummary>();
  private readonly open = new Map<string, FileSummary>();
  private derived: Derived | null = null;
  private readonly listeners: Array<() => void> = [];
  /** Bumped on every change, so callers can tell whether what they computed is stale. */
  version = 0;

  /** Called after every change (synchronously: listeners should debounce). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setFromDisk(summary: FileSummary): void {
    this.onDisk.set(summary.uri, summary);
    if (!this.open.has(summary.uri)) this.changed();
  }

  deleteFromDisk(uri: string): void {
    if (this.onDisk.delete(uri) && !this.open.has(uri)) this.changed();
  }

  /** Deletes the disk copies under a folder uri (a workspace folder was removed). */
  deleteFolder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : folderUri + '/';
    for (const uri of [...this.onDisk.keys()]) if (uri.startsWith(prefix)) this.deleteFromDisk(uri);
  }

  /** An open document's text wins over its disk copy until it closes. */
  setOpen(summary: FileSummary): void {
    this.open.set(summary.uri, summary);
    this.changed();
  }

  close(uri: string): void {
    if (this.open.delete(uri)) this.changed();
  }

  get(uri: string): FileSummary | undefined {
    return this.open.get(uri) ?? this.onDisk.get(uri);
  }

  files(): FileSummary[] {
    const all = new Map(this.onDisk);
    for (const [uri, summary] of this.open) all.set(uri, summary);
    return [...all.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  get fileCount(): number {
    let count = this.onDisk.size;
    for (const uri of this.open.keys()) if (!this.onDisk.has(uri)) count++;
    return count;
  }

  talks(): readonly TalkEntry[] {
    return this.derive().talks;
  }

  sessions(): readonly SessionEntry[] {
    return this.derive().sessions;
  }

  resolve(reference: ReferenceTarget): Resolution {
    const { byKey, talks, sessions } = this.derive();
    let candidates = byKey.get(referenceKey(reference.target)) ?? [];
    if (reference.file !== null) candidates = candidates.filter((t) => uriIsFile(t.uri, reference.file!));
    if (candidates.length === 1) return { kind: 'resolved', target: candidates[0] };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates };
    return { kind: 'unresolved', suggestions: nearest(reference.target, [...talks.map((t) => t.title), ...sessions.map(sessionName)]) };
  }

  /** The references that resolve to the target, in file order. */
  referencesTo(target: Target): readonly ReferenceEntry[] {
    const derived = this.derive();
    if (!derived.backlinks) {
      derived.backlinks = new Map();
      for (const file of this.files()) {
        for (const reference of file.references) {
          const resolution = this.resolve(reference);
          if (resolution.kind !== 'resolved') continue;
          const list = derived.backlinks.get(resolution.target);
          if (list) list.push(reference);
          else derived.backlinks.set(resolution.target, [reference]);
        }
      }
    }
    return derived.backlinks.get(target) ?? [];
  }

  /** The talk or session whose title line is on this line of this file. */
  targetOnLine(uri: string, line: number): Target | null {
    const file = this.get(uri);
    if (!file) return null;
    return file.talks.find((t) => t.selectionRange.start.line === line) ?? file.sessions.find((s) => s.selectionRange.start.line === line) ?? null;
  }

  /**
   * Talks and sessions matching the query fuzzily on title, speaker, event, day and session,
   * best first; every word of the query must match (`prom wilk`). An empty query lists all.
   */
  search(query: string, limit: number): Target[] {
    const { searchable } = this.derive();
    if (query.trim() === '') return searchable.slice(0, limit).map((s) => s.target);
    return fuzzysort.go(query, searchable, { key: 'prepared', limit, threshold: 0 }).map((r) => r.obj.target);
  }

  private changed(): void {
    this.version++;
    this.derived = null;
    for (const listener of this.listeners) listener();
  }

  private derive(): Derived {
    if (this.derived) return this.derived;
    const talks: TalkEntry[] = [];
    const sessions: SessionEntry[] = [];
    const byKey = new Map<string, Target[]>();
    const add = (key: string, target: Target) => {
      const list = byKey.get(key);
      if (list) list.push(target);
      else byKey.set(key, [target]);
    };
    for (const file of this.files()) {
      for (const s of file.sessions) {
        sessions.push(s);
        add(referenceKey(sessionName(s)), s);
      }
      for (const t of file.talks) {
        talks.push(t);
        add(referenceKey(t.title), t);
      }
    }
    const searchable = [...talks, ...sessions].map((target) => ({
      target,
      prepared: fuzzysort.prepare(target.kind === 'talk' ? [target.line, target.event, target.day, target.session].filter(Boolean).join(' ') : target.line),
    }));
    this.derived = { talks, sessions, byKey, searchable };
    return this.derived;
  }
}

/** The titles nearest to a misspelt one (edit distance on the compared form), best first. */
function nearest(text: string, titles: readonly string[]): string[] {
  const key = referenceKey(text);
  const scored: Array<{ title: string; d: number }> = [];
  const seen = new Set<string>();
  for (const title of titles) {
    const other = referenceKey(title);
    if (seen.has(other) || Math.abs(other.length - key.length) > Math.max(3, key.length / 2)) continue;
    seen.add(other);
    const d = distance(key, other);
    if (d <= Math.max(2, Math.floor(Math.max(key.length, other.length) * 0.4))) scored.push({ title, d });
  }
  return scored.sort((a, b) => a.d - b.d).slice(0, SUGGESTIONS).map((s) => s.title);
}
