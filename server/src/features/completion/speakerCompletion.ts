/**
 * Speaker names offered on a talk title line: after ` by ` or a dash separator (`Title by
 * Andrew ` → Andrew McDonnell, Andrew Tridgell), or at the start of the line in a file whose
 * talks put the speaker first. Every speaker of the workspace, most talks first, with their
 * last talk as detail.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { NotesDocument } from '../../parser/model';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';

/** Items per answer; the editor asks again as the user types. */
const ITEMS = 50;
const AFTER_SEPARATOR = /^(\S.*?)( by | [–—-] )([^–—-]*)$/;

interface Speaker {
  readonly name: string;
  talks: number;
  lastTalk: string;
}

/** Each person once (`Alice Smith and Bob Jones` are two), with their number of talks and last talk. */
function speakersOf(index: WorkspaceIndex): Speaker[] {
  const byName = new Map<string, Speaker>();
  for (const talk of index.talks()) {
    if (talk.speaker === null) continue;
    for (const name of talk.speaker.split(/, | and | & /)) {
      const key = name.toLowerCase();
      const known = byName.get(key);
      if (known) {
        known.talks++;
        known.lastTalk = talk.title;
      } else byName.set(key, { name, talks: 1, lastTalk: talk.title });
    }
  }
  return [...byName.values()];
}

/**
 * Do most talks put the speaker before the title? The document's own talks say so, or, while it
 * has none with a speaker, the workspace's (a talk whose title does not start its line).
 */
function speakerFirst(doc: NotesDocument, index: WorkspaceIndex): boolean {
  let first = 0;
  let last = 0;
  for (const t of doc.talks) {
    if (!t.speakerSpan) continue;
    if (t.speakerSpan.start < t.titleSpan.start) first++;
    else last++;
  }
  if (first + last === 0) {
    for (const t of index.talks()) {
      if (t.speaker === null) continue;
      if (t.titleStart > t.character) first++;
      else last++;
    }
  }
  return first > last;
}

export function speakerCompletions(doc: NotesDocument, index: WorkspaceIndex, line: number, character: number): CompletionItem[] {
  const text = doc.lineText(line);
  const before = text.slice(0, character);
  if (/^\s/.test(before) || doc.sessions.some((s) => doc.lines.lineAt(s.headerSpan.start) === line)) return [];
  const separated = AFTER_SEPARATOR.exec(before);
  const atStart = !separated && !/ [–—-] | by /.test(before) && speakerFirst(doc, index);
  if (!separated && !atStart) return [];
  const typed = separated ? separated[3] : before;
  const wanted = typed.trim().toLowerCase();
  const matches = (name: string) => wanted === '' || name.toLowerCase().startsWith(wanted) || name.toLowerCase().split(' ').some((w) => w.startsWith(wanted));
  const from = character - typed.length;
  return speakersOf(index)
    .filter((s) => matches(s.name))
    .sort((a, b) => b.talks - a.talks || a.name.localeCompare(b.name))
    .slice(0, ITEMS)
    .map((s, rank) => ({
      label: s.name,
      kind: CompletionItemKind.Value,
      detail: `${s.talks} talk${s.talks === 1 ? '' : 's'}, last: ${s.lastTalk}`,
      sortText: String(rank).padStart(3, '0'),
      filterText: s.name,
      textEdit: { range: { start: { line, character: from }, end: { line, character } }, newText: atStart ? `${s.name} – ` : s.name },
    }));
}
