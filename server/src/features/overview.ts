/**
 * The lines an Org-style overview folds: session headers (fold to sessions, with the talks
 * before any header, which no session holds) and talk titles (fold to talks).
 */
import type { NotesDocument } from '../parser/model';
import type { OverviewLines } from '../protocol/types';


export function overviewLines(doc: NotesDocument): OverviewLines {
  const lineOf = (offset: number) => doc.lines.lineAt(offset);
  return {
    sessions: doc.sessions.map((s) => lineOf(s.headerSpan.start)),
    talks: doc.talks.map((t) => lineOf(t.lineSpan.start)),
    looseTalks: doc.looseTalks.map((t) => lineOf(t.lineSpan.start)),
  };
}
