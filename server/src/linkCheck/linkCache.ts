/**
 * What links answered, kept on disk (the extension's global storage, or the CLI's cache folder)
 * so that results survive restarts: a day for answers, an hour for failures (a site may be back).
 * One JSON file, written whole (to a temporary name, then renamed) after each run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Outcome } from './outcomes';

const FILE = 'link-check-cache.json';
const VERSION = 1;
export const ANSWER_KEPT_MS = 24 * 60 * 60 * 1000;
export const FAILURE_KEPT_MS = 60 * 60 * 1000;

interface Entry {
  readonly outcome: Outcome;
  /** When it was checked (ms since the epoch). */
  readonly at: number;
}

export class LinkCache {
  private entries = new Map<string, Entry>();
  private loaded = false;

  /** `folder` null: in memory only (a run, a test). */
  constructor(private readonly folder: string | null, private readonly now: () => number = Date.now) {}

  get(url: string): Outcome | null {
    this.load();
    const entry = this.entries.get(url);
    if (!entry) return null;
    const kept = entry.outcome.kind === 'response' ? ANSWER_KEPT_MS : FAILURE_KEPT_MS;
    if (this.now() - entry.at > kept) {
      this.entries.delete(url);
      return null;
    }
    return entry.outcome;
  }

  set(url: string, outcome: Outcome): void {
    // Skipped links depend on settings, not on the site: not kept.
    if (outcome.kind === 'skipped') return;
    this.load();
    this.entries.set(url, { outcome, at: this.now() });
  }

  /** Writes the cache; a folder that cannot be written only loses the cache, never the run. */
  save(): string | null {
    if (!this.folder) return null;
    const now = this.now();
    const live = [...this.entries].filter(([, e]) => now - e.at <= (e.outcome.kind === 'response' ? ANSWER_KEPT_MS : FAILURE_KEPT_MS));
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      const file = path.join(this.folder, FILE);
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify({ version: VERSION, entries: Object.fromEntries(live) }));
      fs.renameSync(temporary, file);
      return null;
    } catch (e) {
      return `the link cache could not be written in ${this.folder}: ${(e as Error).message}`;
    }
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.folder) return;
    try {
      const data = JSON.parse(fs.readFileSync(path.join(this.folder, FILE), 'utf8')) as { version?: number; entries?: Record<string, Entry> };
      if (data.version !== VERSION || !data.entries) return;
      for (const [url, entry] of Object.entries(data.entries)) {
        if (entry && typeof entry.at === 'number' && entry.outcome && typeof entry.outcome.kind === 'string') this.entries.set(url, entry);
      }
    } catch {
      // No cache yet, or one that cannot be read: start afresh.
    }
  }
}
