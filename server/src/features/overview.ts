/** The lines an Org-style overview folds: session headers (fold to sessions) and talk titles (fold to talks). */
import type { NotesDocument } from '../parser/model';

export interface OverviewLines {
  readonly sessions: number[];
  readonly talks: number[];
}

export function overviewLines(doc: NotesDocument): OverviewLines {
  return {
    sessions: doc.sessions.map((s) => doc.lines.lineAt(s.headerSpan.start)),
    talks: doc.talks.map((t) => doc.lines.lineAt(t.lineSpan.start)),
  };
}
