/**
 * Add Links from Schedule: under each talk of the notes that is a talk of the programme
 * (schedule/matchTalk.ts), one bullet beside its last one (a line of text in a talk of prose)
 * with the talk's page, slides and recording — each only if the talk does not hold it yet. Nothing else changes: the insertions
 * only add text, and a second run adds none.
 */
import type { NotesDocument, Talk } from '../parser/model';
import { matchTalk } from '../schedule/matchTalk';
import type { Programme, ProgrammeLink } from '../schedule/programme';

export interface LinkInsertion {
  /**
   * Where the line goes: a bullet after the talk's last bullet (with its children) — never after
   * lines the talk only ends with (page chrome such as `Share` before the next header, which a
   * bullet below would make a talk); in a talk without bullets, a line of text at its end.
   */
  readonly offset: number;
  readonly text: string;
  readonly talk: Talk;
  readonly links: readonly ProgrammeLink[];
}

const LABELS: Record<ProgrammeLink['kind'], string> = { page: 'Page', slides: 'Slides', recording: 'Recording', other: 'Link' };

/** One address however it is written: no scheme, no `www.`, no trailing slash, the host in lower case. */
export function sameAddress(url: string): string {
  const bare = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

/** An address written as it is read back: http(s), no white space, not ending in what a link's end leaves out. */
const WRITABLE = /^https?:\/\/[^\s<>"'`\[\]{}|\\^]+[^\s<>"'`\[\]{}|\\^.,;:!?)]$/i;

export function scheduleLinkInsertions(doc: NotesDocument, programme: Programme): LinkInsertion[] {
  const newline = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const roots = doc.bullets.roots().map((i) => ({ ...doc.bullets.span(i), marker: doc.bullets.markerSpan(i) }));
  return doc.talks.flatMap((talk): LinkInsertion[] => {
    const match = matchTalk(talk.title, talk.speaker, programme.talks);
    if (!match) return [];
    const held = new Set(doc.links.filter((l) => l.span.start >= talk.span.start && l.span.end <= talk.span.end).flatMap((l) => [sameAddress(l.text), ...(l.target ? [sameAddress(l.target)] : [])]));
    const wanted: ProgrammeLink[] = [...(match.url ? [{ kind: 'page' as const, url: match.url }] : []), ...match.links.filter((l) => l.kind === 'slides' || l.kind === 'recording')].filter((l) => WRITABLE.test(l.url));
    const seen = new Set<string>();
    const missing = wanted.filter((l) => {
      const key = sameAddress(l.url);
      if (held.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (missing.length === 0) return [];
    const line = missing.map((l) => `${LABELS[l.kind]}: ${l.url}`).join(' · ');
    const last = lastBullet(talk, roots);
    // A talk of prose (no bullets): a line of text at its end, as its writer writes (a bullet there could make a line above it a title).
    if (last === null) return [{ offset: talk.span.end, text: `${newline}${line}`, talk, links: missing }];
    // The talk's own last top-level bullet's indent and marker, tabs and all: the new bullet is its sibling.
    const lineStart = doc.text.lastIndexOf('\n', last.marker.start) + 1;
    const prefix = doc.text.slice(lineStart, last.marker.end);
    return [{ offset: Math.min(last.end, talk.span.end), text: `${newline}${prefix} ${line}`, talk, links: missing }];
  });
}

interface Root {
  readonly start: number;
  readonly end: number;
  readonly marker: { readonly start: number; readonly end: number };
}

/** The talk's last top-level bullet, its span with its children (found by halving: `roots` are in document order); null without bullets. */
function lastBullet(talk: Talk, roots: readonly Root[]): Root | null {
  let low = 0;
  let high = roots.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (roots[mid].start < talk.span.end) low = mid + 1;
    else high = mid;
  }
  const last = roots[low - 1];
  return last && last.start >= talk.span.start ? last : null;
}

/** The text with the insertions made (they do not overlap: one per talk, at its end). */
export function withInsertions(text: string, insertions: readonly LinkInsertion[]): string {
  let result = '';
  let from = 0;
  for (const i of [...insertions].sort((a, b) => a.offset - b.offset)) {
    result += text.slice(from, i.offset) + i.text;
    from = i.offset;
  }
  return result + text.slice(from);
}
